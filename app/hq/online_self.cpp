#include "app/hq/online_self.h"

#include <openssl/hmac.h>

#include <stdexcept>

#include <iostream>

#include "app/hq/booking_slots.h"
#include "app/hq/customer_texts.h"
#include "app/hq/member_api.h"
#include "app/hq/member_debit_sessions.h"
#include "app/hq/member_keys.h"
#include "app/hq/member_rekey.h"
#include "app/hq/online_corrections.h"
#include "app/hq/online_file.h"
#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

using nlohmann::json;

std::string textOf(const json& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_string()) throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
  return it->get<std::string>();
}

std::string optionalText(const json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_string() ? it->get<std::string>() : "";
}

bool isHexKey(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// member.phone_key: {"member_no" ("" for a membership without a number), "file_no",
// "phone_key": 64 hex or ""}; kept under the member's key (member_keys.h).
void keepPhoneKey(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  if (!e.payload.contains("member_no") || !e.payload["member_no"].is_string())
    throw std::invalid_argument("\"member_no\" is not a string");
  std::string member = memberKeyOf(store, e.payload), key = textOf(e.payload, "phone_key");
  if (member.empty() || member.size() > 64) throw std::invalid_argument("member_no and file_no are empty, or too long");
  // A file given a card number since (member_rekey.h): kept under the number.
  const std::string sent = member;
  if (optionalText(e.payload, "member_no").empty()) member = currentMemberKey(w, sent);
  const bool numbered = !optionalText(e.payload, "member_no").empty() || member != sent;
  if (key.empty()) {
    w.exec_params("DELETE FROM member_phones WHERE member_no = $1", member);
    return;
  }
  if (!isHexKey(key)) throw std::invalid_argument("phone_key is not 64 lower-case hex digits");
  w.exec_params("INSERT INTO member_phones (member_no, phone_key, store, at, file_no, numbered) VALUES ($1, $2, $3, $4,"
                " $5, $6) ON CONFLICT (member_no) DO UPDATE SET phone_key = excluded.phone_key, store = excluded.store,"
                " at = excluded.at, file_no = excluded.file_no, numbered = excluded.numbered",
                member, key, store, e.at, optionalText(e.payload, "file_no"), numbered);
}

// member.approved / member.rejected: {"customer", "application"?, "member_no"?, "reason"?}.
// Only applications made online (HQ's ids) for this store move; a counter's are not HQ's.
void keepDecision(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  std::string application = optionalText(e.payload, "application");
  if (application.empty()) return;  // a kiosk before this change, or an application made at the counter
  bool approved = e.type == "member.approved";
  w.exec_params("UPDATE online_applications SET status = $3, reason = $4, member_no = $5, decided_at = $6"
                " WHERE (id::text = $1 OR counter_application = $1) AND store = $2 AND status = 'pending'",
                application, store, approved ? "approved" : "declined", optionalText(e.payload, "reason"),
                approved ? optionalText(e.payload, "member_no") : "", e.at);
}

// member.application_answered {"application", "answer", …}: "already_member" (+ "member_no"):
// the store found the phone's file a member already; the page shows it approved, with the
// number. "pending_at_counter" (+ "counter_application"): the file has an application
// waiting at the counter; that one's decision (keepDecision) answers this one too.
void keepAnswer(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  const std::string answer = textOf(e.payload, "answer"), application = textOf(e.payload, "application");
  if (answer == "pending_at_counter") {
    w.exec_params("UPDATE online_applications SET counter_application = $3 WHERE id::text = $1 AND store = $2"
                  " AND status = 'pending'",
                  application, store, textOf(e.payload, "counter_application"));
    return;
  }
  if (answer != "already_member") throw std::invalid_argument("answer is not already_member or pending_at_counter");
  w.exec_params("UPDATE online_applications SET status = 'approved', reason = 'already_member', member_no = $3,"
                " decided_at = $4 WHERE id::text = $1 AND store = $2 AND status = 'pending'",
                application, store, optionalText(e.payload, "member_no"), e.at);
}

json packagesOf(pqxx::transaction_base& r, const std::string& memberNo) {
  json out = json::array();
  // (less what open debits hold: member_debit_sessions.h)
  for (const auto& row : r.exec_params("SELECT p.service, COALESCE(c.name, p.service), p.left_, p.expires FROM (SELECT p.service,"
                                       " p.expires, p.package, p.sessions_left - " + openSessionsSql("p.package", "''") +
                                           " AS left_ FROM member_packages p WHERE p.member_no = $1) p LEFT JOIN"
                                           " catalog_items c ON c.code = p.service WHERE p.left_ > 0"
                                           " ORDER BY p.expires, p.service, p.package",
                                       memberNo))
    out.push_back({{"service", row[0].as<std::string>()}, {"service_name", row[1].as<std::string>()},
                   {"sessions_left", row[2].as<int>()}, {"expires", row[3].as<std::string>()}});
  return out;
}

}  // namespace

std::vector<QuarantinedEvent> projectSelfEvents(pqxx::dbtransaction& w, const std::string& store,
                                                const std::vector<const OutboxEvent*>& fresh) {
  std::vector<QuarantinedEvent> quarantined;
  for (const OutboxEvent* e : fresh) {
    if (!e->payload.is_object()) continue;
    try {
      if (e->type == "member.phone_key") keepPhoneKey(w, store, *e);
      else if (e->type == "member.approved" || e->type == "member.rejected") keepDecision(w, store, *e);
      else if (e->type == "customer.self_view_answer") keepSelfViewAnswer(w, store, *e);  // online_file.cpp
      else if (e->type == "member.application_answered") keepAnswer(w, store, *e);
      else if (e->type == "customer.correction_answered") keepCorrectionAnswer(w, store, *e);  // online_corrections.cpp
      else if (e->type == "customer.change_approved" || e->type == "customer.change_rejected")
        keepCorrectionDecision(w, store, *e);
    } catch (const std::invalid_argument& why) {
      quarantined.push_back({e, why.what()});
    }
  }
  return quarantined;
}

std::string phoneMatchKey(pqxx::transaction_base& t, const std::string& phone) {
  auto r = t.exec("SELECT value FROM hq_settings WHERE key = 'phone_match_key'");
  if (r.empty()) throw std::runtime_error("hq_settings has no phone_match_key (migration 008)");
  std::string secret = r[0][0].as<std::string>();
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
            reinterpret_cast<const unsigned char*>(phone.data()), phone.size(), md, &n))
    throw std::runtime_error("HMAC failed");
  return hexOf(std::string(reinterpret_cast<char*>(md), n));
}

json ownFigures(pqxx::connection& db, const std::string& phone, Instant now) {
  json members = json::array();
  std::vector<std::string> keys;  // head office's keys of the members shown
  {
    pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only> r(db);
    for (const auto& row : r.exec_params("SELECT p.member_no, p.file_no, p.numbered FROM member_phones p"
                                         " WHERE p.phone_key = $1 ORDER BY p.member_no",
                                         phoneMatchKey(r, phone))) {
      auto figures = chainMemberBalance(r, row[0].as<std::string>(), now);
      if (!figures) continue;  // its store named the phone before any figures arrived
      json m = *figures;
      if (!row[2].as<bool>()) m["member_no"] = "";  // a membership without a card number, kept under its file
      m["file_no"] = row[1].as<std::string>();
      auto name = r.exec_params("SELECT name FROM stores WHERE code = $1", m["home_store"].get<std::string>());
      m["store_name"] = name.empty() ? m["home_store"] : json(name[0][0].as<std::string>());
      m["packages"] = packagesOf(r, row[0].as<std::string>());
      for (const char* internal : {"as_of", "as_of_ms", "source"}) m.erase(internal);
      members.push_back(m);
      keys.push_back(row[0].as<std::string>());
    }
  }
  if (!members.empty()) {
    pqxx::work w(db);
    for (const auto& key : keys)
      w.exec_params("INSERT INTO member_views (store, staff, member_no, purpose, what)"
                    " VALUES ('online', 'customer', $1, 'own figures on the phone page', 'balance')",
                    key);
    w.commit();
  }
  return {{"members", members}, {"as_of", formatUtc(now)}, {"as_of_ms", now}};
}

json ownApplications(pqxx::connection& db, const std::string& phone) {
  pqxx::read_transaction r(db);
  json out = json::array();
  for (const auto& row : r.exec_params("SELECT a.store, s.name, a.status, a.reason, a.member_no, a.created_at, a.decided_at"
                                       " FROM online_applications a JOIN stores s ON s.code = a.store"
                                       " WHERE a.phone = $1 ORDER BY a.created_at DESC, a.store",
                                       phone))
    out.push_back({{"store", row[0].as<std::string>()}, {"store_name", row[1].as<std::string>()},
                   {"status", row[2].as<std::string>()}, {"reason", row[3].as<std::string>()},
                   {"member_no", row[4].as<std::string>()}, {"applied_at", row[5].as<std::int64_t>()},
                   {"decided_at", row[6].is_null() ? json(nullptr) : json(row[6].as<std::int64_t>())}});
  return {{"applications", out}};
}

int tellApplicationDecisions(pqxx::connection& db, SmsProvider& sms, Instant now) {
  pqxx::work w(db);
  auto rows = w.exec("SELECT a.id::text, a.status, a.reason, a.phone, a.lang, a.store, s.name FROM online_applications a"
                     " JOIN stores s ON s.code = a.store WHERE a.told_at IS NULL AND a.decided_at IS NOT NULL"
                     " ORDER BY a.decided_at LIMIT 100 FOR UPDATE OF a SKIP LOCKED");
  int told = 0;
  for (const auto& r : rows) {
    std::string store = r[5].as<std::string>();
    try {
      told += textCustomer(w, sms, storeSettings(w, store),
                           {r[3].as<std::string>(), r[1].as<std::string>() == "approved" ? "member_approved" : "member_declined",
                            r[4].as<std::string>(), Purpose::Essential,
                            {{"store", r[6].as<std::string>()}, {"reason", r[2].as<std::string>()}},
                            r[0].as<std::string>() + ":decided"},
                           now)
                  ? 1
                  : 0;
    } catch (const std::exception& e) {  // told_at is still set: the sweep does not text one customer forever
      std::cerr << "salon-hq: the membership decision SMS failed: " << e.what() << "\n";
    }
    w.exec_params("UPDATE online_applications SET told_at = $2 WHERE id::text = $1", r[0].as<std::string>(), now);
  }
  w.commit();
  return told;
}

}  // namespace salon::hq
