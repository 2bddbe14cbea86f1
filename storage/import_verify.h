#pragma once
// `verify` for imports: every opening-balance entry points at an import, and
// each import's control totals equal the sum of its entries.
#include "storage/verify.h"

namespace salon::storage {

LedgerCheck checkImports(SQLite::Database& db);

}  // namespace salon::storage
