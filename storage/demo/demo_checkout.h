#pragma once
// The demo salon's catalog, member tiers and money settings, and past sales.
#include "app/core/clock.h"
#include "storage/database.h"

namespace salon::demo {

// Seeds the demo catalog, tiers, settings and stock once (when the catalog is
// empty); then adds `sales` past sales spread over the last year, before today,
// each posted on its own (closed) business day. Uses the customers on file; with
// none on file, adds a few demo members first. Deterministic for a seed.
void seedDemoCheckout(storage::Database& db, const Clock& clock, long sales, unsigned seed);

}  // namespace salon::demo
