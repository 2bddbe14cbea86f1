#include "app/cli/cli.h"

#include <sys/stat.h>
#include <syslog.h>

#include <cstdint>
#include <cstdio>
#include <new>

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
  addSyncCommands(app, inv);
  addReportCommands(app, inv);
  addCardKeyCommands(app, inv);
}

namespace {

// A short code to read out to support: the first 6 hex digits of the detail's
// FNV-1a hash, so the same fault gives the same code.
std::string internalErrorCode(const std::string& detail) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : detail) h = (h ^ c) * 16777619u;
  char buf[16];
  std::snprintf(buf, sizeof buf, "E%06X", h & 0xFFFFFFu);
  return buf;
}

// The detail, with its code, to syslog (journald on the kiosk) for support.
void logInternalError(const std::string& code, const std::string& detail) {
  ::openlog("salon-kiosk", LOG_PID, LOG_USER);
  ::syslog(LOG_ERR, "internal error %s: %s", code.c_str(), detail.c_str());
  ::closelog();
}

}  // namespace

int runInvocation(const Invocation& inv, const Catalog& catalog) {
  try {
    return inv.run();
  } catch (const DomainError& e) {
    std::cerr << catalog.describe(e) << " [" << e.code() << "]\n";
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << catalog.text("error.out_of_memory") << " [out_of_memory]\n";
    return 3;
  } catch (const std::exception& e) {
    // The detail goes to the log (stderr's journal line and syslog for the
    // kiosk), never as the person's message: they get a code to read out.
    std::string code = internalErrorCode(e.what());
    logInternalError(code, e.what());
    std::cerr << catalog.text("error.internal") << " (" << code << ") [internal]\n";
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
  // Personal data: every file this process makes from here on (the database,
  // its -wal/-shm, exports, backups, keys) is the kiosk user's alone, whatever
  // umask it was started with.
  ::umask(077);
  // A new store in a folder that does not exist yet (`--db /media/data/salon.db`):
  // the folder is made, the kiosk user's alone.
  if (mode == storage::OpenMode::Create && path != ":memory:") {
    std::error_code ec;
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::exists(parent, ec)) std::filesystem::create_directories(parent, ec);
  }
  storage::OpenOptions options;
  options.mode = mode;
  options.autoCheckpoint = autoCheckpoint;
  auto db = storage::Database::open(path, options);
  // An existing file keeps no looser mode it had (SQLite gives -wal/-shm the
  // database's mode when it makes them, so they follow).
  if (path != ":memory:" && mode != storage::OpenMode::ReadOnly)
    for (const char* suffix : {"", "-wal", "-shm"}) ::chmod((path + suffix).c_str(), 0600);
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
