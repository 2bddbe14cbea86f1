#pragma once
// Members' phones for head office, as keyed hashes only (issue 19, app/hq/PROTOCOL.md
// "A customer's own side"): head office sends its key down once (`phone.key`, kept in
// hq_owned like what it owns); before each upload the sync round appends a
// `member.phone_key` event {"member_no", "file_no", "phone_key"} for each member
// (a member number, or a membership without one) whose number,
// phone or sharing changed since the last report (member_phone_reports). A phone the
// file marks as shared, or that another file here carries too (a family's), is sent
// as "" (HQ forgets it): one person's figures are never shown to another who signs in
// with the same phone.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

#include "app/core/clock.h"

namespace salon::storage {

// hex HMAC-SHA256(key, phone): the same as head office computes for a signed-in phone.
std::string phoneMatchKey(const std::string& key, const std::string& phone);

// Appends the reports due (at most `limit` a call, the rest next round); returns how
// many. Without head office's key (not enrolled, or not yet heard): nothing.
int reportMemberPhones(SQLite::Database& db, Instant now, int limit = 500);

// SQL true when the file `c` (customers AS c) has no ledger row from before file numbers
// went up with its movements (migration 022), or its opening balances went up since
// (member_openings.h): head office then holds its whole history, and a file without a
// member number may be kept there under its file number.
extern const char* const kWholeAtHeadOffice;

// The file head office names by its member key (app/hq/member_keys.h): a member
// number, a file number, or "STORE/file number"; nullopt when none here.
std::optional<std::int64_t> customerByMemberKey(SQLite::Database& db, const std::string& key);

}  // namespace salon::storage
