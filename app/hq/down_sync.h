#pragma once
// Down-sync: what head office owns, paged to each store in commit order by a
// cursor that never skips a row committed late (PROTOCOL.md, "Down").
#include <string>

#include <nlohmann/json.hpp>

#include <pqxx/connection>

namespace salon::hq {

constexpr int kChangesPerPage = 1000;

// {"cursor","more","changes":[{"kind","key","body"}]}; `after` empty = from the start.
// Throws Refusal(400, "bad_cursor") on a cursor HQ never gave.
nlohmann::json changesPage(pqxx::connection& db, const std::string& store, const std::string& after);

// The kiosk's light question between rounds (`GET /api/v1/waiting`): whether a
// page after `after` would hold a change for `store` (one indexed EXISTS, no bodies).
bool changesWaiting(pqxx::connection& db, const std::string& store, const std::string& after);

}  // namespace salon::hq
