#pragma once
// The care lists staff work through (birthdays, lapsed, care reminders), read a
// page of customers at a time: a store with a million files gets its first
// `limit` tasks without reading every file. The CLI and the kiosk share this.
#include <string>
#include <vector>

#include "app/core/care.h"
#include "storage/care_store.h"

namespace salon::storage {

struct CareListRequest {
  std::string list;      // birthdays | lapsed | reminders
  CivilDate today;
  Instant now = 0;
  StoreZone zone;
  int days = 0;          // birthdays: days ahead (7); lapsed: days unseen; reminders: window (14); 0 = default
  int lapseDays = 90;    // the store's setting, when `days` is 0
  int limit = 200;       // tasks wanted
  CustomerId after = 0;  // continue after this customer (the previous result's `next`)
  int pageSize = 500;    // customers read per query
};

struct CareListResult {
  std::vector<CareTask> tasks;  // not yet done or skipped for the same occasion
  CustomerId next = 0;          // more may follow after this customer; 0 = the list is complete
  std::string season;           // reminders: the season for product suggestions
};

// DomainError bad_input for an unknown list.
CareListResult careList(SQLite::Database& db, const CareListRequest& r);
// The ref a task's contact is logged under (the occasion: its due date).
std::string careRef(const CareTask& t);

}  // namespace salon::storage
