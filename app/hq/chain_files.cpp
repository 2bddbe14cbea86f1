#include "app/hq/chain_files.h"

#include <httplib.h>

#include <pqxx/pqxx>

#include "app/hq/connection_pool.h"
#include "app/hq/http_failure.h"
#include "app/hq/refusal.h"
#include "app/hq/store_caller.h"

namespace salon::hq {
namespace {

using nlohmann::json;

bool hexKey(const std::string& k) {
  return k.size() == 64 && k.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string keysArray(const json& keys) {
  if (!keys.is_array() || keys.empty() || keys.size() > 8) throw std::invalid_argument("customer.file: \"keys\" is not a list");
  std::string out = "{";
  for (const json& k : keys) {
    if (!k.is_string() || !hexKey(k.get<std::string>()))
      throw std::invalid_argument("customer.file: a key is not 64 lower-case hex digits");
    out += (out.size() > 1 ? "," : "") + k.get<std::string>();
  }
  return out + "}";
}

void keepFile(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  const json& no = e.payload.value("file_no", json());
  const json& sealed = e.payload.value("sealed", json());
  if (!no.is_string() || no.get<std::string>().empty() || no.get<std::string>().size() > 64 || !sealed.is_string() ||
      sealed.get<std::string>().empty())
    throw std::invalid_argument("customer.file: no \"file_no\" or \"sealed\"");
  const std::string fileNo = no.get<std::string>(), keys = keysArray(e.payload.value("keys", json()));
  w.exec_params("INSERT INTO chain_files (file_no, store, sealed, event_id) VALUES ($1, $2, $3, $4::uuid)"
                " ON CONFLICT (file_no) DO UPDATE SET store = excluded.store, sealed = excluded.sealed,"
                " event_id = excluded.event_id, at = now()",
                fileNo, store, sealed.get<std::string>(), e.id);
  w.exec_params("DELETE FROM chain_file_keys WHERE file_no = $1 AND NOT (key = ANY($2::text[]))", fileNo, keys);
  w.exec_params("INSERT INTO chain_file_keys (key, file_no) SELECT unnest($2::text[]), $1 ON CONFLICT DO NOTHING", fileNo,
                keys);
  w.exec_params("INSERT INTO chain_file_holders (file_no, store) VALUES ($1, $2) ON CONFLICT DO NOTHING", fileNo, store);
  w.exec_params("INSERT INTO chain_changes (kind, key, store, body) SELECT 'customer.file', $1, h.store,"
                " jsonb_build_object('file_no', $1::text, 'store', $2::text, 'sealed', $3::text)"
                " FROM chain_file_holders h WHERE h.file_no = $1 AND h.store <> $2",
                fileNo, store, sealed.get<std::string>());
}

void findFiles(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  const std::string key = req.get_param_value("key");
  if (!hexKey(key)) throw Refusal(400, "bad_request", "key is not 64 lower-case hex digits");
  pqxx::work w(db);
  json files = json::array();
  std::string nos = "{";
  for (const auto& row : w.exec_params("SELECT f.file_no, f.store, f.sealed FROM chain_file_keys k"
                                       " JOIN chain_files f ON f.file_no = k.file_no WHERE k.key = $1"
                                       " ORDER BY f.file_no LIMIT 20",
                                       key)) {
    files.push_back({{"file_no", row[0].as<std::string>()}, {"store", row[1].as<std::string>()},
                     {"sealed", row[2].as<std::string>()}});
    nos += (nos.size() > 1 ? "," : "") + row[0].as<std::string>();
  }
  nos += "}";
  w.exec_params("INSERT INTO chain_file_holders (file_no, store) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING",
                nos, c.store);
  w.exec_params("INSERT INTO chain_file_views (store, staff, purpose, key, files) VALUES ($1, $2, $3, $4, $5::text[])",
                c.store, req.get_param_value("staff").substr(0, 64), req.get_param_value("purpose").substr(0, 200), key,
                nos);
  w.commit();
  if (files.empty()) throw Refusal(404, "not_found", "no file under that key");
  answerJson(res, 200, {{"files", files}});
}

// A key no store has sent a file under is an answer the kiosk expects, not a fault.
bool unknownFile(const Refusal& r) { return r.status == 404; }

}  // namespace

std::vector<QuarantinedEvent> projectChainFileEvents(pqxx::dbtransaction& w, const std::string& store,
                                                     const std::vector<const OutboxEvent*>& fresh) {
  std::vector<QuarantinedEvent> out;
  for (const OutboxEvent* e : fresh) {
    if (e->type != "customer.file" || !e->payload.is_object()) continue;
    try {
      keepFile(w, store, *e);  // checks the payload before it writes
    } catch (const std::invalid_argument& why) {
      out.push_back({e, why.what()});
    }
  }
  return out;
}

void mountChainFileApi(httplib::Server& server, ConnectionPool& pool) {
  server.Get("/api/v1/files", forStore(pool, findFiles, unknownFile));
}

}  // namespace salon::hq
