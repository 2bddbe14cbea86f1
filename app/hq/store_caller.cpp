#include "app/hq/store_caller.h"

#include <httplib.h>

#include <algorithm>
#include <iostream>
#include <pqxx/pqxx>

#include "app/hq/connection_pool.h"
#include "app/hq/http_failure.h"
#include "app/hq/refusal.h"
#include "app/hq/store_token.h"

namespace salon::hq {

StoreCaller identifyCaller(pqxx::connection& db, const httplib::Request& req) {
  std::string auth = req.get_header_value("Authorization");
  const std::string bearer = "Bearer ";
  if (auth.compare(0, bearer.size(), bearer) != 0 || auth.size() == bearer.size())
    throw Refusal(401, "unknown_token", "no bearer token");
  StoreCaller c;
  c.token = auth.substr(bearer.size());
  pqxx::nontransaction n(db);
  auto r = n.exec_params("SELECT code, name, revoked_at IS NOT NULL FROM stores WHERE token_hash = $1", tokenHash(c.token));
  if (r.empty()) throw Refusal(401, "unknown_token", "this token belongs to no store");
  c.store = r[0][0].as<std::string>();
  c.name = r[0][1].as<std::string>();
  if (r[0][2].as<bool>()) throw Refusal(401, "revoked", "store " + c.store + " is revoked", {{"store", c.store}});
  if (req.method == "POST") {
    std::string sig = req.get_header_value("X-Salon-Signature");
    std::transform(sig.begin(), sig.end(), sig.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (!sameSignature(sig, bodySignature(c.token, req.body)))
      throw Refusal(400, "bad_signature", "the body does not match its signature", {{"store", c.store}});
  }
  return c;
}

void logRefusal(pqxx::connection* db, const httplib::Request& req, const std::string& store, const Refusal& r) {
  std::string who = store.empty() && r.extra.contains("store") ? r.extra["store"].get<std::string>() : store;
  std::cerr << "salon-hq: refused " << req.method << " " << req.path << " from " << req.remote_addr
            << (who.empty() ? "" : " store " + who) << ": " << r.code << " (" << r.what() << ")\n";
  if (!db) return;
  try {
    pqxx::nontransaction n(*db);
    n.exec_params("INSERT INTO refusals (store, remote, code, detail) VALUES (NULLIF($1, ''), $2, $3, $4)", who,
                  req.remote_addr, r.code, std::string(req.method + " " + req.path + ": " + r.what()));
  } catch (const std::exception& e) {
    std::cerr << "salon-hq: could not log the refusal: " << e.what() << "\n";
  }
}

httplib::Server::Handler forStore(ConnectionPool& pool, StoreHandler handle, bool (*routine)(const Refusal&)) {
  return [&pool, handle, routine](const httplib::Request& req, httplib::Response& res) {
    std::string store;
    try {
      auto db = pool.borrow();
      try {
        StoreCaller caller = identifyCaller(*db, req);
        store = caller.store;
        handle(*db, caller, req, res);
      } catch (const Refusal& r) {
        if (!routine || !routine(r)) logRefusal(&*db, req, store, r);
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

}  // namespace salon::hq
