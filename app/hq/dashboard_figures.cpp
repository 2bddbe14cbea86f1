#include "app/hq/dashboard_figures.h"

#include <pqxx/pqxx>

namespace salon::hq {
namespace {

using nlohmann::json;

// "store = ANY(visible)" or every store.
constexpr const char* kSees = "(NULLIF($1, '') IS NULL OR %s = ANY(NULLIF($1, '')::text[]))";

std::string sees(const char* column) {
  std::string s = kSees;
  s.replace(s.find("%s"), 2, column);
  return s;
}

std::int64_t big(const pqxx::field& f) { return f.is_null() ? 0 : f.as<std::int64_t>(); }

json byStoreDay(pqxx::dbtransaction& t, const DashboardQuery& q) {
  json out = json::array();
  for (const auto& r : t.exec_params("SELECT store, business_day::text, total, sales FROM store_days WHERE " +
                                         sees("store") + " AND business_day BETWEEN $2::date AND $3::date"
                                                         " ORDER BY business_day, store",
                                     q.stores, q.from, q.to))
    out.push_back({{"store", r[0].as<std::string>()}, {"day", r[1].as<std::string>()}, {"gross", big(r[2])},
                   {"sales", big(r[3])}});
  return out;
}

json byService(pqxx::dbtransaction& t, const DashboardQuery& q) {
  json out = json::array();
  for (const auto& r : t.exec_params(
           "SELECT l.item, max(l.name), sum(CASE WHEN s.kind = 'sale' THEN l.qty ELSE 0 END), sum(l.net)"
           " FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE " + sees("s.store") +
               " AND s.business_day BETWEEN $2::date AND $3::date GROUP BY l.item ORDER BY sum(l.net) DESC, l.item",
           q.stores, q.from, q.to))
    out.push_back({{"item", r[0].as<std::string>()}, {"name", r[1].as<std::string>()}, {"qty", big(r[2])},
                   {"net", big(r[3])}});
  return out;
}

// A line's net split by the staff's shares (basis points), rounded to the fen per staff member.
json byStaff(pqxx::dbtransaction& t, const DashboardQuery& q) {
  json out = json::array();
  for (const auto& r : t.exec_params(
           "SELECT x.code, COALESCE(max(st.name), x.code), round(sum(x.share))::bigint FROM ("
           " SELECT sh->>'code' AS code, (l->>'net')::numeric * (sh->>'share_bp')::numeric / 10000 AS share"
           " FROM events e, jsonb_array_elements(e.payload->'lines') l, jsonb_array_elements(l->'staff') sh"
           " WHERE e.type IN ('sale.settled', 'sale.voided', 'sale.refunded') AND " + sees("e.store") +
               " AND e.day BETWEEN $2::date AND $3::date AND jsonb_typeof(l->'staff') = 'array') x"
               " LEFT JOIN staff st ON st.code = x.code GROUP BY x.code ORDER BY 3 DESC, x.code",
           q.stores, q.from, q.to))
    out.push_back({{"staff", r[0].as<std::string>()}, {"name", r[1].as<std::string>()}, {"net", big(r[2])}});
  return out;
}

}  // namespace

json salesFigures(pqxx::connection& db, const DashboardQuery& q) {
  pqxx::read_transaction t(db);
  return {{"from", q.from}, {"to", q.to}, {"by_store_day", byStoreDay(t, q)}, {"by_service", byService(t, q)},
          {"by_staff", byStaff(t, q)}};
}

json liabilityFigures(pqxx::connection& db, const DashboardQuery& q) {
  pqxx::read_transaction t(db);
  json stores = json::array();
  for (const auto& r : t.exec_params(
           "SELECT mv.sold_by, sum(mv.principal) FILTER (WHERE mv.kind = 'stored_value'),"
           " sum(mv.bonus) FILTER (WHERE mv.kind = 'stored_value'), sum(mv.sessions) FILTER (WHERE mv.kind = 'package')"
           " FROM member_movements mv JOIN events e ON e.id = mv.event_id"
           " WHERE mv.kind IN ('stored_value', 'package') AND e.day <= $2::date AND " + sees("mv.sold_by") +
               " GROUP BY mv.sold_by ORDER BY mv.sold_by",
           q.stores, q.to))
    stores.push_back({{"store", r[0].as<std::string>()}, {"principal", big(r[1])}, {"bonus", big(r[2])},
                      {"package_sessions", big(r[3])}});
  return {{"as_of", q.to}, {"stores", stores}};
}

json customerFigures(pqxx::connection& db, const DashboardQuery& q) {
  pqxx::read_transaction t(db);
  json stores = json::array();
  for (const auto& r : t.exec_params(
           "WITH p AS (SELECT $2::date AS f, $3::date AS t, $2::date - ($3::date - $2::date + 1) AS pf),"
           " firsts AS (SELECT store, customer_id, min(business_day) AS first FROM sales"
           "   WHERE kind = 'sale' AND customer_id IS NOT NULL AND " + sees("store") + " GROUP BY 1, 2),"
           " now_ AS (SELECT DISTINCT s.store, s.customer_id FROM sales s, p WHERE s.kind = 'sale'"
           "   AND s.customer_id IS NOT NULL AND s.business_day BETWEEN p.f AND p.t),"
           " before_ AS (SELECT DISTINCT s.store, s.customer_id FROM sales s, p WHERE s.kind = 'sale'"
           "   AND s.customer_id IS NOT NULL AND s.business_day >= p.pf AND s.business_day < p.f)"
           " SELECT f.store, count(n.customer_id), count(n.customer_id) FILTER (WHERE f.first >= p.f),"
           " count(b.customer_id), count(b.customer_id) FILTER (WHERE n.customer_id IS NOT NULL)"
           " FROM firsts f CROSS JOIN p LEFT JOIN now_ n ON n.store = f.store AND n.customer_id = f.customer_id"
           " LEFT JOIN before_ b ON b.store = f.store AND b.customer_id = f.customer_id"
           " GROUP BY f.store ORDER BY f.store",
           q.stores, q.from, q.to)) {
    std::int64_t customers = big(r[1]), fresh = big(r[2]), previous = big(r[3]), retained = big(r[4]);
    stores.push_back({{"store", r[0].as<std::string>()}, {"customers", customers}, {"new", fresh},
                      {"returning", customers - fresh}, {"previous", previous}, {"retained", retained},
                      {"retention_bp", previous > 0 ? json(retained * 10000 / previous) : json(nullptr)}});
  }
  return {{"from", q.from}, {"to", q.to}, {"stores", stores}};
}

json complianceFigures(pqxx::connection& db, const DashboardQuery& q) {
  pqxx::read_transaction t(db);
  json stores = json::array();
  for (const auto& r : t.exec_params(
           "SELECT st.code,"
           " (SELECT count(*) FROM events e WHERE e.store = st.code AND e.type = 'sale.settled'"
           "   AND e.day BETWEEN $2::date AND $3::date),"
           " (SELECT count(*) FROM events e WHERE e.store = st.code AND e.type = 'sale.settled'"
           "   AND e.day BETWEEN $2::date AND $3::date AND e.payload->>'recorded_at' ~ '^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d'"
           "   AND e.payload->>'completed_at' ~ '^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d'"
           "   AND (e.payload->>'recorded_at')::timestamp - (e.payload->>'completed_at')::timestamp <= interval '10 minutes'),"
           " (SELECT count(*) FROM events f WHERE f.store = st.code AND f.type = 'service.finished'"
           "   AND f.day BETWEEN $2::date AND $3::date),"
           " (SELECT count(*) FROM events f WHERE f.store = st.code AND f.type = 'service.finished'"
           "   AND f.day BETWEEN $2::date AND $3::date AND EXISTS (SELECT 1 FROM events r WHERE r.store = f.store"
           "   AND r.type = 'service.recorded' AND r.day BETWEEN f.day AND f.day + 1"
           "   AND r.payload->>'service' = f.payload->>'service'"
           "   AND r.at - f.at <= 30 * 60 * 1000))"
           " FROM stores st WHERE " + sees("st.code") + " ORDER BY st.code",
           q.stores, q.from, q.to)) {
    std::int64_t salesDue = big(r[1]), salesOk = big(r[2]), servicesDue = big(r[3]), servicesOk = big(r[4]);
    std::int64_t due = salesDue + servicesDue;
    stores.push_back({{"store", r[0].as<std::string>()}, {"sales_due", salesDue}, {"sales_on_time", salesOk},
                      {"services_due", servicesDue}, {"services_on_time", servicesOk},
                      {"on_time_bp", due > 0 ? json((salesOk + servicesOk) * 10000 / due) : json(nullptr)},
                      {"error_bp", nullptr}});
  }
  return {{"from", q.from}, {"to", q.to}, {"target_on_time_bp", 9800}, {"target_error_bp", 100}, {"stores", stores}};
}

namespace {

// A store whose kiosk has not been heard from this long is offline (it syncs every 30 s);
// a backlog above zero that has not fallen for this long is stuck or growing.
constexpr int kContactOldSeconds = 15 * 60;
constexpr int kBacklogGrowingSeconds = 5 * 60;

json syncRow(const pqxx::row& r) {
  return {{"store", r[0].as<std::string>()}, {"name", r[1].as<std::string>()},
          {"last_contact", r[2].as<std::string>()}, {"stored_through", big(r[3])},
          {"quarantined", big(r[4])}, {"audit_head", r[5].is_null() ? json(nullptr) : json(big(r[5]))},
          {"audit_head_at", r[6].as<std::string>()}, {"clock_skew_ms", big(r[7])},
          {"revoked", r[8].as<bool>()}, {"events_waiting", r[9].is_null() ? json(nullptr) : json(big(r[9]))},
          {"events_waiting_at", r[10].as<std::string>()}, {"backlog_growing", r[11].as<bool>()},
          {"contact_old", r[12].as<bool>()}};
}

}  // namespace

json syncFigures(pqxx::connection& db, const DashboardQuery& q) {
  pqxx::read_transaction t(db);
  json stores = json::array();
  const std::string iso = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";
  for (const auto& r : t.exec_params(
           "SELECT s.code, s.name, COALESCE(to_char(s.last_contact AT TIME ZONE 'UTC', " + iso + "), ''),"
           " s.stored_through, (SELECT count(*) FROM quarantine qq WHERE qq.store = s.code),"
           " h.seq, COALESCE(to_char(h.received_at AT TIME ZONE 'UTC', " + iso + "), ''),"
           " s.clock_skew_ms, s.revoked_at IS NOT NULL, s.events_waiting,"
           " COALESCE(to_char(s.events_waiting_at AT TIME ZONE 'UTC', " + iso + "), ''),"
           " COALESCE(s.events_waiting > 0 AND s.events_waiting_since < now() - make_interval(secs => $2), false),"
           " s.revoked_at IS NULL AND (s.last_contact IS NULL OR s.last_contact < now() - make_interval(secs => $3))"
           " FROM stores s LEFT JOIN LATERAL (SELECT seq, received_at FROM chain_heads c WHERE c.store = s.code"
           "   ORDER BY c.id DESC LIMIT 1) h ON true WHERE " + sees("s.code") + " ORDER BY s.code",
           q.stores, kBacklogGrowingSeconds, kContactOldSeconds))
    stores.push_back(syncRow(r));
  return {{"stores", stores}, {"backlog_growing_after_s", kBacklogGrowingSeconds},
          {"contact_old_after_s", kContactOldSeconds}};
}

std::string latestDay(pqxx::connection& db, const std::string& stores) {
  pqxx::read_transaction t(db);
  return t.exec_params("SELECT COALESCE(max(business_day)::text, '') FROM store_days WHERE " + sees("store"), stores)[0][0]
      .as<std::string>();
}

}  // namespace salon::hq
