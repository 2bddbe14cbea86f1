#include "storage/chain_files.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "app/core/customer_file.h"
#include "app/core/error.h"
#include "app/core/name_keys.h"
#include "app/core/outbox.h"
#include "app/core/phone.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/chain_file_key.h"
#include "storage/customer_field_update.h"
#include "storage/customer_rows.h"
#include "storage/sql.h"
#include "storage/sync_holds.h"

namespace salon::storage {
namespace {

using Json = nlohmann::json;

std::string digestOf(const std::string& text) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::string out(sizeof h * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), h, sizeof h);
  out.pop_back();
  return out;
}

Json fieldsOf(SQLite::Database& db, std::int64_t id) {
  Json fields = Json::object();
  SQLite::Statement q(db, "SELECT field, state, value FROM customer_fields WHERE customer_id = ? ORDER BY field");
  q.bind(1, id);
  while (q.executeStep())
    fields[q.getColumn(0).getString()] = {{"state", q.getColumn(1).getString()}, {"value", q.getColumn(2).getString()}};
  return fields;
}

// What was sent or received last, so a file is not sent again unchanged (nor back).
void noteDigest(SQLite::Database& db, std::int64_t id, const std::string& digest, const std::string& tag) {
  SQLite::Statement up(db, "INSERT INTO chain_file_reports (customer_id, digest, key_tag) VALUES (?, ?, ?)"
                           " ON CONFLICT(customer_id) DO UPDATE SET digest = excluded.digest, key_tag = excluded.key_tag");
  SQLite::bind(up, id, digest, tag);
  up.exec();
  SQLite::Statement done(db, "DELETE FROM chain_file_dirty WHERE customer_id = ?");
  done.bind(1, id);
  done.exec();
}

std::string text(const Json& c, const char* key) {
  auto it = c.find(key);
  if (it == c.end() || !it->is_string()) throw DomainError("bad_input", std::string("chain file without ") + key);
  return it->get<std::string>();
}

std::string base64Of(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

std::string bytesOf(const std::string& b64) {
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.c_str(), b64.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw DomainError("bad_input", "chain file name keys");
  out.resize(len);
  return out;
}

// The name's search and sort keys as the sending store made them, so a file comes in
// without opening ICU here (its transliterators and collators take ~150 ms to open).
Json nameKeysOf(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT name_search, pinyin, initials, pinyin_sort, stroke_sort FROM customers WHERE id = ?");
  q.bind(1, id);
  q.executeStep();
  auto blob = [&](int i) {
    const int n = q.getColumn(i).getBytes();
    return n > 0 ? std::string(static_cast<const char*>(q.getColumn(i).getBlob()), static_cast<std::size_t>(n)) : "";
  };
  Json k = {{"search", q.getColumn(0).getString()}, {"pinyin", q.getColumn(1).getString()},
            {"initials", q.getColumn(2).getString()}, {"pinyin_sort", base64Of(blob(3))},
            {"stroke_sort", base64Of(blob(4))}, {"grams", Json::array()}};
  SQLite::Statement g(db, "SELECT gram, place FROM customer_name_grams WHERE customer_id = ? ORDER BY place, gram");
  g.bind(1, id);
  while (g.executeStep()) k["grams"].push_back({g.getColumn(0).getString(), g.getColumn(1).getInt()});
  return k;
}

NameKeys nameKeysFrom(const Json& c, const std::string& name) {
  auto it = c.find("name_keys");
  if (it == c.end() || !it->is_object()) return NameKeyMaker().keysOf(name);  // a sender that did not carry them
  const Json& k = *it;
  NameKeys out{k.value("search", ""), k.value("pinyin", ""), k.value("initials", ""),
               bytesOf(k.value("pinyin_sort", "")), bytesOf(k.value("stroke_sort", "")), {}};
  for (const Json& g : k.value("grams", Json::array()))
    if (g.is_array() && g.size() == 2 && g[0].is_string() && g[1].is_number_integer())
      out.grams.push_back({g[0].get<std::string>(), static_cast<GramPlace>(g[1].get<int>())});
  return out;
}

FieldMap fieldMapOf(const Json& c) {
  FieldMap out;
  for (const FieldSpec& spec : fileFields()) out[spec.key] = FieldValue{};
  if (auto it = c.find("fields"); it != c.end() && it->is_object())
    for (const auto& [key, v] : it->items())
      if (v.is_object()) out[key] = {fieldStateFromName(v.value("state", "")), v.value("value", "")};
  return out;
}

Consent consentOf(const Json& c) {
  Json k = c.value("consent", Json::object());
  return {k.value("status", "agreed"), k.value("notice", ""), k.value("at", Instant{0}), k.value("staff", ""),
          k.value("marketing", false)};
}

void refuseTakenMemberNo(SQLite::Database& db, const std::string& memberNo, const std::string& fileNo) {
  if (memberNo.empty()) return;
  SQLite::Statement q(db, "SELECT file_no FROM customers WHERE member_no = ? AND file_no <> ?");
  SQLite::bind(q, memberNo, fileNo);
  if (q.executeStep())
    throw DomainError("chain_file_conflict", "member " + memberNo + " is file " + q.getColumn(0).getString() + " here");
}

std::int64_t insertFile(SQLite::Database& db, const Json& c, Instant now) {
  NewCustomerFile f;
  f.name = text(c, "name");
  f.keys = nameKeysFrom(c, f.name);
  f.phone = parsePhone(text(c, "phone"));
  f.sharedPhone = c.value("phone_shared", false);
  f.consent = consentOf(c);
  f.fields = fieldMapOf(c);
  f.createdAt = c.value("created_at", now);
  ensureOnlineStaff(db, now);  // created_by: the file was made in another store
  f.createdBy = kOnlineBookingStaff;
  return CustomerRowWriter(db).insert(f, text(c, "file_no"), c.value("member_no", ""), c.value("status", "pending_review"),
                                      false);
}

void updateFile(SQLite::Database& db, std::int64_t id, const Json& c, Instant now) {
  std::string name = text(c, "name");
  updateName(db, id, nameKeysFrom(c, name), name);
  updatePhone(db, id, parsePhone(text(c, "phone")));
  Consent k = consentOf(c);
  SQLite::Statement up(db, "UPDATE customers SET member_no = COALESCE(?, member_no), phone_shared = ?, status = ?,"
                           " consent_status = ?, consent_notice = ?, consent_at = ?, consent_staff = ?,"
                           " marketing_opt_in = ? WHERE id = ?");
  sql::bind(up, sql::orNull(c.value("member_no", "")), c.value("phone_shared", false),
            c.value("status", "pending_review"), k.status, k.noticeVersion, k.at, k.staff, k.marketing, id);
  up.exec();
  CustomerRowWriter rows(db);
  for (const auto& [key, v] : fieldMapOf(c)) rows.insertField(id, key, v, now, kOnlineBookingStaff);
  const FieldMap fields = fieldMapOf(c);
  auto bd = fields.find("birthday");
  auto skin = fields.find("skin_type");
  SQLite::Statement mirror(db, "UPDATE customers SET birthday = ?, skin_type = ? WHERE id = ?");
  sql::bind(mirror, bd != fields.end() && bd->second.state == FieldState::Value ? std::optional(bd->second.value)
                                                                                  : std::nullopt,
            skin != fields.end() ? skin->second.value : std::string(), id);
  mirror.exec();
}

std::optional<std::int64_t> idOfFileNo(SQLite::Database& db, const std::string& fileNo) {
  SQLite::Statement q(db, "SELECT id FROM customers WHERE file_no = ?");
  q.bind(1, fileNo);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

// Keeps the file as it came (new here, or brought up to date); notes its digest.
std::int64_t keepFile(SQLite::Database& db, const ChainKeys& keys, const Json& c, Instant now) {
  const std::string fileNo = text(c, "file_no");
  refuseTakenMemberNo(db, c.value("member_no", ""), fileNo);
  auto id = idOfFileNo(db, fileNo);
  if (id) updateFile(db, *id, c, now);
  else id = insertFile(db, c, now);
  noteDigest(db, *id, digestOf(chainFileContent(db, *id)), keys.tag);
  return *id;
}

Json openedFile(const ChainKeys& keys, const std::string& sealed) {
  Json c = Json::parse(openChainFile(keys, sealed), nullptr, false);
  if (!c.is_object()) throw DomainError("chain_file_unreadable", "not a file");
  return c;
}

}  // namespace

std::string chainFileContent(SQLite::Database& db, std::int64_t customerId) {
  SQLite::Statement q(db, "SELECT file_no, COALESCE(member_no, ''), name, phone, phone_shared, status, created_at,"
                          " consent_status, consent_notice, consent_at, consent_staff, marketing_opt_in"
                          " FROM customers WHERE id = ?");
  q.bind(1, customerId);
  if (!q.executeStep()) throw DomainError("customer_not_found", std::to_string(customerId));
  Json c = {{"file_no", q.getColumn(0).getString()},
            {"member_no", q.getColumn(1).getString()},
            {"name", q.getColumn(2).getString()},
            {"phone", q.getColumn(3).getString()},
            {"phone_shared", q.getColumn(4).getInt() != 0},
            {"status", q.getColumn(5).getString()},
            {"created_at", q.getColumn(6).getInt64()},
            {"consent", {{"status", q.getColumn(7).getString()}, {"notice", q.getColumn(8).getString()},
                         {"at", q.getColumn(9).getInt64()}, {"staff", q.getColumn(10).getString()},
                         {"marketing", q.getColumn(11).getInt() != 0}}},
            {"fields", fieldsOf(db, customerId)},
            {"name_keys", nameKeysOf(db, customerId)}};
  return c.dump();
}

int reportChainFiles(SQLite::Database& db, Instant now, int limit) {
  auto keys = chainKeys(db);
  if (!keys) return 0;
  SQLite::Statement q(db, "SELECT d.customer_id, COALESCE(r.digest, ''), COALESCE(r.key_tag, '') FROM chain_file_dirty d"
                          " LEFT JOIN chain_file_reports r ON r.customer_id = d.customer_id"
                          " ORDER BY d.customer_id DESC LIMIT ?");
  q.bind(1, limit);
  std::vector<std::tuple<std::int64_t, std::string, std::string>> due;
  while (q.executeStep())
    due.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString());
  int sent = 0;
  for (const auto& [id, digest, tag] : due) {
    const std::string content = chainFileContent(db, id);
    const std::string now_digest = digestOf(content);
    if (now_digest != digest || tag != keys->tag) {
      Json c = Json::parse(content);
      Json blind = {blindKey(*keys, "phone", c["phone"]), blindKey(*keys, "file", c["file_no"])};
      if (!c["member_no"].get<std::string>().empty()) blind.push_back(blindKey(*keys, "member", c["member_no"]));
      Json payload = {{"file_no", c["file_no"]}, {"keys", blind}, {"sealed", sealChainFile(*keys, content)}};
      appendOutbox(db, {newUuid(), "customer.file", payload.dump(), now});
      ++sent;
    }
    noteDigest(db, id, now_digest, keys->tag);
  }
  if (sent > 0)
    appendAudit(db, auditOf(now, "", "sync.chain_files", "sync", "customer.file",
                            std::to_string(sent) + " customer files sent to head office sealed under the chain key"));
  return sent;
}

void applyChainFileChange(SQLite::Database& db, const HeadOfficeChange& change, Instant now) {
  if (!change.body) return;
  Json body = Json::parse(*change.body, nullptr, false);
  if (!body.is_object() || !body.contains("sealed") || !body["sealed"].is_string())
    throw DomainError("bad_input", "customer.file without a sealed file");
  if (!idOfFileNo(db, change.key)) return;  // not held here: nothing to bring up to date
  auto keys = chainKeys(db);
  if (!keys) throw DomainError("chain_file_unreadable", "no chain key here");
  Json c = openedFile(*keys, body["sealed"]);
  if (text(c, "file_no") != change.key) throw DomainError("bad_input", "customer.file under another number");
  keepFile(db, *keys, c, now);
  appendAudit(db, auditOf(now, "", "customer.chain_update", "customer", change.key,
                          "changed at " + body.value("store", std::string("head office")), "basic,consent,fields"));
}

bool SqliteChainFileStore::hasChainKey() { return chainKeys(db_.sql()).has_value(); }

std::optional<std::string> SqliteChainFileStore::lookupKeyOf(const std::string& query) {
  auto keys = chainKeys(db_.sql());
  if (!keys) return std::nullopt;
  if (isMemberNo(query)) return blindKey(*keys, "member", query);
  if (isFileNo(query)) return blindKey(*keys, "file", query);
  if (query.size() >= 7 && isPhone(query)) return blindKey(*keys, "phone", parsePhone(query).normalised);
  return std::nullopt;
}

std::vector<std::string> SqliteChainFileStore::bringIn(const std::vector<SealedChainFile>& files, AuditEntry audit) {
  std::vector<std::string> nos;
  db_.write([&](SQLite::Database& s) {
    nos.clear();
    auto keys = chainKeys(s);
    if (!keys) throw DomainError("chain_file_unreadable", "no chain key here");
    for (const SealedChainFile& f : files) {
      Json c = openedFile(*keys, f.sealed);
      std::int64_t id = keepFile(s, *keys, c, audit.at);
      SQLite::Statement in(s, "INSERT INTO chain_files_in (customer_id, file_no, from_store, brought_at, brought_by,"
                              " purpose) VALUES (?,?,?,?,?,?) ON CONFLICT(customer_id) DO NOTHING");
      SQLite::bind(in, id, text(c, "file_no"), f.store, audit.at, audit.staff, audit.reason);
      in.exec();
      nos.push_back(text(c, "file_no"));
    }
    for (const std::string& no : nos) audit.recordId += (audit.recordId.empty() ? "" : ",") + no;
    appendAudit(s, audit);
  });
  return nos;
}

}  // namespace salon::storage
