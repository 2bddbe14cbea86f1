#pragma once
// The audit chain's head as the audit_head row keeps it: the one reading behind
// the Z report, the sync batches (and so the settings screen) and `verify`.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>

#include "app/core/chain_head.h"

namespace salon::storage {

// nullopt: no entry yet.
std::optional<ChainHead> readAuditHead(SQLite::Database& db);

}  // namespace salon::storage
