#pragma once
// A stored sale, read back as its receipt (names, balances after, store header).
#include <optional>
#include <string>

#include "app/core/receipt.h"
#include "app/core/sale.h"
#include "storage/database.h"

namespace salon::storage {

std::optional<Receipt> loadReceipt(SQLite::Database& db, const std::string& saleId);
// The receipt of a sale already read (its names only are read here).
Receipt receiptOf(SQLite::Database& db, const Sale& sale);
// How often this sale's receipt went to a printer already (0 = never): its
// receipt jobs (kind 'receipt', ref = the sale's id) that were not cancelled.
int receiptPrints(SQLite::Database& db, const std::string& saleId);

}  // namespace salon::storage
