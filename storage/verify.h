#pragma once
// `verify`: the audit chain, then every ledger's sums against its balances.
#include <functional>
#include <string>
#include <vector>

#include "storage/audit_store.h"

namespace salon::storage {

struct LedgerCheck {
  std::string name;
  bool ok = true;
  std::string problem;
};

struct VerifyReport {
  // The file itself first: integrity_check, then foreign_key_check. When one
  // fails, the chain and the ledgers are not read (a damaged file gives no
  // trustworthy sums).
  std::vector<LedgerCheck> database;
  ChainReport chain;
  std::vector<LedgerCheck> ledgers;
  bool databaseOk() const {
    for (const auto& c : database)
      if (!c.ok) return false;
    return true;
  }
  bool ok() const {
    if (!databaseOk() || !chain.ok) return false;
    for (const auto& l : ledgers)
      if (!l.ok) return false;
    return true;
  }
};

// A ledger check runs read-only queries and says whether sums match balances.
using LedgerChecker = std::function<LedgerCheck(SQLite::Database&)>;
// The checks of every ledger the schema has (extended as ledgers are added).
const std::vector<LedgerChecker>& ledgerCheckers();

// The database's own checks (PRAGMA integrity_check, PRAGMA foreign_key_check).
std::vector<LedgerCheck> checkDatabaseFile(SQLite::Database& db);

VerifyReport verifyDatabase(Database& db);

}  // namespace salon::storage
