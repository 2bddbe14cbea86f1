#pragma once
#include "app/core/check_in.h"
#include "storage/database.h"
#include "storage/verify.h"

namespace salon::storage {

class SqliteCheckInQueue : public CheckInQueue {
 public:
  explicit SqliteCheckInQueue(Database& db) : db_(db) {}
  void add(const CheckIn& checkIn, const AuditEntry& audit) override;
  std::vector<QueuedCustomer> between(Instant from, Instant to) override;

 private:
  Database& db_;
};

// For `verify`: every check-in was stored with its audit entry and outbox
// message (a row added by hand has neither).
LedgerCheck checkCheckIns(SQLite::Database& db);

}  // namespace salon::storage
