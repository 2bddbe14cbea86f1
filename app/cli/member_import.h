#pragma once
// Moving in from another system: `customers import` with the member columns and
// their balances, `members import-packages`, `report liabilities`.
#include <string>

#include "app/cli/cli.h"

namespace salon::cli {

struct MemberImportArgs {
  std::string db, staff, file, map, mapTiers, mapItems, asOf;
  bool dryRun = false, asJson = false, skipBad = false, createTiers = false, progress = false;
};

// customers import FILE: files, and for a file with member columns (manager
// only) their card numbers, tiers and opening balances; one transaction.
int importCustomers(const Invocation& inv, const MemberImportArgs& a);
// members import-packages, report liabilities (after `report` exists).
void addMemberImportCommands(CLI::App& app, Invocation& inv);

}  // namespace salon::cli
