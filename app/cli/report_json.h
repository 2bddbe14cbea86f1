#pragma once
// The business reports as JSON (amounts in fen, rates in basis points), the one
// shape head office, the tests and the kiosk's CSV export agree on.
#include <nlohmann/json.hpp>

#include "app/core/report_compliance.h"
#include "app/core/report_customers.h"
#include "app/core/report_sales.h"
#include "app/core/report_staff.h"

namespace salon::cli {

nlohmann::json salesJson(const SalesReport& r);
nlohmann::json staffReportJson(const StaffReport& r);
nlohmann::json customersJson(const CustomersReport& r);
// The keys `report liabilities` has always had, plus "as_of" and "month_ends".
nlohmann::json liabilitiesJson(const LiabilitiesFigures& l);
nlohmann::json liabilitiesReportJson(const LiabilitiesReport& r);
nlohmann::json recordKeepingJson(const RecordKeepingReport& r);

}  // namespace salon::cli
