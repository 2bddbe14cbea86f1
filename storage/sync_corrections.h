#pragma once
// Corrections a customer asks for on head office's phone page (issue 19, 更正权;
// app/hq/PROTOCOL.md "A customer's own file"): a `customer.correction` change
// {"correction", "member_no", "field", "value", "reason"} becomes, inside the page's
// transaction, a pending change request by the customer (core's ChangeRequests::submit:
// the same checks, audit `customer.correction_requested` and outbox event as one made at
// the counter; requested by kOnlineBookingStaff), for a supervisor to decide — a change of
// contact details still waits for the customer's confirmation at the kiosk. Heard twice,
// filed once (online_corrections). A value the file would refuse, no change, or an
// unknown member: DomainError (the page skips it and names it in its sync.receive entry,
// and answers it with answerSkippedCorrection). Either way head office hears the
// outcome: outbox `customer.correction_answered` {"correction", "answer": "filed" |
// "skipped", "reason", "change_request" (filed)} under the correction's id, once.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "app/core/clock.h"
#include "app/core/sync_store.h"

namespace salon::storage {

void fileOnlineCorrection(SQLite::Database& db, const HeadOfficeChange& change, Instant now);

// The store could not take it (`reason`: the refusal's code): the customer is told on
// head office's page (and by SMS). Nothing when it was answered before.
void answerSkippedCorrection(SQLite::Database& db, const HeadOfficeChange& change, const std::string& reason,
                             Instant now);

}  // namespace salon::storage
