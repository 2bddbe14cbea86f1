#pragma once
// The demo salon's database in a scratch folder with the day opened by the
// cashier: where the CLI tests of selling start. `env` goes before every
// command (e.g. "SALON_LANG=en"), after the PIN.
#include <catch2/catch.hpp>

#include <string>

#include "support/run_command.h"
#include "support/temp_dir.h"

namespace salon::test {

struct DemoShop {
  TempDir dir;
  std::string db = dir.file("salon.db");
  std::string env;

  explicit DemoShop(std::string environment = "") : env(std::move(environment)) {
    REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
    REQUIRE(kiosk("day open --staff cash --float 20000", "3456").exitCode == 0);
  }
  CommandResult kiosk(const std::string& args, const std::string& pin, const std::string& extra = "") {
    return runKiosk(args + " --db " + db, dir.path().string(), "SALON_PIN=" + pin + " " + env + " " + extra);
  }
};

}  // namespace salon::test
