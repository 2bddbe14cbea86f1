#pragma once
// A customer's look at their own file from the phone page (issue 19, continued; README.md
// "The customer's own file"). Head office holds no file: it asks the member's store and
// passes the answer on once. Each look has its own X25519 key pair: the public key goes
// down with the ask (`customer.self_view`), the store seals its answer to it
// (`customer.self_view_answer`), and the secret key stays here until the page reads the
// answer or 15 minutes pass; then the row goes, and with it any way to open the answer.
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/core/clock.h"
#include "app/hq/upload_batch.h"

namespace salon::hq {

constexpr std::int64_t kSelfViewWait = 2 * kMinute;   // then "offline": the store did not answer
constexpr std::int64_t kSelfViewKept = 15 * kMinute;  // then forgotten, read or not

// Asks the stores of the phone's members (member_phones) for their files: {"request": ask}.
// The same ask again while one younger than kSelfViewWait waits. A phone with no member
// gets an ask too, answered at once with no files (the same shape: no enumeration).
nlohmann::json askOwnFile(pqxx::connection& db, const std::string& phone, Instant now);

// {"status":"waiting"} | {"status":"offline"} | {"status":"answered","files":[...]} for
// the phone's ask; answered, the look is forgotten (a second read is 404 not_found).
// Throws Refusal 404 not_found for another phone's ask, an unknown or a forgotten one.
nlohmann::json ownFileAnswer(pqxx::connection& db, const std::string& phone, const std::string& ask, Instant now);

// customer.self_view_answer {"request", "sealed": base64}: kept for the page, once.
void keepSelfViewAnswer(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e);

// POST /me/corrections {"field", "value", "reason"}: sent down to the store of each of the
// phone's members as `customer.correction`, where it becomes a change request by the
// customer. Fields: name, phone, gender, birthday, address, occupation (the value checked
// as the kiosk will: core's checkedChangeValue). {"status":"sent"} (the same for a phone
// with no member). Refusal 400 bad_request, 429 rate_limited (10 an hour a phone).
nlohmann::json askCorrection(pqxx::connection& db, const std::string& phone, const nlohmann::json& body, Instant now);

// The sweep: looks older than kSelfViewKept go, with their secret keys. Returns how many.
int forgetSelfViews(pqxx::connection& db, Instant now);

}  // namespace salon::hq
