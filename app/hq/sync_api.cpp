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
#include "app/hq/store_backlog.h"
#include "app/hq/store_caller.h"

namespace salon::hq {
namespace {

using nlohmann::json;

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The kiosk's normal traffic (a gap to resend from) is no refusal worth logging.
bool resendGap(const Refusal& r) { return r.code == "sequence_gap"; }

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
  answerJson(res, 200, {{"store", c.store}, {"name", c.name}, {"stored_through", s[0][0].as<std::int64_t>()},
                    {"head", head}, {"server_time", nowMs()},
                    {"number_block", s[0][1].is_null() ? json(nullptr) : json(s[0][1].as<int>())}});
}

void events(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  UploadBatch b = parseUploadBatch(req.body);
  if (b.store != c.store) throw Refusal(403, "wrong_store", "this token belongs to " + c.store + ", not " + b.store);
  answerJson(res, 200, takeBatch(db, c.store, b, req.body, nowMs()));
}

void changes(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  answerJson(res, 200, changesPage(db, c.store, req.get_param_value("after")));
}

// Between rounds a kiosk asks every second or two whether a round would bring
// anything (an online booking to decide, a customer's look at their file); a kiosk
// that knows it tells how many events wait in its outbox (?events_waiting=N).
void waiting(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  if (req.has_param("events_waiting")) {
    std::int64_t n = 0;
    if (!parseEventsWaiting(req.get_param_value("events_waiting"), n))
      throw Refusal(400, "bad_request", "events_waiting is a count");
    notePolledEventsWaiting(db, c.store, n);
  }
  answerJson(res, 200, {{"changes", changesWaiting(db, c.store, req.get_param_value("after"))}});
}

void heads(pqxx::connection& db, const StoreCaller& c, const httplib::Request&, httplib::Response& res) {
  pqxx::read_transaction r(db);
  json out = json::array();
  for (const auto& row : r.exec_params("SELECT seq, hash, (extract(epoch FROM received_at) * 1000)::bigint"
                                       " FROM chain_heads WHERE store = $1 ORDER BY id",
                                       c.store))
    out.push_back(headJson(row));
  answerJson(res, 200, out);
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
  answerJson(res, 200, {{"id", id}, {"bytes", req.body.size()}});
}

void listBackups(pqxx::connection& db, const StoreCaller& c, const httplib::Request&, httplib::Response& res) {
  pqxx::read_transaction r(db);
  json out = json::array();
  for (const auto& row : r.exec_params("SELECT id::text, name, size, (extract(epoch FROM at) * 1000)::bigint"
                                       " FROM backups WHERE store = $1 ORDER BY at DESC, id",
                                       c.store))
    out.push_back({{"id", row[0].as<std::string>()}, {"name", row[1].as<std::string>()},
                   {"bytes", row[2].as<std::int64_t>()}, {"at", row[3].as<std::int64_t>()}});
  answerJson(res, 200, out);
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
  server.Get("/api/v1/hello", forStore(pool, hello, resendGap));
  server.Post("/api/v1/events", forStore(pool, events, resendGap));
  server.Get("/api/v1/changes", forStore(pool, changes, resendGap));
  server.Get("/api/v1/waiting", forStore(pool, waiting, resendGap));
  server.Get("/api/v1/heads", forStore(pool, heads, resendGap));
  server.Post("/api/v1/backups", forStore(pool, postBackup, resendGap));
  server.Get("/api/v1/backups", forStore(pool, listBackups, resendGap));
  server.Get(R"(/api/v1/backups/([0-9a-fA-F-]+))", forStore(pool, getBackup, resendGap));
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
    answerJson(res, res.status, {{"error", res.status == 404 ? "not_found" : "bad_request"}, {"message", "no such endpoint"}});
  });
}

}  // namespace salon::hq
