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
  ChainReport chain;
  std::vector<LedgerCheck> ledgers;
  bool ok() const {
    if (!chain.ok) return false;
    for (const auto& l : ledgers)
      if (!l.ok) return false;
    return true;
  }
};

// A ledger check runs read-only queries and says whether sums match balances.
using LedgerChecker = std::function<LedgerCheck(SQLite::Database&)>;
// The checks of every ledger the schema has (extended as ledgers are added).
const std::vector<LedgerChecker>& ledgerCheckers();

VerifyReport verifyDatabase(Database& db);

}  // namespace salon::storage
