#pragma once
// `salon-hq report stores`: per store and business day, the figures of the kiosk's
// Z report for that day (app/cli/day_commands.cpp `report z`): sales counted by
// kind, the total of every kind with its sign ("gross", the Z report's "total"),
// and tenders by type.
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/connection>

namespace salon::hq {

// [{"store","business_day","sales","voids","refunds","arrears_settlements","gross","tenders":{..}}],
// by store then day; `day` empty = every day.
nlohmann::json storesReport(pqxx::connection& db, const std::string& day);

}  // namespace salon::hq
