#pragma once
// A stored sale, read back as its receipt (names, balances after, store header).
#include <optional>
#include <string>

#include "app/core/receipt.h"
#include "storage/database.h"

namespace salon::storage {

std::optional<Receipt> loadReceipt(SQLite::Database& db, const std::string& saleId);
// How often this sale's receipt went to a printer already (0 = never).
int receiptPrints(SQLite::Database& db, const std::string& saleNo);

}  // namespace salon::storage
