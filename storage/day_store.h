#pragma once
// Business days and the end-of-day reports: the Z report (by tender, staff and
// category, with the audit chain head) and staff performance over a period.
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/business_day.h"
#include "storage/database.h"

namespace salon::storage {

std::optional<BusinessDay> currentDay(SQLite::Database& db);
std::optional<BusinessDay> dayOf(SQLite::Database& db, const std::string& date);

// Each in its own transaction, audited. DomainError day_already_open / day_closed / day_not_open.
BusinessDay openBusinessDay(Database& db, const std::string& staff, Money openingFloat, Instant now, StoreZone zone);
BusinessDay closeBusinessDay(Database& db, const std::string& staff, const std::map<std::int64_t, int>& denominations,
                             Instant now);

// Cash the drawer should hold: the opening float plus every cash tender of the day.
Money expectedCash(SQLite::Database& db, const std::string& date);

ZReport zReport(SQLite::Database& db, const std::string& date, const CheckoutPolicy& policy);
// Per staff member over [from, to] (business days, inclusive).
std::vector<StaffPerformance> staffReport(SQLite::Database& db, const std::string& from, const std::string& to,
                                          const CheckoutPolicy& policy);

}  // namespace salon::storage
