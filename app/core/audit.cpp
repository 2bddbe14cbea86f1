#include "app/core/audit.h"

#include <sodium.h>

#include "app/core/uuid.h"

namespace salon {
namespace {

void feed(crypto_hash_sha256_state& st, const std::string& field) {
  // Length-prefixed, so ("ab","c") and ("a","bc") hash differently.
  std::uint64_t n = field.size();
  unsigned char len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(n >> (8 * i));
  crypto_hash_sha256_update(&st, len, sizeof len);
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

}  // namespace

std::string auditHash(const AuditEntry& e) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  for (const std::string* f : {&e.prevHash, &e.id, &e.staff, &e.action, &e.recordType, &e.recordId,
                               &e.sections, &e.reason, &e.outcome})
    feed(st, *f);
  feed(st, std::to_string(e.seq));
  feed(st, std::to_string(e.at));
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

AuditEntry auditOf(Instant at, std::string staff, std::string action, std::string recordType,
                   std::string recordId, std::string reason, std::string sections) {
  AuditEntry e;
  e.id = newUuid();
  e.at = at;
  e.staff = std::move(staff);
  e.action = std::move(action);
  e.recordType = std::move(recordType);
  e.recordId = std::move(recordId);
  e.reason = std::move(reason);
  e.sections = std::move(sections);
  return e;
}

}  // namespace salon
