// The composition root: the one file that sees every module. It wires the system
// clock, the database, the devices and the window, then hands control to either
// a CLI subcommand or the kiosk.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>

#include "app/cli/cli.h"
#include "app/cli/demo_salon.h"
#include "assets/assets.h"

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
};

int runKiosk(const KioskOptions& opt, const salon::Clock& clock) {
  auto db = salon::cli::openDatabase(opt.db, salon::storage::OpenMode::Create);
  if (opt.demo) salon::cli::seedDemoSalon(*db, clock, salon::cli::pinCostFromEnvironment());
  std::cout << "database: " << opt.db << " (schema " << db->schemaVersion() << ")\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  SystemClock clock;
  salon::Catalog catalog = salon::assets::catalog(salon::assets::languageFromEnvironment());
  CLI::App app{"Salon Kiosk: the counter of a beauty salon or pet-grooming shop"};
  KioskOptions kiosk;
  app.add_option("--db", kiosk.db, "The store's database (default: in the user's data directory)");
  app.add_flag("--demo", kiosk.demo, "Seed the demo salon on first run");
  salon::cli::Invocation invocation;
  invocation.clock = &clock;
  salon::cli::addCommands(app, invocation);
  CLI11_PARSE(app, argc, argv);
  if (invocation.run) return salon::cli::runInvocation(invocation, catalog);
  if (kiosk.db.empty()) kiosk.db = salon::cli::defaultDbPath();
  salon::cli::Invocation run{[&] { return runKiosk(kiosk, clock); }, &clock};
  return salon::cli::runInvocation(run, catalog);
}
