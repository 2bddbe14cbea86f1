// The signed-in customer's own side of the phone page (issue 19, continued; README.md
// "The customer's own side"): the session cookie only, never a phone or a number in the
// request, so one phone can ask about nothing but itself.
#include <pqxx/pqxx>

#include "app/hq/http_failure.h"
#include "app/hq/online_corrections.h"
#include "app/hq/online_file.h"
#include "app/hq/online_self.h"
#include "app/hq/public_routes.h"
#include "app/hq/refusal.h"

namespace salon::hq {

void mountPublicSelf(httplib::Server& server, PublicDesk& desk) {
  server.Get("/api/public/v1/me/figures",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               Instant now = desk.clock.now();
               answerJson(res, 200, ownFigures(db, sessionOrRefuse(db, req, now), now));
             }));
  server.Post("/api/public/v1/me/file",
              publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
                Instant now = desk.clock.now();
                answerJson(res, 202, askOwnFile(db, sessionOrRefuse(db, req, now), now));
              }));
  server.Get(R"(/api/public/v1/me/file/([A-Za-z0-9_-]{22}))",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               Instant now = desk.clock.now();
               answerJson(res, 200, ownFileAnswer(db, sessionOrRefuse(db, req, now), req.matches[1], now));
             }));
  server.Post("/api/public/v1/me/corrections",
              publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
                Instant now = desk.clock.now();
                std::string phone = sessionOrRefuse(db, req, now);
                auto body = nlohmann::json::parse(req.body, nullptr, false);
                if (!body.is_object()) throw Refusal(400, "bad_request", "the body is a JSON object");
                answerJson(res, 202, askCorrection(db, phone, body, now));
              }));
  server.Get("/api/public/v1/me/corrections",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               answerJson(res, 200, ownCorrections(db, sessionOrRefuse(db, req, desk.clock.now())));
             }));
  server.Get("/api/public/v1/me/applications",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               answerJson(res, 200, ownApplications(db, sessionOrRefuse(db, req, desk.clock.now())));
             }));
}

}  // namespace salon::hq
