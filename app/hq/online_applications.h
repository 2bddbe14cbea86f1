#pragma once
// Membership applications made online (issue 19; the pet shop's rule lets customers
// apply "in the shop or online"). HQ keeps one per phone and store and sends it down
// (`member.application`, PROTOCOL.md); the kiosk makes it a pending application like
// one made at the counter, for a supervisor to approve or return.
#include <nlohmann/json.hpp>
#include <pqxx/connection>

#include "app/core/clock.h"
#include "app/hq/online_booking.h"

namespace salon::hq {

// ask: store, phone (normalised), name, privacyConsent, marketing. Answers
// {"status":"pending"} whether new or already sent (the same answer twice).
// Throws Refusal 404 not_found (store not online), 400 consent_required, 400 bad_request.
nlohmann::json applyOnline(pqxx::connection& db, const BookingAsk& ask, Instant now);

}  // namespace salon::hq
