#pragma once
// Moving in from another system: `customers import` with the member columns and
// their balances, `members import-packages`, `report liabilities`.
#include <string>

#include "app/cli/cli.h"
#include "app/core/customer_import.h"

namespace salon::cli {

struct MemberImportArgs {
  std::string db, staff, file, map, mapTiers, mapItems, asOf;
  bool dryRun = false, asJson = false, skipBad = false, createTiers = false, progress = false;
};

// customers import FILE: files, and for a file with member columns (manager
// only) their card numbers, tiers and opening balances; one transaction.
int importCustomers(const Invocation& inv, const MemberImportArgs& a);
// Progress on stderr: over itself on a terminal, a line every 10 % with --progress.
ImportProgress progressPrinter(const MemberImportArgs& a);
// "FILE:LINE: code: detail".
std::string problemText(const std::string& file, const ImportProblem& p);
// appointments import FILE (appointment_import_commands.cpp; after `appointments` exists).
void addAppointmentImportCommand(CLI::App& app, Invocation& inv);
// members import-packages, report liabilities (after `report` exists).
void addMemberImportCommands(CLI::App& app, Invocation& inv);

}  // namespace salon::cli
