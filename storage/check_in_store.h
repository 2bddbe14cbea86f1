#pragma once
#include "app/core/check_in.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteCheckInQueue : public CheckInQueue {
 public:
  explicit SqliteCheckInQueue(Database& db) : db_(db) {}
  void add(const CheckIn& checkIn, const AuditEntry& audit) override;
  std::vector<QueuedCustomer> between(Instant from, Instant to) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
