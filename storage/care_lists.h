#pragma once
// The care lists staff work through (birthdays, lapsed, care reminders), read a
// page of customers at a time: a store with a million files gets its first
// `limit` tasks without reading every file. The CLI and the kiosk share this.
#include <string>
#include <vector>

#include "app/core/care.h"
#include "app/core/care_lists.h"
#include "storage/care_store.h"

namespace salon::storage {

// The request, the result and the occasion's ref are core's (app/core/care_lists.h).
using salon::CareListRequest;
using salon::CareListResult;
using salon::careRef;

// DomainError bad_input for an unknown list.
CareListResult careList(SQLite::Database& db, const CareListRequest& r);

// Core's CareLists port on one connection.
class SqliteCareLists : public CareLists {
 public:
  explicit SqliteCareLists(Database& db) : db_(db) {}
  CareListResult list(const CareListRequest& request) override;
  int lapseDays() override;
  std::vector<VisitToFollow> visitsBetween(Instant from, Instant to) override;
  bool handled(CustomerId customer, const std::string& kind, const std::string& ref) override;
  std::string lastOutcome(const std::string& kind, const std::string& ref) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
