#pragma once
// Who is calling: the store whose token the request carries (Authorization:
// Bearer), checked against the hash HQ keeps; POST bodies must carry the token's
// HMAC signature. Refusals are logged to stderr and the refusals table.
#include <functional>
#include <string>

#include <httplib.h>
#include <pqxx/connection>

namespace salon::hq {

struct Refusal;

struct StoreCaller {
  std::string store, name, token;
};

// Throws Refusal: 401 unknown_token / revoked, 400 bad_signature (POST only).
StoreCaller identifyCaller(pqxx::connection& db, const httplib::Request& req);

// One line to stderr and one row in `refusals` (best effort: never throws).
void logRefusal(pqxx::connection* db, const httplib::Request& req, const std::string& store, const Refusal& r);

class ConnectionPool;
using StoreHandler =
    std::function<void(pqxx::connection&, const StoreCaller&, const httplib::Request&, httplib::Response&)>;

// Every kiosk endpoint: borrow a connection, identify the store, run, map failures
// to stable error codes. A refusal is logged unless `routine(r)` says it is the
// endpoint's normal traffic (a gap to resend from, a member nobody reported).
httplib::Server::Handler forStore(ConnectionPool& pool, StoreHandler handle,
                                  bool (*routine)(const Refusal&) = nullptr);

}  // namespace salon::hq
