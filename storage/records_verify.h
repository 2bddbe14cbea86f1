#pragma once
// `verify`'s checks of the record-keeping tables: every upheld dispute points at
// a correction that exists (a refund of the disputed sale, or an approved change
// request of the same customer), and every reviewed file's status is what its
// latest review decision made it.
#include "storage/verify.h"

namespace salon::storage {

LedgerCheck checkDisputeCorrections(SQLite::Database& db);
LedgerCheck checkFileReviews(SQLite::Database& db);

}  // namespace salon::storage
