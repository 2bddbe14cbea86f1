#include "app/hq/sync_api.h"

#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <pqxx/pqxx>

#include "app/core/uuid.h"
#include "app/hq/batch_intake.h"
#include "app/hq/connection_pool.h"
#include "app/hq/down_sync.h"
#include "app/hq/http_failure.h"
#include "app/hq/refusal.h"
#include "app/hq/store_caller.h"

namespace salon::hq {
namespace {

using nlohmann::json;

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void answer(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void answerRefusal(httplib::Response& res, const Refusal& r) {
  json body = {{"error", r.code}, {"message", r.what()}};
  for (const auto& [k, v] : r.extra.items())
    if (k != "store") body[k] = v;
  answer(res, r.status, body);
}

// Refusals worth a line in the log and the refusals table: the kiosk's normal
// traffic (a gap to resend from) is not.
bool worthLogging(const Refusal& r) { return r.code != "sequence_gap"; }

using StoreHandler = std::function<void(pqxx::connection&, const StoreCaller&, const httplib::Request&,
                                        httplib::Response&)>;

// Every endpoint: borrow a connection, identify the store, run, map failures to
// stable error codes.
httplib::Server::Handler forStore(ConnectionPool& pool, StoreHandler handle) {
  return [&pool, handle](const httplib::Request& req, httplib::Response& res) {
    std::string store;
    try {
      auto db = pool.borrow();
      try {
        StoreCaller caller = identifyCaller(*db, req);
        store = caller.store;
        handle(*db, caller, req, res);
      } catch (const Refusal& r) {
        if (worthLogging(r)) logRefusal(&*db, req, store, r);
        answerRefusal(res, r);
      } catch (const pqxx::data_exception& e) {
        answerRefusal(res, Refusal(400, "bad_batch", std::string("the database refused the data: ") + e.what()));
      } catch (...) {
        db.discard();  // PostgreSQL restarted or the link broke: reconnect next time
        throw;
      }
    } catch (...) {
      answerFailure(req, res, true);
    }
  };
}

json headJson(const pqxx::row& r) {
  return {{"seq", r[0].as<std::int64_t>()}, {"hash", r[1].as<std::string>()}, {"at", r[2].as<std::int64_t>()}};
}

void hello(pqxx::connection& db, const StoreCaller& c, const httplib::Request&, httplib::Response& res) {
  pqxx::work w(db);
  auto s = w.exec_params("UPDATE stores SET last_contact = now() WHERE code = $1 RETURNING stored_through, number_block", c.store);
  auto h = w.exec_params("SELECT seq, hash, (extract(epoch FROM received_at) * 1000)::bigint FROM chain_heads"
                         " WHERE store = $1 ORDER BY id DESC LIMIT 1",
                         c.store);
  w.commit();
  json head = h.empty() ? json(nullptr) : json{{"seq", h[0][0].as<std::int64_t>()}, {"hash", h[0][1].as<std::string>()}};
  answer(res, 200, {{"store", c.store}, {"name", c.name}, {"stored_through", s[0][0].as<std::int64_t>()},
                    {"head", head}, {"server_time", nowMs()},
                    {"number_block", s[0][1].is_null() ? json(nullptr) : json(s[0][1].as<int>())}});
}

void events(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  UploadBatch b = parseUploadBatch(req.body);
  if (b.store != c.store) throw Refusal(403, "wrong_store", "this token belongs to " + c.store + ", not " + b.store);
  answer(res, 200, takeBatch(db, c.store, b, req.body, nowMs()));
}

void changes(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  answer(res, 200, changesPage(db, c.store, req.get_param_value("after")));
}

void heads(pqxx::connection& db, const StoreCaller& c, const httplib::Request&, httplib::Response& res) {
  pqxx::read_transaction r(db);
  json out = json::array();
  for (const auto& row : r.exec_params("SELECT seq, hash, (extract(epoch FROM received_at) * 1000)::bigint"
                                       " FROM chain_heads WHERE store = $1 ORDER BY id",
                                       c.store))
    out.push_back(headJson(row));
  answer(res, 200, out);
}

// Backups: the kiosk's encrypted file, stored as it came (HQ cannot read it).
void postBackup(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  std::string name = req.get_header_value("X-Backup-Name");
  if (name.empty() || name.size() > 200) throw Refusal(400, "bad_backup", "X-Backup-Name must be 1 to 200 bytes");
  if (req.body.empty()) throw Refusal(400, "bad_backup", "the backup is empty");
  std::string id = newUuid();
  pqxx::work w(db);
  w.exec_params("INSERT INTO backups (id, store, name, bytes, size) VALUES ($1, $2, $3, $4, $5)", id, c.store, name,
                pqxx::binarystring(req.body), static_cast<std::int64_t>(req.body.size()));
  w.commit();
  answer(res, 200, {{"id", id}, {"bytes", req.body.size()}});
}

void listBackups(pqxx::connection& db, const StoreCaller& c, const httplib::Request&, httplib::Response& res) {
  pqxx::read_transaction r(db);
  json out = json::array();
  for (const auto& row : r.exec_params("SELECT id::text, name, size, (extract(epoch FROM at) * 1000)::bigint"
                                       " FROM backups WHERE store = $1 ORDER BY at DESC, id",
                                       c.store))
    out.push_back({{"id", row[0].as<std::string>()}, {"name", row[1].as<std::string>()},
                   {"bytes", row[2].as<std::int64_t>()}, {"at", row[3].as<std::int64_t>()}});
  answer(res, 200, out);
}

void getBackup(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  std::string id = req.matches[1];
  if (!isUuid(id)) throw Refusal(404, "not_found", "no such backup");
  pqxx::read_transaction r(db);
  auto rows = r.exec_params("SELECT bytes, name FROM backups WHERE id = $1 AND store = $2", id, c.store);
  if (rows.empty()) throw Refusal(404, "not_found", "no such backup");
  pqxx::binarystring bytes(rows[0][0]);
  res.status = 200;
  res.set_header("X-Backup-Name", rows[0][1].as<std::string>());
  res.set_content(bytes.str(), "application/octet-stream");
}

}  // namespace

void mountSyncApi(httplib::Server& server, ConnectionPool& pool) {
  server.Get("/api/v1/hello", forStore(pool, hello));
  server.Post("/api/v1/events", forStore(pool, events));
  server.Get("/api/v1/changes", forStore(pool, changes));
  server.Get("/api/v1/heads", forStore(pool, heads));
  server.Post("/api/v1/backups", forStore(pool, postBackup));
  server.Get("/api/v1/backups", forStore(pool, listBackups));
  server.Get(R"(/api/v1/backups/([0-9a-fA-F-]+))", forStore(pool, getBackup));
  // Bodies are bounded before they are read: 4 MiB, a backup file 256 MiB.
  server.set_payload_max_length(kMaxBackupBytes);
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    std::size_t limit = req.path == "/api/v1/backups" ? kMaxBackupBytes : kMaxBodyBytes;
    if (std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) <= limit) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Connection", "close");
    answerRefusal(res, Refusal(413, "too_large", "the body is larger than " + std::to_string(limit) + " bytes"));
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) return answerRefusal(res, Refusal(413, "too_large", "the body is too large"));
    answer(res, res.status, {{"error", res.status == 404 ? "not_found" : "bad_request"}, {"message", "no such endpoint"}});
  });
}

}  // namespace salon::hq
