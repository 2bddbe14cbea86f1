#pragma once
// Opening balances for head office (issue 19, app/hq/PROTOCOL.md "Members without a
// number"): a membership without a card number whose ledgers hold rows from before file
// numbers went up (migration 022) goes up once as `member.opening`
// {"customer": {"id", "member_no": "", "file_no"}, "movements": [...]} with its balances
// as they are (reason "opening": stored value principal/bonus, points, each package with
// sessions left, arrears; zero ones left out), recorded in member_openings in the same
// transaction. After it the file is whole at head office (kWholeAtHeadOffice).
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/clock.h"

namespace salon::storage {

// Inside a write transaction: queues the openings due (at most `limit`, oldest files
// first; the rest next call); returns how many. A member is queued once, ever.
int queueMemberOpenings(SQLite::Database& db, Instant now, int limit = 200);

}  // namespace salon::storage
