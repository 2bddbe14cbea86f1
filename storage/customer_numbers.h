#pragma once
// Customer and member numbers that stay unique across the chain.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace salon::storage {

// The code this store is known by in the chain: the code head office enrolled it
// under, else the store.code setting ("S01" by default). File numbers start with it.
std::string chainStoreCode(SQLite::Database& db);

}  // namespace salon::storage
