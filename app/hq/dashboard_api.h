#pragma once
// The owner's dashboard's JSON API (issue 18) under /api/dashboard/v1, HTTPS only,
// signed in by the `salon_dash` cookie (app/hq/dashboard_users.h); the page itself is
// app/hq/web/dashboard (served at /dashboard/). Errors are {"error","message"}.
// POSTs must be application/json (with SameSite=Strict, no other site can send them).
namespace httplib {
class Server;
}

namespace salon::hq {

class ConnectionPool;

void mountDashboardApi(httplib::Server& server, ConnectionPool& pool);

}  // namespace salon::hq
