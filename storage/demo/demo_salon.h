#pragma once
// The demo salon: its settings and the Foundation's staff (PINs in the README).
#include "app/core/clock.h"
#include "app/core/pin.h"
#include "storage/database.h"

namespace salon::demo {

// The PIN hashing cost: SALON_PIN_COST=min for tests, otherwise interactive.
PinCost pinCostFromEnvironment();

// Seeds settings and staff into an empty database; does nothing if staff exist.
// Returns true when it seeded.
bool seedDemoSalon(storage::Database& db, const Clock& clock, PinCost cost);

}  // namespace salon::demo
