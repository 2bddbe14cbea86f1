// The Foundation's subcommands, run as a newcomer would: the real binary.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

std::string seededDb(const TempDir& dir) {
  std::string db = dir.file("salon.db");
  auto r = runKiosk("demo-data --db " + db, dir.path().string());
  REQUIRE(r.exitCode == 0);
  return db;
}

void dropTriggersAndRun(const std::string& db, const std::string& sql) {
  SQLite::Database raw(db, SQLite::OPEN_READWRITE);
  raw.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  raw.exec(sql);
}

}  // namespace

TEST_CASE("demo-data seeds the demo salon's staff, and verify passes") {
  TempDir dir;
  std::string db = seededDb(dir);
  auto r = runKiosk("verify --db " + db, dir.path().string());
  CHECK(r.exitCode == 0);
  CHECK(r.out.find("OK") != std::string::npos);
  CHECK(r.out.find("chain head: ") != std::string::npos);
  CHECK((std::filesystem::status(db).permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);

  auto list = runKiosk("staff list --db " + db + " --staff admin --json", dir.path().string(), "SALON_PIN=9999");
  CHECK(list.exitCode == 0);
  for (const char* code : {"\"admin\"", "\"mgr\"", "\"sup\"", "\"cash\"", "\"beau\"", "\"fin\""})
    CHECK(list.out.find(code) != std::string::npos);
}

TEST_CASE("staff role: a manager gives a cashier another role - not their own, not the admin's") {
  TempDir dir;
  std::string db = seededDb(dir);
  const std::string cwd = dir.path().string();
  auto r = runKiosk("staff role --db " + db + " --staff mgr --code cash --role supervisor", cwd, "SALON_PIN=1234");
  CHECK(r.exitCode == 0);
  CHECK(r.out == "cash\tcashier -> supervisor\n");
  auto own = runKiosk("staff role --db " + db + " --staff mgr --code mgr --role cashier", cwd, "SALON_PIN=1234 SALON_LANG=en");
  CHECK(own.exitCode != 0);
  CHECK(own.err.find("settings_role_yourself") != std::string::npos);
  CHECK(own.err.find("You cannot change your own role") != std::string::npos);
  auto admin = runKiosk("staff role --db " + db + " --staff mgr --code cash --role admin", cwd, "SALON_PIN=1234");
  CHECK(admin.exitCode != 0);
  CHECK(admin.err.find("permission_denied") != std::string::npos);
  auto bad = runKiosk("staff role --db " + db + " --staff mgr --code cash --role boss", cwd, "SALON_PIN=1234");
  CHECK(bad.exitCode != 0);
  auto list = runKiosk("staff list --db " + db + " --staff admin", cwd, "SALON_PIN=9999");
  CHECK(list.out.find("cash\tsupervisor\t") != std::string::npos);
  CHECK(runKiosk("verify --db " + db, cwd).exitCode == 0);
}

TEST_CASE("verify catches each kind of tampering on a copy of the database") {
  TempDir dir;
  std::string db = seededDb(dir);
  // A few more entries so there is a middle to tamper with.
  for (int i = 0; i < 3; ++i)
    runKiosk("staff list --db " + db + " --staff admin", dir.path().string(), "SALON_PIN=9999");

  struct Case {
    const char* name;
    const char* sql;
    const char* expectSeq;
  } cases[] = {
      {"edited", "UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3", "entry 3"},
      {"removed", "DELETE FROM audit_log WHERE seq = 4", "entry 5"},
      {"inserted",
       "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 2; UPDATE audit_log SET seq = seq - 99 WHERE seq >= 102;"
       " INSERT INTO audit_log SELECT 2, 'forged', at, 'admin', action, record_type, record_id, sections,"
       " reason, outcome, prev_hash, hash FROM audit_log WHERE seq = 1",
       "entry 2"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string copy = dir.file(std::string(c.name) + ".db");
    std::filesystem::copy_file(db, copy);
    dropTriggersAndRun(copy, c.sql);
    auto r = runKiosk("verify --db " + copy, dir.path().string());
    CHECK(r.exitCode == 1);
    CHECK(r.err.find(std::string("BROKEN at audit ") + c.expectSeq) != std::string::npos);
  }
}

TEST_CASE("the CLI acts as a staff member: PIN checked, permission checked, refusal audited") {
  TempDir dir;
  std::string db = seededDb(dir);
  std::string scratch = dir.path().string();
  auto noPin = runKiosk("staff list --db " + db + " --staff admin", scratch);
  CHECK(noPin.exitCode == 2);
  CHECK(noPin.err.find("SALON_PIN") != std::string::npos);

  auto wrong = runKiosk("staff list --db " + db + " --staff admin", scratch, "SALON_PIN=1111");
  CHECK(wrong.exitCode == 2);
  CHECK(wrong.err.find("pin_wrong") != std::string::npos);
  CHECK(wrong.err.find("密码错误") != std::string::npos);

  auto english = runKiosk("staff list --db " + db + " --staff admin", scratch, "SALON_LANG=en SALON_PIN=1111");
  CHECK(english.err.find("Wrong PIN") != std::string::npos);

  auto cashier = runKiosk("staff add --db " + db + " --staff cash --code new --name 新人 --role cashier", scratch,
                          "SALON_PIN=3456 SALON_NEW_PIN=1111");
  CHECK(cashier.exitCode == 2);
  CHECK(cashier.err.find("permission_denied") != std::string::npos);

  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT count(*) FROM staff WHERE code = 'new'").getInt() == 0);
  CHECK(raw.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'cash'"
                       " AND reason = 'staff.manage'")
            .getInt() == 1);

  auto manager = runKiosk("staff add --db " + db + " --staff mgr --code new --name 新人 --role cashier", scratch,
                          "SALON_PIN=1234 SALON_NEW_PIN=1111");
  CHECK(manager.exitCode == 0);
  auto signIn = runKiosk("staff list --db " + db + " --staff new", scratch, "SALON_PIN=1111");
  CHECK(signIn.exitCode == 2);  // a cashier may not list staff, but the PIN was accepted
  CHECK(signIn.err.find("permission_denied") != std::string::npos);
}

TEST_CASE("a database from a newer kiosk is refused by the CLI with a clear message") {
  TempDir dir;
  std::string db = seededDb(dir);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 9999");
  }
  auto r = runKiosk("verify --db " + db, dir.path().string());
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("db_too_new") != std::string::npos);
  CHECK(r.err.find("更新版本") != std::string::npos);
}
