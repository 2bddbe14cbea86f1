#include "app/hq/dashboard_api.h"

#include <httplib.h>

#include <functional>
#include <set>
#include <pqxx/pqxx>

#include "app/core/clock.h"
#include "app/hq/chain_alerts.h"
#include "app/hq/connection_pool.h"
#include "app/hq/dashboard_figures.h"
#include "app/hq/dashboard_users.h"
#include "app/hq/http_failure.h"
#include "app/hq/refusal.h"
#include "app/hq/settlement.h"

namespace salon::hq {
namespace {

using nlohmann::json;
constexpr const char* kCookie = "salon_dash";
constexpr const char* kBase = "/api/dashboard/v1";

std::string cookieToken(const httplib::Request& req) {
  std::string all = req.get_header_value("Cookie"), key = std::string(kCookie) + "=";
  for (std::size_t at = 0; at < all.size();) {
    std::size_t end = all.find(';', at);
    std::string part = all.substr(at, end == std::string::npos ? std::string::npos : end - at);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    if (part.compare(0, key.size(), key) == 0) return part.substr(key.size());
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return "";
}

json userJson(const DashboardUser& u) {
  return {{"login", u.login}, {"name", u.name}, {"role", u.role}, {"stores", u.stores}, {"may_sign", u.maySign()}};
}

std::string storeFilter(const DashboardUser& u) {
  if (u.seesEveryStore()) return "";
  std::string out = "{";
  for (const auto& s : u.stores) out += (out.size() > 1 ? "," : "") + s;
  return out + "}";
}

std::string dayParam(const httplib::Request& req, const char* name, const std::string& fallback) {
  std::string v = req.has_param(name) ? req.get_param_value(name) : fallback;
  CivilDate d;
  if (!parseDate(v, d)) throw Refusal(400, "bad_request", std::string(name) + " is YYYY-MM-DD");
  return v;
}

DashboardQuery queryOf(const httplib::Request& req, const DashboardUser& u) {
  DashboardQuery q;
  q.stores = storeFilter(u);
  q.to = dayParam(req, "to", "");
  q.from = dayParam(req, "from", q.to);
  if (q.from > q.to) throw Refusal(400, "bad_request", "from is after to");
  return q;
}

json bodyOf(const httplib::Request& req) {
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
    throw Refusal(415, "json_only", "send application/json");
  json b = json::parse(req.body, nullptr, false);
  if (!b.is_object()) throw Refusal(400, "bad_request", "the body is a JSON object");
  return b;
}

using Handler = std::function<void(pqxx::connection&, const DashboardUser&, const httplib::Request&, httplib::Response&)>;

// Borrows a connection, finds the session's user (401 signed_out), answers refusals and failures.
httplib::Server::Handler signedIn(ConnectionPool& pool, Handler h) {
  return [&pool, h](const httplib::Request& req, httplib::Response& res) {
    auto db = pool.borrow();
    try {
      auto user = sessionUser(*db, cookieToken(req));
      if (!user) throw Refusal(401, "signed_out", "sign in first");
      h(*db, *user, req, res);
    } catch (const Refusal& r) {
      answerRefusal(res, r);
    } catch (...) {
      db.discard();
      answerFailure(req, res, false);
    }
  };
}

void postSession(ConnectionPool& pool, const httplib::Request& req, httplib::Response& res) {
  auto db = pool.borrow();
  try {
    json b = bodyOf(req);
    LogIn in = logIn(*db, b.value("login", ""), b.value("password", ""));
    if (in.outcome == LogIn::Locked) throw Refusal(429, "login_locked", "too many wrong passwords: wait 15 minutes");
    if (in.outcome != LogIn::Ok) throw Refusal(401, "login_failed", "wrong login or password");
    res.set_header("Set-Cookie", std::string(kCookie) + "=" + in.token +
                                     "; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Strict");
    answerJson(res, 200, userJson(in.user));
  } catch (const Refusal& r) {
    answerRefusal(res, r);
  } catch (...) {
    db.discard();
    answerFailure(req, res, false);
  }
}

void me(pqxx::connection& db, const DashboardUser& u, const httplib::Request&, httplib::Response& res) {
  json out = userJson(u);
  out["latest_day"] = latestDay(db, storeFilter(u));
  answerJson(res, 200, out);
}

void settlement(pqxx::connection& db, const DashboardUser& u, const httplib::Request& req, httplib::Response& res) {
  auto visible = u.visibleStores();
  Settlement s = settlementOf(db, req.get_param_value("month"));
  answerJson(res, 200, settlementJson(s, visible ? &*visible : nullptr));
}

// The matrix as CSV (yuan), as `salon-hq settlement show --csv`; an area manager's holds the
// cells touching their stores, with the stores on the other side of them (as settlementJson).
void settlementCsvFile(pqxx::connection& db, const DashboardUser& u, const httplib::Request& req,
                       httplib::Response& res) {
  Settlement s = settlementOf(db, req.get_param_value("month"));
  if (auto visible = u.visibleStores()) {
    std::set<std::string> shown;
    std::vector<SettlementCell> cells;
    for (const auto& c : s.cells)
      if (visible->count(c.payer) || visible->count(c.payee)) cells.push_back(c), shown.insert({c.payer, c.payee});
    shown.insert(visible->begin(), visible->end());
    s.cells = cells;
    s.stores.assign(shown.begin(), shown.end());
  }
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Content-Disposition", "attachment; filename=\"settlement-" + s.month + ".csv\"");
  res.set_content(settlementCsv(s), "text/csv; charset=utf-8");
}

void sign(pqxx::connection& db, const DashboardUser& u, const httplib::Request& req, httplib::Response& res) {
  json b = bodyOf(req);
  if (!u.maySign()) throw Refusal(403, "not_allowed", "only finance or the owner signs a settlement");
  answerJson(res, 200, settlementJson(signSettlement(db, b.value("month", ""), u.login)));
}

void alerts(pqxx::connection& db, const DashboardUser& u, const httplib::Request&, httplib::Response& res) {
  json out = chainAlerts(db, storeFilter(u));
  out["may_mark_seen"] = u.maySign();
  answerJson(res, 200, out);
}

// Finance or the owner marks an overdraw or a stale debit seen (kept: who, when).
void alertSeen(pqxx::connection& db, const DashboardUser& u, const httplib::Request& req, httplib::Response& res) {
  json b = bodyOf(req);
  if (!u.maySign()) throw Refusal(403, "not_allowed", "only finance or the owner marks an alert seen");
  answerJson(res, 200, markAlertSeen(db, b.value("id", ""), u.login, storeFilter(u)));
}

using Figures = json (*)(pqxx::connection&, const DashboardQuery&);

Handler figures(Figures f) {
  return [f](pqxx::connection& db, const DashboardUser& u, const httplib::Request& req, httplib::Response& res) {
    answerJson(res, 200, f(db, queryOf(req, u)));
  };
}

}  // namespace

void mountDashboardApi(httplib::Server& server, ConnectionPool& pool) {
  std::string base = kBase;
  server.Post(base + "/sessions", [&pool](const httplib::Request& req, httplib::Response& res) {
    postSession(pool, req, res);
  });
  server.Post(base + "/sessions/end", signedIn(pool, [](pqxx::connection& db, const DashboardUser&,
                                                        const httplib::Request& req, httplib::Response& res) {
                logOut(db, cookieToken(req));
                res.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
                answerJson(res, 200, {{"status", "signed_out"}});
              }));
  server.Get(base + "/me", signedIn(pool, me));
  server.Get(base + "/sales", signedIn(pool, figures(salesFigures)));
  server.Get(base + "/liabilities", signedIn(pool, figures(liabilityFigures)));
  server.Get(base + "/customers", signedIn(pool, figures(customerFigures)));
  server.Get(base + "/compliance", signedIn(pool, figures(complianceFigures)));
  server.Get(base + "/sync", signedIn(pool, figures(syncFigures)));
  server.Get(base + "/alerts", signedIn(pool, alerts));
  server.Post(base + "/alerts/seen", signedIn(pool, alertSeen));
  server.Get(base + "/settlement", signedIn(pool, settlement));
  server.Get(base + "/settlement.csv", signedIn(pool, settlementCsvFile));
  server.Post(base + "/settlement/sign", signedIn(pool, sign));
}

}  // namespace salon::hq
