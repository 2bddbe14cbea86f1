#pragma once
// TEMPORARY: a handful of customers for the demo salon's home list and check-in,
// until the customer-files work brings its own demo data. Remove at that merge.
#include "app/core/clock.h"
#include "storage/database.h"

namespace salon::kiosk {

// Inserts the demo customers into an empty `customers` table; returns how many.
int seedDemoCustomers(storage::Database& db, const Clock& clock);
// For benchmarks: `count` more generated customers (one transaction).
void seedGeneratedCustomers(storage::Database& db, const Clock& clock, int count);

}  // namespace salon::kiosk
