#pragma once
// What became of a correction a customer asked for on the phone page (issue 19,
// continued): the store answers each `customer.correction` with
// `customer.correction_answered` {"correction", "answer": "filed" | "skipped", "reason",
// "change_request"} (filed: a change request waiting for a supervisor; skipped: the store
// could not take it — the member is no longer there, or the file refuses the value after
// all), and the supervisor's decision on a filed one comes up as the kiosk's usual
// customer.change_approved / customer.change_rejected {"change_request"}. The page lists
// them (GET /me/corrections); a skipped, approved or rejected one is texted once, like the
// store's other decisions (`sms.text.correction_<status>`). The phone is kept only until then.
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/core/clock.h"
#include "app/hq/upload_batch.h"

namespace salon::hq {

class SmsProvider;

// customer.correction_answered, in the batch's transaction; the first answer stands.
// std::invalid_argument for a payload it cannot read (the event is quarantined).
void keepCorrectionAnswer(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e);
// customer.change_approved / customer.change_rejected: a filed correction's decision (a
// change request made at the counter names none and moves nothing).
void keepCorrectionDecision(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e);

// {"corrections":[{"store","store_name","field","status":"sent"|"filed"|"skipped"|"approved"|
// "rejected","reason","asked_at","answered_at" or null}]}: the phone's corrections, newest first.
nlohmann::json ownCorrections(pqxx::connection& db, const std::string& phone);

// The sweep: texts each skipped, approved or rejected correction once (then forgets the
// phone). Returns how many went.
int tellCorrectionOutcomes(pqxx::connection& db, SmsProvider& sms, Instant now);

}  // namespace salon::hq
