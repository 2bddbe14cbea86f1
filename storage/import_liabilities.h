#pragma once
// What the store owes its customers at a moment, from the ledgers themselves
// (so an import, a sale or a refund counts the same): stored value principal
// and bonus, points, package sessions and their value, and the arrears owed to it.
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/clock.h"
#include "app/core/money.h"

namespace salon::storage {

struct Liabilities {
  Money svPrincipal, svBonus, packageValue, arrears;
  std::int64_t points = 0, packageSessions = 0, members = 0;
};

// Every ledger entry before `before` (ms). A package's value is what was paid for
// it, pro rata to the sessions left.
Liabilities liabilitiesAt(SQLite::Database& db, Instant before);

}  // namespace salon::storage
