#pragma once
// Membership applications made online (member.application from head office,
// app/hq/PROTOCOL.md), applied inside the page's transaction: the customer found by
// phone, or a new file pending review with the consent given online, gets a pending
// membership application like one made at the counter (member.apply audit,
// member.applied up), applied by kOnlineBookingStaff, for a supervisor to decide.
// The application's id is head office's, so a change heard twice applies once; a
// customer who already has an application pending gets none; one who is a member
// already gets none either, and head office hears so (`member.application_answered`
// {"application", "answer": "already_member", "member_no"}, under the application's id).
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/clock.h"
#include "app/core/sync_store.h"

namespace salon::storage {

void applyOnlineApplication(SQLite::Database& db, const HeadOfficeChange& change, Instant now);

}  // namespace salon::storage
