#include "storage/sync_member_phones.h"

#include <sodium.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "app/core/audit.h"
#include "app/core/outbox.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {

const char* const kWholeAtHeadOffice =
    "(EXISTS (SELECT 1 FROM member_openings o WHERE o.customer_id = c.id) OR (NOT EXISTS (SELECT 1 FROM points_ledger l, member_file_keys_from f WHERE l.customer_id = c.id AND l.id <= f.points_id)"
    " AND NOT EXISTS (SELECT 1 FROM stored_value_ledger l, member_file_keys_from f WHERE l.customer_id = c.id"
    " AND l.id <= f.stored_value_id)"
    " AND NOT EXISTS (SELECT 1 FROM customer_packages p JOIN package_ledger l ON l.package_id = p.id,"
    " member_file_keys_from f WHERE p.customer_id = c.id AND l.id <= f.package_id)"
    " AND NOT EXISTS (SELECT 1 FROM arrears_ledger l, member_file_keys_from f WHERE l.customer_id = c.id"
    " AND l.id <= f.arrears_id)))";

namespace {

std::optional<std::string> headOfficeKey(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT body FROM hq_owned WHERE kind = 'phone.key' AND key = 'phone'");
  if (!q.executeStep()) return std::nullopt;
  auto body = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
  if (!body.is_object() || !body.contains("key") || !body["key"].is_string()) return std::nullopt;
  std::string key = body["key"];
  if (key.size() < 32) return std::nullopt;
  return key;
}

struct Due {
  std::int64_t customer;
  std::string memberNo, fileNo, phone;  // memberNo "" for a membership without a number; phone "" for a shared one
};

// A member's phone as it may go up: "" when another file carries the same phone (a
// family's, or a second file) or the file says it is shared. Members are files with
// a member number or a membership (a tier without a card number: head office keys
// those by the file number, when it holds their whole history: kWholeAtHeadOffice).
// member_phone_reports.member_no keeps the key sent. A file brought in from another
// store (chain_files_in, issue 18) is that store's to report.
std::vector<Due> dueReports(SQLite::Database& db, const std::string& tag, int limit) {
  SQLite::Statement q(db, std::string("SELECT m.id, m.member_no, m.file_no, m.p FROM (SELECT c.id, COALESCE(c.member_no,"
                          " '') AS member_no, c.file_no, COALESCE(NULLIF(c.member_no, ''), c.file_no) AS k, CASE WHEN"
                          " c.phone_shared OR EXISTS (SELECT 1 FROM customers o WHERE o.phone = c.phone AND o.id <> c.id)"
                          " THEN '' ELSE c.phone END AS p FROM customers c WHERE c.id NOT IN (SELECT customer_id FROM chain_files_in)"
                          " AND ((c.member_no IS NOT NULL AND"
                          " c.member_no <> '') OR (EXISTS (SELECT 1 FROM memberships s WHERE s.customer_id = c.id) AND ") +
                          kWholeAtHeadOffice + "))) m LEFT JOIN member_phone_reports r ON r.customer_id = m.id WHERE"
                          " r.customer_id IS NULL OR r.member_no <> m.k OR r.phone <> m.p OR r.key_tag <> ? ORDER BY m.id"
                          " LIMIT ?");
  SQLite::bind(q, tag, limit);
  std::vector<Due> due;
  while (q.executeStep())
    due.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return due;
}

}  // namespace

std::string phoneMatchKey(const std::string& key, const std::string& phone) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(phone.data()), phone.size());
  crypto_auth_hmacsha256_final(&st, mac);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : mac) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

int reportMemberPhones(SQLite::Database& db, Instant now, int limit) {
  auto key = headOfficeKey(db);
  if (!key) return 0;
  const std::string tag = key->substr(0, 16);
  std::vector<Due> due = dueReports(db, tag, limit);
  for (const Due& d : due) {
    nlohmann::json payload = {{"member_no", d.memberNo}, {"file_no", d.fileNo},
                              {"phone_key", d.phone.empty() ? "" : phoneMatchKey(*key, d.phone)}};
    appendOutbox(db, {newUuid(), "member.phone_key", payload.dump(), now});
    SQLite::Statement up(db, "INSERT INTO member_phone_reports (customer_id, member_no, phone, key_tag) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT(customer_id) DO UPDATE SET member_no = excluded.member_no,"
                             " phone = excluded.phone, key_tag = excluded.key_tag");
    SQLite::bind(up, d.customer, d.memberNo.empty() ? d.fileNo : d.memberNo, d.phone, tag);
    up.exec();
  }
  if (!due.empty())
    appendAudit(db, auditOf(now, "", "sync.member_phones", "sync", "member_phone_key",
                            std::to_string(due.size()) + " members' phones sent to head office as keyed hashes"));
  return static_cast<int>(due.size());
}

std::optional<std::int64_t> customerByMemberKey(SQLite::Database& db, const std::string& key) {
  if (key.empty()) return std::nullopt;
  const auto slash = key.find('/');
  SQLite::Statement q(db, "SELECT id FROM customers WHERE member_no = ? OR file_no = ? ORDER BY member_no IS NULL LIMIT 1");
  SQLite::bind(q, key, slash == std::string::npos ? key : key.substr(slash + 1));
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace salon::storage
