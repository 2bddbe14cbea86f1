#include "app/hq/chain_alerts.h"

#include <algorithm>
#include <cctype>
#include <iostream>

#include <pqxx/pqxx>

#include "app/core/uuid.h"
#include "app/hq/refusal.h"

namespace salon::hq {
namespace {

using nlohmann::json;

constexpr const char* kIso = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

// "<column> is one of the visible stores" ($1: "" for every store, else an array literal).
std::string sees(const std::string& column) {
  return "(NULLIF($1, '') IS NULL OR " + column + " = ANY(NULLIF($1, '')::text[]))";
}

std::string iso(const std::string& column) { return "to_char(" + column + " AT TIME ZONE 'UTC', " + kIso + ")"; }

// A stale debit: not ended, and no longer holding (older than debits.hold_hours).
constexpr const char* kStale =
    " NOT EXISTS (SELECT 1 FROM member_debit_ends e WHERE e.debit = d.id)"
    " AND NOT EXISTS (SELECT 1 FROM open_member_debits o WHERE o.id = d.id)";

json seenOf(const pqxx::row& r, int at) {
  return {{"seen_by", r[at].is_null() ? json(nullptr) : json(r[at].as<std::string>())},
          {"seen_at", r[at + 1].is_null() ? json(nullptr) : json(r[at + 1].as<std::string>())}};
}

json overdraws(pqxx::dbtransaction& t, const std::string& stores) {
  json out = json::array();
  for (const auto& r : t.exec_params("SELECT o.event_id::text, o.store, o.member_no, o.stored_value, o.points, " +
                                         iso("o.at") + ", s.login, " + iso("s.at") +
                                         " FROM member_overdraws o LEFT JOIN alerts_seen s"
                                         " ON s.alert = 'overdraw:' || o.event_id::text WHERE " +
                                         sees("o.store") + " ORDER BY o.id",
                                     stores)) {
    json a = {{"id", "overdraw:" + r[0].as<std::string>()}, {"sale", r[0].as<std::string>()},
              {"store", r[1].as<std::string>()}, {"member_no", r[2].as<std::string>()},
              {"arrears", r[3].as<std::int64_t>()}, {"points", r[4].as<std::int64_t>()}, {"at", r[5].as<std::string>()}};
    a.update(seenOf(r, 6));
    out.push_back(a);
  }
  return out;
}

json staleDebits(pqxx::dbtransaction& t, const std::string& stores) {
  json out = json::array();
  for (const auto& r : t.exec_params("SELECT d.id, d.sale::text, d.store, d.member_no, d.principal + d.bonus, d.points, " +
                                         iso("d.at") + ", s.login, " + iso("s.at") +
                                         " FROM member_debits d LEFT JOIN alerts_seen s"
                                         " ON s.alert = 'stale_debit:' || d.id WHERE" + kStale + " AND " +
                                         sees("d.store") + " ORDER BY d.id",
                                     stores)) {
    json a = {{"id", "stale_debit:" + r[0].as<std::string>()}, {"sale", r[1].as<std::string>()},
              {"store", r[2].as<std::string>()}, {"member_no", r[3].as<std::string>()},
              {"stored_value", r[4].as<std::int64_t>()}, {"points", r[5].as<std::int64_t>()},
              {"at", r[6].as<std::string>()}};
    a.update(seenOf(r, 7));
    out.push_back(a);
  }
  return out;
}

json quarantined(pqxx::dbtransaction& t, const std::string& stores) {
  json out = json::array();
  for (const auto& r : t.exec_params("SELECT q.store, count(*), " + iso("max(q.at)") + " FROM quarantine q WHERE " +
                                         sees("q.store") + " GROUP BY q.store ORDER BY q.store",
                                     stores))
    out.push_back({{"store", r[0].as<std::string>()}, {"events", r[1].as<std::int64_t>()},
                   {"last_at", r[2].as<std::string>()}});
  return out;
}

bool digitsOnly(const std::string& s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The store of the alert `id` when the user sees it; "" otherwise.
std::string alertStore(pqxx::dbtransaction& t, const std::string& id, const std::string& stores) {
  auto colon = id.find(':');
  std::string kind = id.substr(0, colon), ref = colon == std::string::npos ? "" : id.substr(colon + 1);
  pqxx::result r;
  if (kind == "overdraw" && isUuid(ref))
    r = t.exec_params("SELECT store FROM member_overdraws WHERE event_id = $2::uuid AND " + sees("store"), stores, ref);
  else if (kind == "stale_debit" && digitsOnly(ref))
    r = t.exec_params("SELECT d.store FROM member_debits d WHERE d.id = $2::bigint AND" + std::string(kStale) +
                          " AND " + sees("d.store"),
                      stores, ref);
  return r.empty() ? "" : r[0][0].as<std::string>();
}

}  // namespace

json chainAlerts(pqxx::connection& db, const std::string& stores) {
  pqxx::read_transaction t(db);
  return {{"overdraws", overdraws(t, stores)}, {"stale_debits", staleDebits(t, stores)},
          {"quarantined", quarantined(t, stores)}};
}

json markAlertSeen(pqxx::connection& db, const std::string& id, const std::string& login, const std::string& stores) {
  pqxx::work w(db);
  std::string store = alertStore(w, id, stores);
  if (store.empty()) throw Refusal(404, "not_found", "no such alert");
  auto fresh = w.exec_params("INSERT INTO alerts_seen (alert, store, login) VALUES ($1, $2, $3)"
                             " ON CONFLICT (alert) DO NOTHING RETURNING alert",
                             id, store, login);
  auto r = w.exec_params("SELECT login, " + iso("at") + " FROM alerts_seen WHERE alert = $1", id);
  w.commit();
  if (!fresh.empty()) std::cerr << "salon-hq: alert " << id << " (store " << store << ") seen by " << login << "\n";
  return {{"id", id}, {"store", store}, {"seen_by", r[0][0].as<std::string>()}, {"seen_at", r[0][1].as<std::string>()}};
}

}  // namespace salon::hq
