#include "storage/chain_file_key.h"

#include <sodium.h>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

const char kContext[crypto_kdf_CONTEXTBYTES + 1] = "salonchn";

std::string hexOf(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

std::string derived(const unsigned char* master, std::uint64_t id) {
  std::string key(32, '\0');
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(key.data()), key.size(), id, kContext, master);
  return key;
}

std::string hmacHex(const std::string& key, const std::string& text) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return hexOf(mac, sizeof mac);
}

}  // namespace

std::string newChainSecret() {
  if (sodium_init() < 0) throw DomainError("chain_key_failed", "libsodium");
  unsigned char secret[crypto_kdf_KEYBYTES];
  crypto_kdf_keygen(secret);
  std::string hex = hexOf(secret, sizeof secret);
  sodium_memzero(secret, sizeof secret);
  return hex;
}

void keepChainSecret(SQLite::Database& db, const std::string& secretHex, const std::string& staff, Instant now) {
  if (secretHex.size() != 64 || secretHex.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw DomainError("bad_input", "the chain key is 64 lower-case hex digits");
  SQLite::Statement q(db, "INSERT INTO chain_file_key (one, secret, set_at, set_by) VALUES (1, ?, ?, ?)"
                          " ON CONFLICT(one) DO UPDATE SET secret = excluded.secret, set_at = excluded.set_at,"
                          " set_by = excluded.set_by");
  SQLite::bind(q, secretHex, now, staff);
  q.exec();
  db.exec("INSERT OR IGNORE INTO chain_file_dirty (customer_id) SELECT id FROM customers");
  auto keys = chainKeys(db);
  appendAudit(db, auditOf(now, staff, "chain.key_set", "sync", "chain_file_key", "tag " + keys->tag));
}

std::optional<ChainKeys> chainKeys(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT secret FROM chain_file_key WHERE one = 1");
  if (!q.executeStep()) return std::nullopt;
  std::string hex = q.getColumn(0).getString();
  unsigned char master[crypto_kdf_KEYBYTES];
  if (sodium_init() < 0 || hex.size() != 64 ||
      sodium_hex2bin(master, sizeof master, hex.c_str(), hex.size(), nullptr, nullptr, nullptr) != 0)
    throw DomainError("chain_key_failed", "chain_file_key is damaged");
  ChainKeys k{derived(master, 1), derived(master, 2), ""};
  sodium_memzero(master, sizeof master);
  k.tag = hmacHex(k.lookup, "tag").substr(0, 16);
  return k;
}

std::string blindKey(const ChainKeys& keys, const std::string& kind, const std::string& text) {
  return hmacHex(keys.lookup, kind + ":" + text);
}

std::string sealChainFile(const ChainKeys& keys, const std::string& plain) {
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), out, reinterpret_cast<const unsigned char*>(keys.data.data()));
  std::string text(sodium_base64_encoded_len(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), out, box.size(), sodium_base64_VARIANT_ORIGINAL);
  text.pop_back();  // the terminating NUL
  return text;
}

std::string openChainFile(const ChainKeys& keys, const std::string& sealed) {
  std::string box(sealed.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), sealed.c_str(), sealed.size(),
                        nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw DomainError("chain_file_unreadable", "not a sealed file");
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const auto* in = reinterpret_cast<const unsigned char*>(box.data());
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), in + crypto_secretbox_NONCEBYTES,
                                 len - crypto_secretbox_NONCEBYTES, in,
                                 reinterpret_cast<const unsigned char*>(keys.data.data())) != 0)
    throw DomainError("chain_file_unreadable", "sealed under another chain key");
  return plain;
}

}  // namespace salon::storage
