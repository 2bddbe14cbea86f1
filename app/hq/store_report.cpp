#include "app/hq/store_report.h"

#include <pqxx/pqxx>

namespace salon::hq {

nlohmann::json storesReport(pqxx::connection& db, const std::string& day) {
  pqxx::read_transaction r(db);
  auto rows = r.exec_params(
      "SELECT d.store, d.business_day::text, d.sales, d.voids, d.refunds, d.arrears_settlements, d.total,"
      " COALESCE((SELECT jsonb_object_agg(t.tender, t.amount) FROM store_day_tenders t"
      "   WHERE t.store = d.store AND t.business_day = d.business_day), '{}'::jsonb)::text"
      " FROM store_days d WHERE ($1 = '' OR d.business_day = NULLIF($1, '')::date)"
      " ORDER BY d.store, d.business_day",
      day);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows)
    out.push_back({{"store", row[0].as<std::string>()},
                   {"business_day", row[1].as<std::string>()},
                   {"sales", row[2].as<long long>()},
                   {"voids", row[3].as<long long>()},
                   {"refunds", row[4].as<long long>()},
                   {"arrears_settlements", row[5].as<long long>()},
                   {"gross", row[6].as<long long>()},
                   {"tenders", nlohmann::json::parse(row[7].c_str())}});
  return out;
}

}  // namespace salon::hq
