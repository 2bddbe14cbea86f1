#pragma once
// What head office's money needs a person for (issue 18), for `salon-hq chain alerts`
// and the owner's dashboard (GET /api/dashboard/v1/alerts):
// - overdraws made arrears (member_overdraws), id "overdraw:<sale id>";
// - debits whose sale never arrived (not ended, older than debits.hold_hours), id
//   "stale_debit:<debit id>";
// - quarantined events per store (the batches' events HQ could not project).
// An overdraw or a stale debit may be marked seen by a finance or owner login
// (alerts_seen: who and when; append-only, the alert itself is never changed; a line
// on stderr too, as the overdraw itself had).
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/connection>

namespace salon::hq {

// `stores`: "" for every store, or a PostgreSQL array literal "{S01,S02}" (an area manager's).
// {"overdraws":[{"id","sale","store","member_no","arrears","points","at","seen_by","seen_at"}],
//  "stale_debits":[{"id","sale","store","member_no","stored_value","points","at","seen_by","seen_at"}],
//  "quarantined":[{"store","events","last_at"}]} (fen; "at" UTC ISO; seen_* null when unseen).
nlohmann::json chainAlerts(pqxx::connection& db, const std::string& stores);

// Marks the alert `id` seen by `login` (once: a second mark answers the first). Refusal
// 404 not_found when it is no alert of a store in `stores`. Answers the alert's
// {"id","store","seen_by","seen_at"}.
nlohmann::json markAlertSeen(pqxx::connection& db, const std::string& id, const std::string& login,
                             const std::string& stores);

}  // namespace salon::hq
