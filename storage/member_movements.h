#pragma once
// The outbox payload of a sale with what it moved on the member's accounts
// (issue 18, app/hq/PROTOCOL.md "Member movements"): saleJson plus the member's
// number in "customer" and a "movements" list, one entry per ledger row the
// sale wrote, so head office can keep every member's balances across the chain.
#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "app/core/sale.h"

namespace salon::storage {

// Inside the sale's transaction, after its movements are applied.
nlohmann::json saleEventJson(SQLite::Database& db, const Sale& sale, StoreZone zone);

// Points expired by housekeeping, inside its transaction: an outbox event
// "points.expired" {"customer": {"id", "member_no"}, "movements": [points expire -n]}
// for a member (nothing for a customer without a member number).
void appendPointsExpiry(SQLite::Database& db, CustomerId id, std::int64_t points, Instant now);

}  // namespace salon::storage
