#include "app/hq/member_api.h"

#include <httplib.h>

#include <pqxx/pqxx>

#include "app/core/clock.h"
#include "app/hq/connection_pool.h"
#include "app/hq/http_failure.h"
#include "app/hq/member_debit_sessions.h"
#include "app/hq/member_keys.h"
#include "app/hq/member_scopes.h"
#include "app/hq/member_rekey.h"
#include "app/hq/refusal.h"
#include "app/hq/store_caller.h"

namespace salon::hq {
namespace {

using nlohmann::json;

// Sessions left less what other stores' open debits hold (member_debit_sessions.h).
json packagesOf(pqxx::transaction_base& r, const std::string& memberNo, const std::string& askingStore) {
  json out = json::array();
  for (const auto& row : r.exec_params("SELECT service, left_, expires, package FROM (SELECT p.service, p.expires,"
                                       " p.package, p.sessions_left - " + openSessionsSql("p.package", "$2") +
                                           " AS left_ FROM member_packages p WHERE p.member_no = $1) k"
                                           " WHERE left_ > 0 ORDER BY expires, service, package",
                                       memberNo, askingStore))
    out.push_back({{"service", row[0].as<std::string>()}, {"sessions_left", row[1].as<int>()},
                   {"expires", row[2].as<std::string>()}, {"package", row[3].as<std::string>()}});
  return out;
}

// Per kind, where it may be spent (member_scopes.h) and what of it the asking store may
// spend: "scopes" and "usable_here" {"stored_value", "points", "packages": [ids]}.
void addUsableHere(pqxx::transaction_base& r, json& figures, const std::string& memberNo, const std::string& store) {
  const ValueScopes s = valueScopes(r);
  json here = usableHere(r, memberNo, store, s, false);
  here["packages"] = json::array();
  for (const auto& p : figures["packages"])
    if (s.packages || r.exec_params("SELECT 1 FROM member_packages WHERE package = $1 AND sold_by = $2",
                                    p["package"].get<std::string>(), store).size() == 1)
      here["packages"].push_back(p["package"]);
  figures["scopes"] = scopesJson(s);
  figures["usable_here"] = here;
}

std::string bounded(const std::string& text, std::size_t most) { return text.substr(0, most); }

void balance(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res,
             const Clock& clock) {
  std::string memberNo = req.matches[1];
  std::optional<json> figures;
  {
    // One snapshot: the figures and how far they hold the asking store's events.
    pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only> r(db);
    memberNo = currentMemberKey(r, memberNo);  // a file key given a card number since: the number's figures
    figures = chainMemberBalance(r, memberNo, clock.now(), c.store);
    if (!figures) throw Refusal(404, "not_found", "no store has reported member " + memberNo);
    (*figures)["stored_through"] =
        r.exec_params("SELECT stored_through FROM stores WHERE code = $1", c.store)[0][0].as<std::int64_t>();
    addUsableHere(r, *figures, memberNo, c.store);
  }
  pqxx::work w(db);
  w.exec_params("INSERT INTO member_views (store, staff, member_no, purpose, what) VALUES ($1, $2, $3, $4, 'balance')",
                c.store, bounded(req.get_param_value("staff"), 64), memberNo,
                bounded(req.get_param_value("purpose"), 200));
  w.commit();
  answerJson(res, 200, *figures);
}

// A member no store has reported is an answer the kiosk expects, not a fault.
bool unknownMember(const Refusal& r) { return r.status == 404; }

}  // namespace

std::optional<json> chainMemberBalance(pqxx::transaction_base& r, const std::string& memberNo, std::int64_t nowMs,
                                       const std::string& askingStore) {
  auto m = r.exec_params("SELECT home_store FROM chain_members WHERE member_no = $1", memberNo);
  if (m.empty()) return std::nullopt;
  // Less what other stores' open debits hold (the asking store adds its own
  // sales not uploaded yet itself).
  auto v = r.exec_params("SELECT v.p - h.p, v.b - h.b, v.pt - h.pt, v.a FROM"
                         " (SELECT COALESCE(sum(principal), 0)::bigint p, COALESCE(sum(bonus), 0)::bigint b,"
                         "  COALESCE(sum(points), 0)::bigint pt, COALESCE(sum(arrears), 0)::bigint a"
                         "  FROM member_value WHERE member_no = $1) v,"
                         " (SELECT COALESCE(sum(principal), 0)::bigint p, COALESCE(sum(bonus), 0)::bigint b,"
                         "  COALESCE(sum(points), 0)::bigint pt FROM open_member_debits"
                         "  WHERE member_no = ANY " + memberKeysSql("$1") + " AND store <> $2) h",
                         memberNo, askingStore);
  return json{{"member_no", memberNo},
              {"home_store", m[0][0].as<std::string>()},
              {"stored_value", {{"principal", v[0][0].as<std::int64_t>()}, {"bonus", v[0][1].as<std::int64_t>()}}},
              {"points", v[0][2].as<std::int64_t>()},
              {"packages", packagesOf(r, memberNo, askingStore)},
              {"arrears", v[0][3].as<std::int64_t>()},
              {"as_of", formatUtc(nowMs)},
              {"as_of_ms", nowMs},
              {"source", "hq"}};
}

void mountMemberApi(httplib::Server& server, ConnectionPool& pool, const Clock& clock) {
  server.Get(R"(/api/v1/members/([A-Za-z0-9_-]{1,32})/balance)",
             forStore(
                 pool,
                 [&clock](pqxx::connection& db, const StoreCaller& c, const httplib::Request& req,
                          httplib::Response& res) { balance(db, c, req, res, clock); },
                 unknownMember));
}

}  // namespace salon::hq
