#pragma once
// Customer files as JSON for the command line (and scripts that drive it).
#include <nlohmann/json.hpp>

#include "app/core/customer_files.h"

namespace salon::cli {

nlohmann::json summaryJson(const CustomerSummary& s);
nlohmann::json fileJson(const CustomerFile& f, StoreZone zone);
// {"name": ..., "phone": ..., "consent": true, "marketing": false, "member": true,
//  "shared_phone": false, "fields": {"allergies": "芒果", "income_band": {"declined": true}}}
Registration registrationFromJson(const nlohmann::json& j);

}  // namespace salon::cli
