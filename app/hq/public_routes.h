#pragma once
// What the customers' endpoints share (public_api.cpp, public_self.cpp): a handler
// with a pooled connection whose refusals answer as stable codes, and the session.
#include <httplib.h>

#include <functional>
#include <string>

#include <pqxx/connection>

#include "app/core/clock.h"
#include "app/hq/public_api.h"

namespace salon::hq {

using PublicHandler = std::function<void(pqxx::connection&, const httplib::Request&, httplib::Response&)>;

// Like the kiosks' endpoints: a connection per request, refusals as stable codes.
httplib::Server::Handler publicly(ConnectionPool& pool, PublicHandler handle);

// The session cookie's phone; Refusal 401 signed_out without one (the page asks for a code).
std::string sessionOrRefuse(pqxx::connection& db, const httplib::Request& req, Instant now);

// GET /me/figures, GET /me/applications, POST /me/file, GET /me/file/<ask> (public_self.cpp).
void mountPublicSelf(httplib::Server& server, PublicDesk& desk);

}  // namespace salon::hq
