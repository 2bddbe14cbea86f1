#include "app/hq/store_roll.h"

#include <qrencode.h>

#include <pqxx/pqxx>
#include <stdexcept>

#include "app/hq/store_token.h"

namespace salon::hq {

std::string enrolmentCode(const std::string& url, const std::string& store, const std::string& token,
                          const std::string& fingerprint) {
  nlohmann::ordered_json j = {{"v", 1}, {"url", url}, {"store", store}, {"token", token}, {"fp", fingerprint}};
  return "SALONHQ1." + base64url(j.dump());
}

std::string enrolmentQrText(const std::string& code) {
  QRcode* qr = QRcode_encodeString8bit(code.c_str(), 0, QR_ECLEVEL_L);
  if (!qr) return "";
  // Two rows per text line (upper/lower half blocks), a quiet zone of 2 modules.
  int w = qr->width, margin = 2;
  auto dark = [&](int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < w && (qr->data[y * w + x] & 1);
  };
  std::string out;
  for (int y = -margin; y < w + margin; y += 2) {
    for (int x = -margin; x < w + margin; ++x) {
      bool top = dark(x, y), bottom = dark(x, y + 1);
      // Light modules drawn as blocks: reads on a dark terminal as a normal QR.
      out += !top && !bottom ? "\u2588" : !top ? "\u2580" : !bottom ? "\u2584" : " ";
    }
    out += "\n";
  }
  QRcode_free(qr);
  return out;
}

void keepHqSetting(pqxx::connection& db, const std::string& key, const std::string& value) {
  pqxx::work w(db);
  w.exec_params("INSERT INTO hq_settings (key, value) VALUES ($1, $2)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()",
                key, value);
  w.commit();
}

std::string hqSetting(pqxx::connection& db, const std::string& key) {
  pqxx::read_transaction r(db);
  auto rows = r.exec_params("SELECT value FROM hq_settings WHERE key = $1", key);
  return rows.empty() ? "" : rows[0][0].as<std::string>();
}

Enrolment enrolStore(pqxx::connection& db, const std::string& store, const std::string& name) {
  Enrolment e{store, name, hqSetting(db, "public_url"), newStoreToken(), hqSetting(db, "cert_fingerprint"), ""};
  if (e.url.empty() || e.fingerprint.empty())
    throw std::runtime_error("no head-office URL or certificate yet: start `salon-hq serve` once first");
  pqxx::work w(db);
  auto r = w.exec_params("INSERT INTO stores (code, name, token_hash) VALUES ($1, $2, $3)"
                         " ON CONFLICT (code) DO UPDATE SET token_hash = excluded.token_hash,"
                         "   name = CASE WHEN excluded.name = '' THEN stores.name ELSE excluded.name END"
                         " WHERE stores.revoked_at IS NULL RETURNING name",
                         store, name, tokenHash(e.token));
  if (r.empty()) throw std::runtime_error("store " + store + " is revoked: enrol it under a new code");
  e.name = r[0][0].as<std::string>();
  w.commit();
  e.code = enrolmentCode(e.url, store, e.token, e.fingerprint);
  return e;
}

bool revokeStore(pqxx::connection& db, const std::string& store) {
  pqxx::work w(db);
  auto r = w.exec_params("UPDATE stores SET revoked_at = COALESCE(revoked_at, now()) WHERE code = $1", store);
  w.commit();
  return r.affected_rows() > 0;
}

nlohmann::json storeList(pqxx::connection& db) {
  pqxx::read_transaction r(db);
  auto rows = r.exec(
      "SELECT code, name, revoked_at IS NOT NULL, stored_through, clock_skew_ms,"
      " COALESCE((extract(epoch FROM last_contact) * 1000)::bigint, 0), last_contact IS NULL"
      " FROM stores ORDER BY code");
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    nlohmann::json s = {{"store", row[0].as<std::string>()},     {"name", row[1].as<std::string>()},
                        {"revoked", row[2].as<bool>()},          {"stored_through", row[3].as<long long>()},
                        {"clock_skew_ms", row[4].as<long long>()}, {"last_contact", nullptr}};
    if (!row[6].as<bool>()) s["last_contact"] = row[5].as<long long>();
    out.push_back(s);
  }
  return out;
}

}  // namespace salon::hq
