#include "app/hq/online_file.h"

#include <sodium.h>

#include <set>
#include <stdexcept>

#include "app/core/change_request.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "app/hq/customer_texts.h"
#include "app/hq/online_self.h"
#include "app/hq/refusal.h"
#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

using nlohmann::json;

std::string toBase64(const std::string& raw) {
  std::string out(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool fromBase64(const std::string& text, std::string& raw) {
  raw.assign(text.size(), '\0');
  std::size_t n = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), text.data(), text.size(), nullptr,
                        &n, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  raw.resize(n);
  return true;
}

std::string newAsk() {
  std::string raw(16, '\0');
  randombytes_buf(raw.data(), raw.size());
  return base64url(raw);  // 22 characters, 128 bits
}

// One row and one down change per member the phone has.
void askStores(pqxx::work& w, const std::string& ask, const std::string& phoneKey, Instant now) {
  for (const auto& m : w.exec_params("SELECT member_no, store FROM member_phones WHERE phone_key = $1 ORDER BY member_no",
                                     phoneKey)) {
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    std::string id = newUuid(), member = m[0].as<std::string>(), store = m[1].as<std::string>();
    std::string secret(reinterpret_cast<char*>(sk), sizeof sk);
    sodium_memzero(sk, sizeof sk);
    w.exec_params("INSERT INTO self_views (id, ask, phone_key, store, member_no, secret, requested_at)"
                  " VALUES ($1, $2, $3, $4, $5, decode($6, 'hex'), $7)",
                  id, ask, phoneKey, store, member, hexOf(secret), now);
    json body = {{"request", id}, {"member_no", member},
                 {"public_key", toBase64(std::string(reinterpret_cast<char*>(pk), sizeof pk))}, {"asked_at", now}};
    w.exec_params("INSERT INTO chain_changes (kind, key, store, body) VALUES ('customer.self_view', $1, $2, $3::jsonb)",
                  id, store, body.dump());
  }
}

json opened(const pqxx::row& r) {
  std::string hex = r[1].as<std::string>(), secret(crypto_box_SECRETKEYBYTES, '\0'), sealed, plain;
  std::size_t n = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(secret.data()), secret.size(), hex.data(), hex.size(), nullptr, &n,
                     nullptr) != 0 || n != secret.size())
    return nullptr;
  if (!fromBase64(r[2].as<std::string>(), sealed) || sealed.size() < crypto_box_SEALBYTES) return nullptr;
  unsigned char pk[crypto_box_PUBLICKEYBYTES];
  crypto_scalarmult_base(pk, reinterpret_cast<const unsigned char*>(secret.data()));
  plain.assign(sealed.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                           reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(), pk,
                           reinterpret_cast<const unsigned char*>(secret.data())) != 0)
    return nullptr;
  json file = json::parse(plain, nullptr, false);
  return file.is_object() ? file : json(nullptr);
}

}  // namespace

json askOwnFile(pqxx::connection& db, const std::string& phone, Instant now) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to start");
  pqxx::work w(db);
  std::string phoneKey = phoneMatchKey(w, phone);
  auto waiting = w.exec_params("SELECT ask FROM self_views WHERE phone_key = $1 AND answered_at IS NULL"
                               " AND requested_at > $2 ORDER BY requested_at DESC LIMIT 1",
                               phoneKey, now - kSelfViewWait);
  if (!waiting.empty()) return {{"request", waiting[0][0].as<std::string>()}};
  std::string ask = newAsk();
  askStores(w, ask, phoneKey, now);
  // A phone with no member: a row with no store, answered at once with nothing.
  if (w.exec_params("SELECT 1 FROM self_views WHERE ask = $1", ask).empty())
    w.exec_params("INSERT INTO self_views (id, ask, phone_key, store, member_no, secret, requested_at, answered_at)"
                  " VALUES ($1, $2, $3, '', '', ''::bytea, $4, $4)",
                  newUuid(), ask, phoneKey, now);
  w.commit();
  return {{"request", ask}};
}

json ownFileAnswer(pqxx::connection& db, const std::string& phone, const std::string& ask, Instant now) {
  pqxx::work w(db);
  auto rows = w.exec_params("SELECT store, encode(secret, 'hex'), translate(encode(sealed, 'base64'), E'\\n', ''),"
                            " answered_at IS NOT NULL, requested_at FROM self_views WHERE ask = $1 AND phone_key = $2 AND requested_at > $3 FOR UPDATE",
                            ask, phoneMatchKey(w, phone), now - kSelfViewKept);
  if (rows.empty()) throw Refusal(404, "not_found", "no such look");
  json files = json::array();
  for (const auto& r : rows) {
    if (!r[3].as<bool>())
      return {{"status", now - r[4].as<std::int64_t>() > kSelfViewWait ? "offline" : "waiting"}};
    if (r[0].as<std::string>().empty()) continue;  // a phone with no member
    json file = opened(r);
    if (file.is_object() && file.value("found", false)) {
      file.erase("found");
      files.push_back(file);
    }
  }
  w.exec_params("DELETE FROM self_views WHERE ask = $1", ask);  // read once: the secret keys go
  w.commit();
  return {{"status", "answered"}, {"files", files}};
}

void keepSelfViewAnswer(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  auto request = e.payload.find("request"), sealed = e.payload.find("sealed");
  if (request == e.payload.end() || !request->is_string() || sealed == e.payload.end() || !sealed->is_string())
    throw std::invalid_argument("customer.self_view_answer needs \"request\" and \"sealed\" strings");
  std::string raw;
  if (!fromBase64(sealed->get<std::string>(), raw)) throw std::invalid_argument("\"sealed\" is not base64");
  // A look already forgotten (read, or too old) stays forgotten; the first answer stands.
  w.exec_params("UPDATE self_views SET sealed = decode($3, 'base64'), answered_at = $4"
                " WHERE id::text = $1 AND store = $2 AND answered_at IS NULL",
                request->get<std::string>(), store, sealed->get<std::string>(), e.at);
}

namespace {

std::string textOf(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

// The field and its value as the store's file would take them.
std::pair<std::string, std::string> checkedCorrection(const json& body) {
  static const std::set<std::string> online = {"name", "phone", "gender", "birthday", "address", "occupation"};
  std::string field = textOf(body, "field"), reason = textOf(body, "reason");
  if (!online.count(field))
    throw Refusal(400, "bad_request", "field: one of name, phone, gender, birthday, address, occupation");
  if (reason.empty() || reason.size() > 300) throw Refusal(400, "bad_request", "reason: 1 to 300 bytes");
  try {
    return {field, checkedChangeValue(field, textOf(body, "value"))};
  } catch (const DomainError& e) {
    throw Refusal(400, "bad_request", field + ": " + e.code());
  }
}

}  // namespace

json askCorrection(pqxx::connection& db, const std::string& phone, const json& body, Instant now) {
  auto [field, value] = checkedCorrection(body);
  pqxx::work w(db);
  std::string phoneKey = phoneMatchKey(w, phone);
  if (w.exec_params("SELECT count(*) FROM online_corrections WHERE phone_key = $1 AND at > $2", phoneKey, now - kHour)[0][0]
          .as<int>() >= 10)
    throw Refusal(429, "rate_limited", "at most 10 corrections an hour");
  for (const auto& m : w.exec_params("SELECT member_no, store FROM member_phones WHERE phone_key = $1", phoneKey)) {
    std::string id = newUuid(), member = m[0].as<std::string>(), store = m[1].as<std::string>();
    // The phone is kept only until the store answers (to text the customer if it cannot take it).
    w.exec_params("INSERT INTO online_corrections (id, phone_key, store, member_no, field, at, phone, lang)"
                  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                  id, phoneKey, store, member, field, now, phone, textLanguage(textOf(body, "lang")));
    json change = {{"correction", id}, {"member_no", member}, {"field", field}, {"value", value},
                   {"reason", textOf(body, "reason")}, {"asked_at", now}};
    w.exec_params("INSERT INTO chain_changes (kind, key, store, body) VALUES ('customer.correction', $1, $2, $3::jsonb)",
                  id, store, change.dump());
  }
  w.commit();
  return {{"status", "sent"}};
}

int forgetSelfViews(pqxx::connection& db, Instant now) {
  pqxx::work w(db);
  auto gone = w.exec_params("DELETE FROM self_views WHERE requested_at <= $1", now - kSelfViewKept);
  w.commit();
  return static_cast<int>(gone.affected_rows());
}

}  // namespace salon::hq
