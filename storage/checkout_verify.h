#pragma once
// `verify`'s checks of the checkout ledgers: each balance equals the sum of its
// ledger, and every sale adds up and has its records.
#include "storage/verify.h"

namespace salon::storage {

LedgerCheck checkPointsLedger(SQLite::Database& db);
LedgerCheck checkStoredValueLedger(SQLite::Database& db);
LedgerCheck checkPackageLedger(SQLite::Database& db);
LedgerCheck checkStockLedger(SQLite::Database& db);
LedgerCheck checkArrearsLedger(SQLite::Database& db);
LedgerCheck checkSales(SQLite::Database& db);
LedgerCheck checkStaffTotals(SQLite::Database& db);

}  // namespace salon::storage
