#pragma once
// Customer and member numbers that stay unique across the chain (issue 18).
// File numbers start with the code head office enrolled the store under (unique
// at HQ). Member numbers: once HQ has given the store its block (1-99, in every
// hello), M + the block's two digits + a six-digit sequence; before that, and for
// a store never enrolled, the store's own M + 8 digits as before.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace salon::storage {

// The code this store is known by in the chain: the code head office enrolled it
// under, else the store.code setting ("S01" by default).
std::string chainStoreCode(SQLite::Database& db);

// The next member number, inside the caller's transaction. DomainError
// member_numbers_exhausted after the block's 999,999th.
std::string nextMemberNo(SQLite::Database& db);

// Keeps the block head office gave (a hello); inside its own statement.
void keepNumberBlock(SQLite::Database& db, int block);

}  // namespace salon::storage
