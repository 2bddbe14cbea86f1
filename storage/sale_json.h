#pragma once
// A stored sale as JSON (amounts in fen): printed by `salon-kiosk sale` and sent
// through the outbox.
#include <nlohmann/json.hpp>

#include "app/core/sale.h"

namespace salon::storage {

nlohmann::json saleJson(const Sale& sale, StoreZone zone);

}  // namespace salon::storage
