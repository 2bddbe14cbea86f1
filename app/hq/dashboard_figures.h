#pragma once
// The owner's dashboard's figures (issue 18), read from head office's projections.
// Every function takes `stores`: "" for every store, or a PostgreSQL array literal
// such as "{S01,S02}" (an area manager's stores); days are YYYY-MM-DD, inclusive.
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/connection>

namespace salon::hq {

struct DashboardQuery {
  std::string stores;  // "" = all, else "{S01,S02}"
  std::string from, to;
};

// {"by_store_day":[{"store","day","gross","sales"}] (the Z report's figures),
//  "by_service":[{"item","name","qty","net"}], "by_staff":[{"staff","name","net"}]}:
// net of voids and refunds; a line's net split between its staff by share_bp.
nlohmann::json salesFigures(pqxx::connection& db, const DashboardQuery& q);
// As of the end of business day `q.to`: {"as_of","stores":[{"store","principal","bonus","package_sessions"}]}
// by the store that sold the value.
nlohmann::json liabilityFigures(pqxx::connection& db, const DashboardQuery& q);
// {"stores":[{"store","customers","new","returning","previous","retained","retention_bp"}]}: a customer is
// new when their first sale at that store falls in the period; retention is the share of the previous
// period's customers (same length, just before) who came again in this one.
nlohmann::json customerFigures(pqxx::connection& db, const DashboardQuery& q);
// {"target_on_time_bp":9800,"target_error_bp":100,"stores":[{"store","sales_due","sales_on_time",
//  "services_due","services_on_time","on_time_bp","error_bp"}]}.
nlohmann::json complianceFigures(pqxx::connection& db, const DashboardQuery& q);
// {"stores":[{"store","name","last_contact","stored_through","quarantined","audit_head","audit_head_at",
//  "clock_skew_ms","revoked","events_waiting" (null: the kiosk never told),"events_waiting_at",
//  "backlog_growing","contact_old"}],"backlog_growing_after_s","contact_old_after_s"}.
nlohmann::json syncFigures(pqxx::connection& db, const DashboardQuery& q);
// The latest business day any visible store reported ("" when none).
std::string latestDay(pqxx::connection& db, const std::string& stores);

}  // namespace salon::hq
