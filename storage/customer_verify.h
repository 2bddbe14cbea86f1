#pragma once
// `verify`'s check of the customer files: every file and member number was
// handed out by its counter (none typed in by hand past it, none counted twice).
#include "storage/verify.h"

namespace salon::storage {

LedgerCheck checkCustomerNumbers(SQLite::Database& db);

}  // namespace salon::storage
