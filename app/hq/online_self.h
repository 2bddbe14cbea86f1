#pragma once
// A signed-in customer's own side at head office (issue 19, continued): their member
// figures across the chain and the store's decisions on their membership applications.
//
// HQ holds no member's phone: each store sends, per member number, a keyed hash of
// the member file's phone (member.phone_key, hex HMAC-SHA256 under hq_settings
// phone_match_key, which went down to every store as `phone.key`); the page's
// session phone is hashed the same way and looked up. The decisions come up as the
// kiosk's member.approved / member.rejected naming the application.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/core/clock.h"
#include "app/hq/sale_projection.h"

namespace salon::hq {

// member.phone_key into member_phones; member.approved / member.rejected onto the
// store's online_applications (the first decision of a pending one stands).
std::vector<QuarantinedEvent> projectSelfEvents(pqxx::dbtransaction& w, const std::string& store,
                                                const std::vector<const OutboxEvent*>& fresh);

// hex HMAC-SHA256(phone_match_key, normalised phone): what a store sends for a member.
std::string phoneMatchKey(pqxx::transaction_base& t, const std::string& phone);

// {"members":[{member_no, home_store, store_name, stored_value:{principal,bonus}, points,
// packages:[{service, service_name, sessions_left, expires}], arrears}], as_of, as_of_ms}
// for the phone (an unknown phone: no members, the same shape). Each look is kept in
// member_views (store "online", staff "customer").
nlohmann::json ownFigures(pqxx::connection& db, const std::string& phone, Instant now);

// {"applications":[{store, store_name, status: pending|approved|declined, reason, member_no,
// applied_at, decided_at}]} for the phone, newest first.
nlohmann::json ownApplications(pqxx::connection& db, const std::string& phone);

class SmsProvider;

// Texts each customer whose application the store decided since the last pass, once
// (the store's sms.text.member_approved / member_declined in the page's language; an
// essential text: the answer to their own request). Rows are taken FOR UPDATE SKIP
// LOCKED, so several processes may run it. Returns how many were told.
int tellApplicationDecisions(pqxx::connection& db, SmsProvider& sms, Instant now);

}  // namespace salon::hq
