#include "app/hq/public_api.h"

#include <httplib.h>

#include <iostream>
#include <pqxx/pqxx>

#include "app/core/clock.h"
#include "app/hq/booking_slots.h"
#include "app/hq/connection_pool.h"
#include "app/hq/refusal.h"

namespace salon::hq {
namespace {

using nlohmann::json;

void answer(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), "application/json");
}

using PublicHandler = std::function<void(pqxx::connection&, const httplib::Request&, httplib::Response&)>;

// Like the kiosks' endpoints: a connection per request, refusals as stable codes.
httplib::Server::Handler publicly(ConnectionPool& pool, PublicHandler handle) {
  return [&pool, handle](const httplib::Request& req, httplib::Response& res) {
    try {
      auto db = pool.borrow();
      try {
        handle(*db, req, res);
      } catch (const Refusal& r) {
        json body = {{"error", r.code}, {"message", r.what()}};
        for (const auto& [k, v] : r.extra.items()) body[k] = v;
        answer(res, r.status, body);
      } catch (const pqxx::data_exception&) {
        answer(res, 400, {{"error", "bad_request"}, {"message", "the database refused the data"}});
      } catch (...) {
        db.discard();
        throw;
      }
    } catch (const pqxx::broken_connection& e) {
      std::cerr << "salon-hq: database unreachable: " << e.what() << "\n";
      answer(res, 503, {{"error", "hq_database_unavailable"}, {"message", "head office database unreachable"}});
    } catch (const std::exception& e) {
      std::cerr << "salon-hq: " << req.method << " " << req.path << " failed: " << e.what() << "\n";
      answer(res, 500, {{"error", "hq_internal"}, {"message", "internal error"}});
    }
  };
}

std::string formatMinute(int minute) {
  std::string out = std::to_string(minute / 60 + 100).substr(1) + ":" + std::to_string(minute % 60 + 100).substr(1);
  return out;
}

json storesList(pqxx::connection& db) {
  pqxx::read_transaction t(db);
  json out = json::array();
  for (const auto& r : t.exec("SELECT code, name FROM stores WHERE revoked_at IS NULL ORDER BY code")) {
    std::string code = r[0].as<std::string>();
    if (storeSettings(t, code).flag("online.enabled", false)) out.push_back({{"code", code}, {"name", r[1].as<std::string>()}});
  }
  return out;
}

json servicesOf(pqxx::connection& db, const std::string& store) {
  pqxx::read_transaction t(db);
  StoreSettings s = storeSettings(t, store);
  std::string name = onlineStore(t, store, s);
  json staff = json::object();
  for (const auto& r : t.exec_params("SELECT code, name FROM staff WHERE active AND $1 = ANY(stores)", store))
    staff[r[0].as<std::string>()] = r[1].as<std::string>();
  return {{"store", store}, {"name", name}, {"services", onlineServices(t, store, s)}, {"staff", staff}};
}

json slotsOf(pqxx::connection& db, const std::string& store, const std::string& service, const std::string& date,
             Instant now) {
  CivilDate day = dayParam(date);
  pqxx::work t(db);
  StoreSettings s = storeSettings(t, store);
  onlineStore(t, store, s);
  AppointmentService svc = onlineService(t, service, s);
  declineOverdue(t, store, s, now);
  OpenDay open = loadOpenDay(t, store, day, s);
  t.commit();
  json slots = json::array();
  for (const OpenSlot& o : openSlots(open, svc, now)) slots.push_back({{"start", formatMinute(o.startMinute)}, {"staff", o.staff}});
  return {{"slots", slots}};
}

}  // namespace

void mountPublicApi(httplib::Server& server, PublicDesk& desk) {
  server.Get("/api/public/v1/stores", publicly(desk.pool, [](pqxx::connection& db, const httplib::Request&, httplib::Response& res) {
    answer(res, 200, {{"stores", storesList(db)}});
  }));
  server.Get(R"(/api/public/v1/stores/([A-Za-z0-9_-]{1,32})/services)",
             publicly(desk.pool, [](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               answer(res, 200, servicesOf(db, req.matches[1]));
             }));
  server.Get(R"(/api/public/v1/stores/([A-Za-z0-9_-]{1,32})/slots)",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               answer(res, 200, slotsOf(db, req.matches[1], req.get_param_value("service"),
                                        req.get_param_value("date"), desk.clock.now()));
             }));
}

}  // namespace salon::hq
