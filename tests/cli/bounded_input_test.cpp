// Oversized and endless input is refused quickly, in bounded memory, and stores nothing.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::kMemoryLimit;
using salon::test::runShell;
using salon::test::TempDir;

namespace {

int sales(const std::string& db) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT count(*) FROM sales").getInt();
}

}  // namespace

TEST_CASE("JSON on stdin or from an endless file is cut at 1 MiB under a 300 MB memory limit") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  int before = sales(db);
  const std::string bin = SALON_KIOSK_BIN;
  const std::string env = "SALON_LANG=en SALON_PIN=3456 ";
  // 300 MB of address space: the kiosk binary and its libraries fit, the input may not.
  auto big = runShell(kMemoryLimit + "head -c 2000000 /dev/zero | env " + env + bin + " sale --db " + db +
                          " --staff cash --json -",
                      dir.path().string());
  INFO(big.err);
  CHECK(big.exitCode == 2);
  CHECK(big.err.find("input_too_large") != std::string::npos);

  auto started = std::chrono::steady_clock::now();
  auto endless = runShell(kMemoryLimit + "env " + env + bin + " sale --db " + db + " --staff cash --json /dev/zero",
                          dir.path().string());
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
  INFO(endless.err);
  CHECK(endless.exitCode == 2);
  CHECK(endless.err.find("input_too_large") != std::string::npos);
  CHECK(seconds < 10);
  CHECK(sales(db) == before);
}
