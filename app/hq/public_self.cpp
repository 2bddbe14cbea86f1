// The signed-in customer's own side of the phone page (issue 19, continued; README.md
// "Customers online"): the session cookie only, never a phone or a number in the
// request, so one phone can ask about nothing but itself.
#include <pqxx/pqxx>

#include "app/hq/http_failure.h"
#include "app/hq/online_self.h"
#include "app/hq/public_routes.h"

namespace salon::hq {

void mountPublicSelf(httplib::Server& server, PublicDesk& desk) {
  server.Get("/api/public/v1/me/figures",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               Instant now = desk.clock.now();
               answerJson(res, 200, ownFigures(db, sessionOrRefuse(db, req, now), now));
             }));
  server.Get("/api/public/v1/me/applications",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               answerJson(res, 200, ownApplications(db, sessionOrRefuse(db, req, desk.clock.now())));
             }));
}

}  // namespace salon::hq
