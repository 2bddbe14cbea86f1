#pragma once
// Membership applications made online (member.application from head office,
// app/hq/PROTOCOL.md), applied inside the page's transaction: the customer found by
// phone, or a new file pending review with the consent given online, gets a pending
// membership application like one made at the counter (member.apply audit,
// member.applied up), applied by kOnlineBookingStaff, for a supervisor to decide.
// The application's id is head office's, so a change heard twice applies once; a
// customer who is already a member, or already has an application pending, gets none.
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/clock.h"
#include "app/core/sync_store.h"

namespace salon::storage {

void applyOnlineApplication(SQLite::Database& db, const HeadOfficeChange& change, Instant now);

}  // namespace salon::storage
