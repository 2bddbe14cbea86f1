#include "app/hq/online_corrections.h"

#include <iostream>
#include <stdexcept>

#include "app/hq/booking_slots.h"
#include "app/hq/customer_texts.h"
#include "app/hq/online_self.h"

namespace salon::hq {

using nlohmann::json;

void keepCorrectionAnswer(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  auto text = [&](const char* key) {
    auto it = e.payload.find(key);
    if (it == e.payload.end() || !it->is_string()) throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
    return it->get<std::string>();
  };
  const std::string id = text("correction"), answer = text("answer"), reason = text("reason");
  if (answer != "filed" && answer != "skipped") throw std::invalid_argument("answer is not filed or skipped");
  auto request = e.payload.find("change_request");
  w.exec_params("UPDATE online_corrections SET status = $3, reason = $4, answered_at = $5, change_request = $6"
                " WHERE id::text = $1 AND store = $2 AND status = 'sent'",
                id, store, answer, reason, e.at,
                request != e.payload.end() && request->is_string() ? request->get<std::string>() : "");
}

void keepCorrectionDecision(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  auto request = e.payload.find("change_request");
  if (request == e.payload.end() || !request->is_string() || request->get<std::string>().empty()) return;
  w.exec_params("UPDATE online_corrections SET status = $3, decided_at = $4 WHERE store = $2 AND change_request = $1"
                " AND status = 'filed'",
                request->get<std::string>(), store, e.type == "customer.change_approved" ? "approved" : "rejected", e.at);
}

json ownCorrections(pqxx::connection& db, const std::string& phone) {
  pqxx::read_transaction r(db);
  json out = json::array();
  for (const auto& row : r.exec_params("SELECT c.store, s.name, c.field, c.status, c.reason, c.at,"
                                       " COALESCE(c.decided_at, c.answered_at)"
                                       " FROM online_corrections c JOIN stores s ON s.code = c.store"
                                       " WHERE c.phone_key = $1 ORDER BY c.at DESC, c.id LIMIT 50",
                                       phoneMatchKey(r, phone)))
    out.push_back({{"store", row[0].as<std::string>()}, {"store_name", row[1].as<std::string>()},
                   {"field", row[2].as<std::string>()}, {"status", row[3].as<std::string>()},
                   {"reason", row[4].as<std::string>()}, {"asked_at", row[5].as<std::int64_t>()},
                   {"answered_at", row[6].is_null() ? json(nullptr) : json(row[6].as<std::int64_t>())}});
  return {{"corrections", out}};
}

int tellCorrectionOutcomes(pqxx::connection& db, SmsProvider& sms, Instant now) {
  pqxx::work w(db);
  auto rows = w.exec("SELECT c.id::text, c.phone, c.lang, c.store, s.name, c.status FROM online_corrections c"
                     " JOIN stores s ON s.code = c.store WHERE c.status IN ('skipped', 'approved', 'rejected')"
                     " AND c.told_at IS NULL ORDER BY c.answered_at LIMIT 100 FOR UPDATE OF c SKIP LOCKED");
  int told = 0;
  for (const auto& r : rows) {
    const std::string id = r[0].as<std::string>();
    try {
      if (!r[1].is_null())
        told += textCustomer(w, sms, storeSettings(w, r[3].as<std::string>()),
                             {r[1].as<std::string>(), "correction_" + r[5].as<std::string>(), r[2].as<std::string>(),
                              Purpose::Essential, {{"store", r[4].as<std::string>()}}, id + ":" + r[5].as<std::string>()},
                             now)
                    ? 1
                    : 0;
    } catch (const std::exception& e) {  // told_at is still set: the sweep does not text one customer forever
      std::cerr << "salon-hq: the correction SMS failed: " << e.what() << "\n";
    }
    w.exec_params("UPDATE online_corrections SET told_at = $2, phone = NULL WHERE id::text = $1", id, now);
  }
  w.commit();
  return told;
}

}  // namespace salon::hq
