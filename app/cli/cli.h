#pragma once
// The command line: every subcommand of `salon-kiosk` except the kiosk window.
// A subcommand that reads personal data or changes anything acts as a staff
// member (`--staff CODE`, PIN in SALON_PIN) and is checked and audited like the
// touchscreen.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

#include "app/core/clock.h"
#include "app/core/i18n.h"
#include "app/core/staff.h"
#include "storage/database.h"

namespace salon::cli {

// What the chosen subcommand will do once the arguments are parsed.
struct Invocation {
  std::function<int()> run;
  const Clock* clock = nullptr;
};

// Registers every subcommand on `app`.
void addCommands(CLI::App& app, Invocation& invocation);

// Runs the chosen subcommand; a DomainError is printed on stderr in the user's
// language and gives exit code 2.
int runInvocation(const Invocation& invocation, const Catalog& catalog);

// $XDG_DATA_HOME/salon-kiosk (or ~/.local/share/salon-kiosk), created 0700.
std::string defaultDataDir();
std::string defaultDbPath();

// `autoCheckpoint` false: the kiosk checkpoints from a worker (storage::StoreUpkeep).
std::unique_ptr<storage::Database> openDatabase(const std::string& path,
                                                storage::OpenMode mode = storage::OpenMode::Existing,
                                                bool autoCheckpoint = true);

// Signs in `code` with the PIN from SALON_PIN; throws DomainError on failure.
Staff actAs(storage::Database& db, const Clock& clock, const std::string& code);

// Adds the common `--db` option to a subcommand.
CLI::Option* addDbOption(CLI::App* sub, std::string& path);

// Each group of subcommands registers itself here.
void addVerifyCommand(CLI::App& app, Invocation& inv);
void addStaffCommands(CLI::App& app, Invocation& inv);
void addDemoDataCommand(CLI::App& app, Invocation& inv);
void addBackupCommands(CLI::App& app, Invocation& inv);
void addEscposCommands(CLI::App& app, Invocation& inv);
void addPrintCommands(CLI::App& app, Invocation& inv);
void addScanCommand(CLI::App& app, Invocation& inv);
void addCustomerCommands(CLI::App& app, Invocation& inv);
void addCheckoutCommands(CLI::App& app, Invocation& inv);  // sale, void, refund, receipt, arrears
void addCatalogCommands(CLI::App& app, Invocation& inv);
void addDayCommands(CLI::App& app, Invocation& inv);       // day open|close, report z|staff
void addAppointmentCommands(CLI::App& app, Invocation& inv);
void addCareCommands(CLI::App& app, Invocation& inv);
void addChangeCommands(CLI::App& app, Invocation& inv);     // changes ..., customers review|correct (after customers)
void addRecordingCommands(CLI::App& app, Invocation& inv);  // service ..., report compliance (after report)
void addCaseCommands(CLI::App& app, Invocation& inv);       // complaints ..., disputes ...
void addAccessCommands(CLI::App& app, Invocation& inv);     // queries ..., loans ...
void addSelfServiceCommands(CLI::App& app, Invocation& inv);  // customers mine|statement (after customers)
void addReviewCommands(CLI::App& app, Invocation& inv);       // review weekly ...
void addReconcileCommands(CLI::App& app, Invocation& inv);    // reconcile ...
void addSyncCommands(CLI::App& app, Invocation& inv);
void addChainKeyCommand(CLI::App* sync, Invocation& inv);     // sync chain-key (issue 18)         // sync enrol|now|status|verify|resume|backup|backups
void addReportCommands(CLI::App& app, Invocation& inv);       // report sales|staff|customers|liabilities (after report)
void addCardKeyCommands(CLI::App& app, Invocation& inv);      // members rotate-card-key (after customers' members group)

}  // namespace salon::cli
