// The composition root: the one file that sees every module. It wires the system
// clock, the database, the devices and the window, then hands control to either
// a CLI subcommand or the kiosk.
#include <CLI/CLI.hpp>

#include <malloc.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>

#include "app/cli/cli.h"
#include "storage/demo/demo_salon.h"
#include "storage/demo/demo_care.h"
#include "storage/demo/demo_checkout.h"
#include "storage/demo/demo_customers.h"
#include "storage/demo/demo_showcase.h"
#include "app/kiosk/kiosk_window.h"
#include "app/kiosk/recovery_window.h"
#include "storage/store_rescue.h"
#include "assets/assets.h"
#include "storage/settings_store.h"

namespace {

class SystemClock : public salon::Clock {
 public:
  salon::Instant now() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

struct KioskOptions {
  std::string db;
  bool demo = false;
  std::string platform = "sdl";
  salon::kiosk::KioskWindowOptions window;
};

// The language: SALON_LANG if set, else the store's setting, else zh-Hans.
std::string kioskLanguage(salon::storage::Database& db) {
  if (std::getenv("SALON_LANG")) return salon::assets::languageFromEnvironment();
  return salon::storage::readSetting(db.sql(), "language").value_or("zh-Hans");
}

int autoLockMinutes(salon::storage::Database& db) {
  auto v = salon::storage::readSetting(db.sql(), "kiosk.auto_lock_minutes");
  return v ? std::max(1, std::atoi(v->c_str())) : 5;
}

// The store's database, or what is wrong with it (the recovery screen's cases).
std::unique_ptr<salon::storage::Database> openStore(const std::string& path,
                                                   std::optional<salon::StoreProblem>& problem) {
  try {
    auto db = salon::cli::openDatabase(path, salon::storage::OpenMode::Create, /*autoCheckpoint=*/false);
    salon::storage::probeStore(*db);
    return db;
  } catch (const salon::DomainError& e) {
    if (!salon::isStoreProblem(e.code())) throw;
    problem = salon::StoreProblem{e.code(), e.detail()};
    return nullptr;
  }
}

// A database the window cannot use opens the recovery screen (never a black
// screen and a line on stderr): until it can be used (retry, a restored backup)
// or the window closes.
std::unique_ptr<salon::storage::Database> openStoreOrRecover(const KioskOptions& opt, const salon::Clock& clock,
                                                            int& exitCode) {
  for (;;) {
    std::optional<salon::StoreProblem> problem;
    if (auto db = openStore(opt.db, problem)) return db;
    if (opt.window.bench) throw salon::DomainError(problem->code, problem->detail);
    salon::storage::FileStoreRescue rescue(opt.db, clock);
    salon::kiosk::KioskWindowOptions window = opt.window;
    window.language = std::getenv("SALON_LANG") ? salon::assets::languageFromEnvironment()
                                                : salon::storage::storeLanguageOf(opt.db).value_or("zh-Hans");
    salon::kiosk::RecoveryOutcome r = salon::kiosk::runRecoveryWindow(rescue, *problem, clock, window);
    if (!r.usable) {
      exitCode = r.exitCode;
      return nullptr;
    }
  }
}

int runKiosk(KioskOptions opt, const salon::Clock& clock) {
  int exitCode = 0;
  auto db = openStoreOrRecover(opt, clock, exitCode);
  if (!db) return exitCode;
  if (opt.demo) {
    salon::demo::seedDemoSalon(*db, clock, salon::demo::pinCostFromEnvironment());
    // First run: the showcase customers, a few hundred more, the catalog and a
    // little history, all through their own modules.
    if (salon::demo::seedShowcaseCustomers(*db, clock) > 0) {
      salon::demo::seedDemoCustomers(*db, clock, 200, 1);
      salon::demo::seedDemoCheckout(*db, clock, 300, 1);
      salon::demo::seedDemoCare(*db, clock);
    }
  }
  if (opt.window.bench && opt.window.benchCustomers > 0) {
    salon::demo::seedDemoCustomers(*db, clock, opt.window.benchCustomers, 2);
    // The benchmark's own seeding is not start-up: its time does not count, its
    // freed memory goes back, and the peak (VmHWM) starts afresh from here.
    opt.window.started = std::chrono::steady_clock::now();
    ::malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
  }
  opt.window.backend = salon::platform::backendFromName(opt.platform);
  opt.window.language = kioskLanguage(*db);
  salon::storage::rememberStoreLanguage(opt.db, salon::storage::readSetting(db->sql(), "language").value_or("zh-Hans"));
  opt.window.autoLockMinutes = autoLockMinutes(*db);
  return salon::kiosk::runKioskWindow(*db, clock, opt.window);
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  // A fixed threshold: blocks of 256 KiB and more (a report's rows, a sorter's
  // buffers) are mapped on their own and go back to the system when freed. glibc's
  // default raises the threshold after each such free, so the next ones come from
  // the heap of the worker that made them and stay resident for the kiosk's life
  // (a year's reports left 33 MB behind; with this, 14 MB).
  ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  SystemClock clock;
  salon::Catalog catalog = salon::assets::catalog(salon::assets::languageFromEnvironment());
  CLI::App app{"Salon Kiosk: the counter of a beauty salon or pet-grooming shop"};
  KioskOptions kiosk;
  kiosk.window.started = started;
  app.add_option("--db", kiosk.db, "The store's database (default: in the user's data directory)");
  app.add_flag("--demo", kiosk.demo, "Seed the demo salon on first run");
  app.add_option("--platform", kiosk.platform, "Window system: sdl (default) or glfw")
      ->check(CLI::IsMember({"sdl", "glfw"}));
  app.add_flag("--fullscreen", kiosk.window.fullscreen, "Fill the screen (the kiosk)");
  app.add_option("--width", kiosk.window.width, "Window width in pixels (default 1024)")->check(CLI::Range(640, 7680));
  app.add_option("--height", kiosk.window.height, "Window height in pixels (default 768)")->check(CLI::Range(480, 4320));
  app.add_option("--script", kiosk.window.script, "Run a scripted session (tests/e2e/*.script), then exit");
  app.add_option("--shots", kiosk.window.shotsDir, "Where a script's `shot` steps save PNGs");
  app.add_flag("--bench", kiosk.window.bench, "Print the UI figures (first frame, frame CPU, idle CPU, memory) and exit");
  app.add_option("--bench-idle-seconds", kiosk.window.benchIdleSeconds, "Idle measurement length for --bench")
      ->check(CLI::Range(1, 600));
  app.add_option("--bench-customers", kiosk.window.benchCustomers,
                 "For --bench: first add this many generated customers to --db (a throwaway database)")
      ->check(CLI::Range(0, 10'000'000));
  salon::cli::Invocation invocation;
  invocation.clock = &clock;
  salon::cli::addCommands(app, invocation);
  CLI11_PARSE(app, argc, argv);
  if (invocation.run) return salon::cli::runInvocation(invocation, catalog);
  if (kiosk.db.empty()) kiosk.db = salon::cli::defaultDbPath();
  salon::cli::Invocation run{[&] { return runKiosk(kiosk, clock); }, &clock};
  return salon::cli::runInvocation(run, catalog);
}
