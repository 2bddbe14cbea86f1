#include "storage/sync_cards.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/settings_store.h"
#include "storage/sql.h"
#include "storage/sync_holds.h"

namespace salon::storage {
namespace {

constexpr const char* kReported = "sync.card_keys_reported";

std::string hexOf(const std::string& bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.pop_back();
  return out;
}

std::string bytesOf(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0)
    return "";
  out.resize(len);
  return out;
}

bool enrolled(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT 1 FROM sync_state WHERE hq_url IS NOT NULL AND hq_url != ''");
  return q.executeStep();
}

}  // namespace

bool reportCardKeys(SQLite::Database& db, Instant now) {
  // A store that has printed no card has none for other stores to check.
  if (!enrolled(db) || !SQLite::Statement(db, "SELECT 1 FROM member_cards LIMIT 1").executeStep()) return false;
  nlohmann::json keys = nlohmann::json::array();
  SQLite::Statement q(db, "SELECT public_key FROM member_card_key_generations"
                          " ORDER BY retired_at IS NOT NULL, generation DESC LIMIT 32");
  while (q.executeStep()) keys.push_back(hexOf(sql::bytes(q.getColumn(0))));
  if (keys.empty() || readSetting(db, kReported).value_or("") == keys.dump()) return false;
  appendOutbox(db, {newUuid(), "card.keys", nlohmann::json{{"keys", keys}}.dump(), now});
  writeSetting(db, kReported, keys.dump());
  return true;
}

std::vector<std::string> chainCardKeys(SQLite::Database& db) {
  std::vector<std::string> out;
  SQLite::Statement q(db, "SELECT body FROM hq_owned WHERE kind = 'card.keys'");
  while (q.executeStep()) {
    auto body = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
    if (!body.is_object() || !body.value("keys", nlohmann::json()).is_array()) continue;
    for (const auto& k : body["keys"])
      if (k.is_string() && k.get<std::string>().size() == 64 &&
          k.get<std::string>().find_first_not_of("0123456789abcdef") == std::string::npos)
        out.push_back(bytesOf(k.get<std::string>()));
  }
  return out;
}

void applyChainCardVersion(SQLite::Database& db, const HeadOfficeChange& c, Instant now) {
  if (!c.body) return;
  auto body = nlohmann::json::parse(*c.body, nullptr, false);
  if (!body.is_object() || !body.value("version", nlohmann::json()).is_number_integer() ||
      body.value("member_no", std::string()) != c.key)
    throw DomainError("hq_refused", "bad_change member.card " + c.key);
  const int version = body["version"];
  const std::string store = body.value("store", std::string());
  SQLite::Statement q(db, "SELECT COALESCE(m.version, 1) FROM customers c LEFT JOIN member_cards m"
                          " ON m.member_no = c.member_no WHERE c.member_no = ? LIMIT 1");
  q.bind(1, c.key);
  if (!q.executeStep() || q.getColumn(0).getInt() >= version) return;  // not ours, or known already
  ensureOnlineStaff(db, now);
  const std::string reason = "reissued at " + store;
  SQLite::Statement up(db, "INSERT INTO member_cards (member_no, version, updated_at) VALUES (?, ?, ?)"
                           " ON CONFLICT(member_no) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at");
  SQLite::bind(up, c.key, version, now);
  up.exec();
  SQLite::Statement log(db, "INSERT INTO member_card_log (member_no, event, version, staff, reason, at)"
                            " VALUES (?, 'reissue', ?, ?, ?, ?)");
  SQLite::bind(log, c.key, version, kOnlineBookingStaff, reason, now);
  log.exec();
  appendAudit(db, auditOf(now, "", "card.revoked_by_chain", "member_card", c.key, reason,
                          "card_version=" + std::to_string(version)));
}

}  // namespace salon::storage
