#include "app/cli/cli.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "storage/private_file.h"
#include "storage/staff_store.h"

namespace salon::cli {

void addCommands(CLI::App& app, Invocation& inv) {
  addVerifyCommand(app, inv);
  addStaffCommands(app, inv);
  addDemoDataCommand(app, inv);
  addBackupCommands(app, inv);
  addEscposCommands(app, inv);
  addPrintCommands(app, inv);
  addScanCommand(app, inv);
  addCustomerCommands(app, inv);
  addCheckoutCommands(app, inv);
  addCatalogCommands(app, inv);
  addDayCommands(app, inv);
  addAppointmentCommands(app, inv);
  addCareCommands(app, inv);
  addChangeCommands(app, inv);
  addRecordingCommands(app, inv);
  addCaseCommands(app, inv);
  addAccessCommands(app, inv);
  addSelfServiceCommands(app, inv);
  addReviewCommands(app, inv);
  addReconcileCommands(app, inv);
}

int runInvocation(const Invocation& inv, const Catalog& catalog) {
  try {
    return inv.run();
  } catch (const DomainError& e) {
    std::cerr << catalog.describe(e) << " [" << e.code() << "]\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << catalog.text("error.unknown") << ": " << e.what() << "\n";
    return 3;
  }
}

std::string defaultDataDir() {
  namespace fs = std::filesystem;
  fs::path dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    dir = fs::path(xdg) / "salon-kiosk";
  else if (const char* home = std::getenv("HOME"); home && *home)
    dir = fs::path(home) / ".local/share/salon-kiosk";
  else
    dir = "salon-kiosk-data";
  fs::create_directories(dir);
  ::chmod(dir.c_str(), 0700);
  return dir.string();
}

std::string defaultDbPath() { return defaultDataDir() + "/salon.db"; }

std::unique_ptr<storage::Database> openDatabase(const std::string& path, storage::OpenMode mode,
                                                bool autoCheckpoint) {
  bool fresh = mode == storage::OpenMode::Create && !std::filesystem::exists(path);
  storage::OpenOptions options;
  options.mode = mode;
  options.autoCheckpoint = autoCheckpoint;
  auto db = storage::Database::open(path, options);
  // Personal data: only the kiosk's own user may read the file.
  if (fresh) ::chmod(path.c_str(), 0600);
  if (mode != storage::OpenMode::ReadOnly && path != ":memory:") {
    // What a killed backup or restore left behind goes on the next start.
    std::string dir = storage::directoryOf(path);
    storage::removeStaleTemporaries(dir);
    storage::removeStaleTemporaries(dir + "/backups");
  }
  return db;
}

Staff actAs(storage::Database& db, const Clock& clock, const std::string& code) {
  const char* pin = std::getenv("SALON_PIN");
  if (!pin || !*pin) throw DomainError("pin_missing", code);
  storage::SqliteStaffStore store(db);
  return StaffAuth(store, clock).signIn(code, pin);
}

CLI::Option* addDbOption(CLI::App* sub, std::string& path) {
  return sub->add_option("--db", path, "The store's database file")->required();
}

}  // namespace salon::cli
