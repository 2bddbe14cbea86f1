#pragma once
// The chain's secret for customer files across stores (issue 18): one 32-byte secret
// the stores of a chain share and head office never receives. The owner makes it at
// one store (`salon-kiosk sync chain-key --new`, which prints it once) and types it
// into the others (`--set`, from stdin). Two keys are derived from it (libsodium's
// crypto_kdf, context "salonchn"): the data key that seals each file before it goes
// up (XSalsa20-Poly1305 secretbox), and the lookup key whose HMAC-SHA256 of a full
// phone, member number or file number is the blind key head office files it under.
// Kept in the store's database (chain_file_key, migration 024), like the files it
// protects: it keeps the files from head office, not from whoever holds this database.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

#include "app/core/clock.h"

namespace salon::storage {

struct ChainKeys {
  std::string data;    // 32 raw bytes
  std::string lookup;  // 32 raw bytes
  std::string tag;     // 16 hex: names the secret without giving it away
};

// 64 lower-case hex characters of fresh randomness.
std::string newChainSecret();
// Keeps `secretHex` (64 hex; DomainError bad_input otherwise), audited as chain.key_set,
// and marks every file to go up again under it. In the caller's transaction.
void keepChainSecret(SQLite::Database& db, const std::string& secretHex, const std::string& staff, Instant now);
std::optional<ChainKeys> chainKeys(SQLite::Database& db);

// hex HMAC-SHA256(lookup key, kind + ":" + text); kind is phone, member or file.
std::string blindKey(const ChainKeys& keys, const std::string& kind, const std::string& text);
// base64 of nonce | secretbox(plain) under the data key, and back (DomainError
// chain_file_unreadable when it was sealed under another secret or damaged).
std::string sealChainFile(const ChainKeys& keys, const std::string& plain);
std::string openChainFile(const ChainKeys& keys, const std::string& sealed);

}  // namespace salon::storage
