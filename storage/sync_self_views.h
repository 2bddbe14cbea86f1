#pragma once
// A customer's look at their own file from head office's phone page (issue 19,
// app/hq/PROTOCOL.md "A customer's own file"): a `customer.self_view` change names the
// member and carries a public key made for this look. Inside the page's transaction the
// store reads the file's summary and access log (self_service_store's fileViews, the
// views before this one, as `customers mine` shows them), logs the look in the access
// log as the customer's own (ownViewEntry: customer.self_view, no staff), and answers
// up with `customer.self_view_answer` {"request", "sealed"}: the summary sealed to that
// key (libsodium sealed box), so only head office's page can open it, and only while
// head office keeps the secret key. Heard twice, answered once (the answer's outbox id
// is the request's).
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/clock.h"
#include "app/core/sync_store.h"

namespace salon::storage {

void answerSelfView(SQLite::Database& db, const HeadOfficeChange& change, Instant now);

}  // namespace salon::storage
