// backup / restore / backup-password run as a salon owner would: the real binary.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::readWhole;
using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

const std::string kEnv = "SALON_BACKUP_COST=min SALON_LANG=en SALON_BACKUP_PASSWORD='open sesame 42'";

std::string seededDb(const TempDir& dir, const std::string& name = "salon.db") {
  std::string db = dir.file(name);
  auto r = runKiosk("demo-data --db " + db, dir.path().string());
  REQUIRE(r.exitCode == 0);
  return db;
}

int count(const std::string& db, const std::string& sql) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getInt();
}

std::set<std::string> namesIn(const std::filesystem::path& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("backup then restore on a fresh machine gives the same store, audited on both sides") {
  TempDir dir;
  std::string db = seededDb(dir);
  std::string file = dir.file("monday.skbak");
  auto b = runKiosk("backup --db " + db + " --to " + file + " --staff mgr", dir.path().string(),
                    kEnv + " SALON_PIN=1234");
  REQUIRE(b.exitCode == 0);
  CHECK(b.out.find("chain head: ") != std::string::npos);
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::mask) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'data.backup' AND staff = 'mgr'") == 1);

  // A fresh machine: not even the data folder exists yet.
  std::string target = dir.file("new-box/data/salon.db");
  auto r = runKiosk("restore --from " + file + " --db " + target + " --staff admin", dir.path().string(),
                    kEnv + " SALON_PIN=9999");
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  CHECK(namesIn(dir.file("new-box/data")) == std::set<std::string>{"salon.db", "salon.db.card.key"});
  CHECK((std::filesystem::status(dir.file("new-box/data")).permissions() & std::filesystem::perms::mask) ==
        std::filesystem::perms::owner_all);
  CHECK((std::filesystem::status(target).permissions() & std::filesystem::perms::mask) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK(count(target, "SELECT count(*) FROM staff") == 6);
  CHECK(count(target, "SELECT count(*) FROM audit_log WHERE action = 'data.restore' AND staff = 'admin'") == 1);
  CHECK(count(target, "SELECT count(*) FROM outbox WHERE type = 'data.restored'") == 1);
  auto v = runKiosk("verify --db " + target, dir.path().string());
  CHECK(v.exitCode == 0);
  CHECK(v.out.find("OK") != std::string::npos);
}

TEST_CASE("restore refuses an existing database without --force and leaves it byte-identical") {
  TempDir dir;
  std::string db = seededDb(dir);
  std::string file = dir.file("b.skbak");
  REQUIRE(runKiosk("backup --db " + db + " --to " + file + " --staff admin", dir.path().string(),
                   kEnv + " SALON_PIN=9999").exitCode == 0);
  // The live store moves on after the backup.
  REQUIRE(runKiosk("staff add --db " + db + " --staff admin --code new --name N --role cashier", dir.path().string(),
                   "SALON_PIN=9999 SALON_NEW_PIN=1111").exitCode == 0);
  const std::string before = readWhole(db);
  auto r = runKiosk("restore --from " + file + " --db " + db + " --staff admin", dir.path().string(),
                    kEnv + " SALON_PIN=9999");
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("[restore_target_exists]") != std::string::npos);
  CHECK(r.err.find("--force") != std::string::npos);
  CHECK(readWhole(db) == before);

  auto f = runKiosk("restore --from " + file + " --db " + db + " --force --staff admin", dir.path().string(),
                    kEnv + " SALON_PIN=9999");
  INFO(f.err);
  REQUIRE(f.exitCode == 0);
  CHECK(count(db, "SELECT count(*) FROM staff WHERE code = 'new'") == 0);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'data.restore'") == 1);
  CHECK(runKiosk("verify --db " + db, dir.path().string()).exitCode == 0);
}

TEST_CASE("only an admin may restore, and only supervisor and up may back up") {
  TempDir dir;
  std::string db = seededDb(dir);
  std::string file = dir.file("b.skbak");
  auto cash = runKiosk("backup --db " + db + " --to " + file + " --staff cash", dir.path().string(),
                       kEnv + " SALON_PIN=3456");
  CHECK(cash.exitCode == 2);
  CHECK(cash.err.find("[permission_denied]") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(file));
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'cash'") == 1);

  REQUIRE(runKiosk("backup --db " + db + " --to " + file + " --staff sup", dir.path().string(),
                   kEnv + " SALON_PIN=2345").exitCode == 0);
  std::filesystem::create_directory(dir.file("t"));
  auto mgr = runKiosk("restore --from " + file + " --db " + dir.file("t/salon.db") + " --staff mgr",
                      dir.path().string(), kEnv + " SALON_PIN=1234");
  CHECK(mgr.exitCode == 2);
  CHECK(mgr.err.find("[permission_denied]") != std::string::npos);
  CHECK(namesIn(dir.file("t")).empty());

  // On the live store, the refused attempt is recorded and the store left as it was.
  const std::string before = readWhole(db);
  auto forced = runKiosk("restore --from " + file + " --db " + db + " --force --staff mgr", dir.path().string(),
                         kEnv + " SALON_PIN=1234");
  CHECK(forced.exitCode == 2);
  CHECK(forced.err.find("[permission_denied]") != std::string::npos);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'mgr'"
                  " AND reason = 'data.restore'") == 1);
  CHECK(count(db, "SELECT count(*) FROM staff") == 6);
}

TEST_CASE("the CLI refuses a wrong or missing password and a damaged file with clear errors") {
  TempDir dir;
  std::string db = seededDb(dir);
  std::string file = dir.file("b.skbak");
  auto none = runKiosk("backup --db " + db + " --to " + file + " --staff admin", dir.path().string(),
                       "SALON_BACKUP_COST=min SALON_LANG=en SALON_PIN=9999");
  CHECK(none.exitCode == 2);
  CHECK(none.err.find("[backup_password_missing]") != std::string::npos);
  std::ofstream(dir.file("a-file")) << "x";
  auto nowhere = runKiosk("backup --db " + db + " --to " + dir.file("a-file/b.skbak") + " --staff admin",
                          dir.path().string(), kEnv + " SALON_PIN=9999");
  CHECK(nowhere.exitCode == 2);
  CHECK(nowhere.err.find("[backup_write_failed]") != std::string::npos);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'data.backup' AND outcome = 'failed'") == 1);
  REQUIRE(runKiosk("backup --db " + db + " --to " + file + " --staff admin", dir.path().string(),
                   kEnv + " SALON_PIN=9999").exitCode == 0);
  std::filesystem::create_directory(dir.file("t"));
  std::string target = dir.file("t/salon.db");
  auto wrong = runKiosk("restore --from " + file + " --db " + target + " --staff admin", dir.path().string(),
                        "SALON_BACKUP_COST=min SALON_LANG=en SALON_PIN=9999 SALON_BACKUP_PASSWORD='open sesame 43'");
  CHECK(wrong.exitCode == 2);
  CHECK(wrong.err.find("[backup_wrong_password]") != std::string::npos);
  CHECK(wrong.err.find("Wrong backup password") != std::string::npos);

  std::string bytes = readWhole(file);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
  std::ofstream(dir.file("bad.skbak"), std::ios::binary) << bytes;
  auto bad = runKiosk("restore --from " + dir.file("bad.skbak") + " --db " + target + " --staff admin",
                      dir.path().string(), kEnv + " SALON_PIN=9999");
  CHECK(bad.exitCode == 2);
  CHECK(bad.err.find("[backup_bad_file]") != std::string::npos);
  CHECK(namesIn(dir.file("t")).empty());

  // In Chinese by default.
  auto zh = runKiosk("restore --from " + db + " --db " + target + " --staff admin", dir.path().string(),
                     "SALON_BACKUP_COST=min SALON_PIN=9999 SALON_BACKUP_PASSWORD='open sesame 42'");
  CHECK(zh.err.find("这不是一个有效的收银台备份文件") != std::string::npos);
}

TEST_CASE("backup-password saves the kiosk's password beside the database, backup and restore then use it") {
  TempDir dir;
  std::string db = seededDb(dir);
  auto cashier = runKiosk("backup-password --db " + db + " --staff cash", dir.path().string(),
                          kEnv + " SALON_PIN=3456");
  CHECK(cashier.exitCode == 2);
  CHECK_FALSE(std::filesystem::exists(dir.file("backup.key")));
  auto weak = runKiosk("backup-password --db " + db + " --staff admin", dir.path().string(),
                       "SALON_LANG=en SALON_PIN=9999 SALON_BACKUP_PASSWORD=short");
  CHECK(weak.err.find("[backup_password_weak]") != std::string::npos);
  auto set = runKiosk("backup-password --db " + db + " --staff admin", dir.path().string(), kEnv + " SALON_PIN=9999");
  REQUIRE(set.exitCode == 0);
  CHECK((std::filesystem::status(dir.file("backup.key")).permissions() & std::filesystem::perms::mask) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'settings.backup_password'") == 1);
  // Not in the database: a backup must not carry its own password.
  CHECK(readWhole(db).find("open sesame 42") == std::string::npos);

  std::string file = dir.file("b.skbak");
  REQUIRE(runKiosk("backup --db " + db + " --to " + file + " --staff admin", dir.path().string(),
                   "SALON_BACKUP_COST=min SALON_PIN=9999").exitCode == 0);
  auto r = runKiosk("restore --from " + file + " --db " + dir.file("copy.db") + " --staff admin", dir.path().string(),
                    "SALON_BACKUP_COST=min SALON_PIN=9999 SALON_BACKUP_PASSWORD='open sesame 42'");
  CHECK(r.exitCode == 0);
}
