#pragma once
// A sale of this store that head office found overdrew a member (issue 18, down
// change `member.overdraw`, key = the sale's id): `{"sale", "member_no", "arrears",
// "points"}`. Posted once, in the page's transaction: the arrears on the member's
// file (arrears_ledger kind 'overdraw' under the sale's id, member_balances, the
// suspension clock as for any charge), a chain_overdraws row (the store's alert,
// `sync status`'s "overdraws") and an audit entry `chain.overdraw`. Nothing goes
// up: head office booked the same arrears itself.
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/head_office.h"

namespace salon::storage {

void postOverdraw(SQLite::Database& db, const HeadOfficeChange& c, Instant now);

}  // namespace salon::storage
