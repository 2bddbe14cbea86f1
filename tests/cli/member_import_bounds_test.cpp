// Moving in, bounded: an import file is streamed (never held whole), refused
// before it is read when too large, a row over the bound is a bad row, a device
// of endless zeros ends at once, progress is shown, and the write reads the file
// it checked.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::kMemoryLimit;
using salon::test::runShell;
using salon::test::TempDir;

namespace {

struct Store {
  TempDir dir;
  std::string db = dir.file("salon.db");
  Store() { REQUIRE(runKiosk("demo-data --db " + db, scratch()).exitCode == 0); }
  std::string scratch() const { return dir.path().string(); }
  salon::test::CommandResult run(const std::string& args, const std::string& pin = "1234") {
    return runKiosk(args + " --db " + db, scratch(), "SALON_PIN=" + pin);
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getInt64();
  }
  std::string write(const std::string& name, const std::string& bytes) {
    std::string f = dir.file(name);
    std::ofstream(f, std::ios::binary) << bytes;
    return f;
  }
};

}  // namespace

TEST_CASE("an import file over the size limit is refused before it is read") {
  Store s;
  std::string big = s.dir.file("huge.csv");
  { std::ofstream(big) << "姓名,手机\n"; }
  std::filesystem::resize_file(big, (128ull << 20) + 1);  // sparse: nothing to read anyway
  auto r = s.run("customers import " + big + " --staff mgr --dry-run");
  CHECK(r.exitCode != 0);
  CHECK(r.err.find("import_too_large") != std::string::npos);
  auto pkg = s.run("members import-packages " + big + " --staff mgr --dry-run");
  CHECK(pkg.err.find("import_too_large") != std::string::npos);
}

TEST_CASE("customers import /dev/zero ends at once with a clear error, in little memory") {
  Store s;
  auto t0 = std::chrono::steady_clock::now();
  auto r = runShell(kMemoryLimit + "SALON_PIN=1234 " + std::string(SALON_KIOSK_BIN) +
                        " customers import /dev/zero --staff mgr --db " + s.db,
                    s.scratch());
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  CHECK(r.exitCode != 0);
  CHECK(r.err.find("encoding_unknown") != std::string::npos);
  auto stdinZero = runShell("head -c 1000000 /dev/zero | SALON_PIN=1234 " + std::string(SALON_KIOSK_BIN) +
                                " customers import - --staff mgr --db " + s.db,
                            s.scratch());
  CHECK(stdinZero.err.find("encoding_unknown") != std::string::npos);
}

TEST_CASE("a row longer than the bound is a bad row, the others are read, progress on request") {
  Store s;
  std::string csv = "姓名,手机号,备注\n王小美,13800138000,\n李长,13900139000," + std::string(70000, 'x') +
                    "\n赵一,13700137000,\"" + std::string(70000, 'y') + "\n还有\"\n陈二,13600136000,\n";
  std::string file = s.write("long.csv", csv);
  auto r = s.run("customers import " + file + " --staff sup --json --skip-bad --progress", "2345");
  REQUIRE(r.exitCode == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["good"] == 2);
  CHECK(j["imported"] == 2);
  REQUIRE(j["bad"].size() == 2);
  CHECK(j["bad"][0]["message"] == file + ":3: row_too_long: over 64 KiB");
  CHECK(j["bad"][1]["line"] == 4);
  CHECK(r.err.find("check 100%") != std::string::npos);
  CHECK(r.err.find("write 100%") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM customers") == 2);
}

TEST_CASE("members from stdin: read once into a temporary file, checked, then written") {
  Store s;
  std::string file = s.write("m.csv", "会员卡号,姓名,手机号,储值余额\n000777,王小美,13800138000,\"1,280.50\"\n");
  auto r = runShell("SALON_PIN=1234 " + std::string(SALON_KIOSK_BIN) + " customers import - --json --staff mgr --db " +
                        s.db + " < " + file,
                    s.scratch());
  REQUIRE(r.exitCode == 0);
  CHECK(nlohmann::json::parse(r.out)["totals"]["stored_value"] == 128050);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE member_no = '000777'") == 1);
}
