#pragma once
// The demo salon's showcase customers: a handful of fixed files the demos,
// screenshots and scripted sessions rely on (names with 陳 玲 and a +852 phone,
// members and non-members), registered through the customer module like any
// other. Generated demo customers come after them.
#include "app/core/clock.h"
#include "storage/database.h"

namespace salon::demo {

// Registers the showcase customers into an empty customers table; returns how
// many it added (0 when the table had files already).
int seedShowcaseCustomers(storage::Database& db, const Clock& clock);

}  // namespace salon::demo
