// Rotating automatic backups, driven by a manual clock (no sleeping), and the
// backup password file.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/auto_backup.h"
#include "storage/backup.h"
#include "storage/backup_password.h"
#include "storage/settings_store.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

const std::string kPassword = "salon backup 2026";
// 2026-11-22 09:00:00 in the store's zone (+08:00).
const Instant kMorning = startOfLocalDay({2026, 11, 22}, StoreZone{}) + 9 * kHour;

struct Reports {
  std::vector<AutoBackupReport> all;
  AutoBackup::Listener listener() {
    return [this](const AutoBackupReport& r) { all.push_back(r); };
  }
};

AutoBackupSettings settingsFor(const TempDir& dir, int keep = 3) {
  AutoBackupSettings s;
  s.dbPath = dir.file("salon.db");
  s.dataDir = dir.path().string();
  s.every = 4 * kHour;
  s.keep = keep;
  s.retryAfterFailure = 15 * kMinute;
  s.cost = BackupCost::minimum();
  return s;
}

void makeStore(const TempDir& dir) {
  auto db = Database::open(dir.file("salon.db"));
  db->write([](SQLite::Database& s) {
    writeSetting(s, "store.name", "悦容");
    appendAudit(s, auditOf(1, "", "store.seed_demo", "store", "S01"));
  });
}

std::filesystem::perms modeOf(const std::string& path) {
  return std::filesystem::status(path).permissions() & std::filesystem::perms::mask;
}

}  // namespace

TEST_CASE("automatic backup file names carry the store's local time and nothing else matches") {
  StoreZone zone;
  CHECK(autoBackupFileName(kMorning + 5 * kMinute + 3 * kSecond, zone) == "salon-20261122-090503.skbak");
  CHECK(autoBackupTime("salon-20261122-090503.skbak", zone) == kMorning + 5 * kMinute + 3 * kSecond);
  for (const char* other : {"salon-20261122-090503.skbak.bak", "salon-20261322-090503.skbak", "my-backup.skbak",
                            "salon-20261122-250503.skbak", "salon-2026112x-090503.skbak"})
    CHECK_FALSE(autoBackupTime(other, zone));
}

TEST_CASE("automatic backups run when due, keep exactly the newest K, and are audited") {
  TempDir dir;
  makeStore(dir);
  saveBackupPassword(dir.path().string(), kPassword);
  Reports reports;
  ManualClock clock(kMorning);
  AutoBackup autoBackup(settingsFor(dir, 3), clock, reports.listener());
  // A file of the owner's in the folder is never rotated away; the folder (made
  // here 0755) is made private.
  std::filesystem::create_directories(dir.file("backups"));
  std::ofstream(dir.file("backups/keep-me.skbak")) << "mine";

  // What a run killed half-way would have left: removed by the next run.
  std::ofstream(dir.file("backups/.salon-20261121-090000.skbak.plain-AbC123")) << "SQLite format 3";
  CHECK(autoBackup.runDue(kMorning));  // none yet: due at once
  CHECK_FALSE(std::filesystem::exists(dir.file("backups/.salon-20261121-090000.skbak.plain-AbC123")));
  CHECK_FALSE(autoBackup.runDue(kMorning + kHour));
  CHECK_FALSE(autoBackup.runDue(kMorning + 4 * kHour - 1));
  for (int i = 1; i <= 4; ++i) CHECK(autoBackup.runDue(kMorning + i * 4 * kHour));
  REQUIRE(reports.all.size() == 5);
  for (const auto& r : reports.all) CHECK(r.ok);
  CHECK(reports.all[3].removed == std::vector<std::string>{"salon-20261122-090000.skbak"});

  CHECK(autoBackup.backups() ==
        std::vector<std::string>{"salon-20261123-010000.skbak", "salon-20261122-210000.skbak",
                                 "salon-20261122-170000.skbak"});
  CHECK(std::filesystem::exists(dir.file("backups/keep-me.skbak")));
  CHECK(modeOf(dir.file("backups")) == std::filesystem::perms::owner_all);
  std::string newest = dir.file("backups/salon-20261123-010000.skbak");
  CHECK(modeOf(newest) == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

  // Each one restores, and the store's audit log says each was taken.
  RestoreCandidate c(newest, dir.file("restored.db"), kPassword);
  CHECK(c.check().chain.ok);
  auto db = Database::open(dir.file("salon.db"), {OpenMode::Existing});
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'data.backup'").getInt() == 5);
  CHECK(verifyAuditChain(db->sql()).ok);
}

TEST_CASE("after a restart the schedule carries on from the newest backup on disk") {
  TempDir dir;
  makeStore(dir);
  saveBackupPassword(dir.path().string(), kPassword);
  Reports reports;
  ManualClock clock(kMorning);
  {
    AutoBackup first(settingsFor(dir), clock, reports.listener());
    CHECK(first.runDue(kMorning));
  }
  AutoBackup second(settingsFor(dir), clock, reports.listener());
  CHECK_FALSE(second.runDue(kMorning + kHour));
  CHECK(second.nextDue() == kMorning + 4 * kHour);
  CHECK(second.runDue(kMorning + 4 * kHour));
}

TEST_CASE("a failed automatic backup is reported, retried sooner, and never rotates good backups away") {
  TempDir dir;
  makeStore(dir);
  Reports reports;
  ManualClock clock(kMorning);
  AutoBackup autoBackup(settingsFor(dir, 1), clock, reports.listener());

  // No password set yet.
  CHECK(autoBackup.runDue(kMorning));
  REQUIRE(reports.all.size() == 1);
  CHECK_FALSE(reports.all[0].ok);
  CHECK(reports.all[0].errorCode == "backup_password_missing");
  CHECK(autoBackup.nextDue() == kMorning + 15 * kMinute);

  saveBackupPassword(dir.path().string(), kPassword);
  CHECK(autoBackup.runDue(kMorning + 15 * kMinute));
  REQUIRE(reports.all.size() == 2);
  CHECK(reports.all[1].ok);
  auto good = autoBackup.backups();
  REQUIRE(good.size() == 1);

  // The backups folder cannot be made: a regular file stands in its way (CI runs
  // as root, so permissions would prove nothing).
  std::filesystem::rename(dir.file("backups"), dir.file("moved"));
  std::ofstream(dir.file("backups")) << "not a folder";
  CHECK(autoBackup.runDue(kMorning + 15 * kMinute + 4 * kHour));
  REQUIRE(reports.all.size() == 3);
  CHECK_FALSE(reports.all[2].ok);
  CHECK(reports.all[2].errorCode == "backup_write_failed");
  std::filesystem::remove(dir.file("backups"));
  std::filesystem::rename(dir.file("moved"), dir.file("backups"));
  CHECK(autoBackup.backups() == good);

  // The store's database has gone: reported too.
  std::filesystem::rename(dir.file("salon.db"), dir.file("elsewhere.db"));
  CHECK(autoBackup.runDue(kMorning + 15 * kMinute + 5 * kHour));
  REQUIRE(reports.all.size() == 4);
  CHECK_FALSE(reports.all[3].ok);
  CHECK(reports.all[3].errorCode == "db_missing");
  CHECK(autoBackup.backups() == good);
}

TEST_CASE("the worker thread runs what is due and stops cleanly") {
  TempDir dir;
  makeStore(dir);
  saveBackupPassword(dir.path().string(), kPassword);
  std::mutex m;
  std::condition_variable cv;
  std::vector<AutoBackupReport> seen;
  ManualClock clock(kMorning);  // not moved while the thread runs
  AutoBackupSettings s = settingsFor(dir);
  s.tick = std::chrono::milliseconds(5);
  AutoBackup autoBackup(s, clock, [&](const AutoBackupReport& r) {
    std::lock_guard<std::mutex> lock(m);
    seen.push_back(r);
    cv.notify_all();
  });
  autoBackup.start();
  {
    std::unique_lock<std::mutex> lock(m);
    REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return !seen.empty(); }));
  }
  autoBackup.stop();
  CHECK(seen.size() == 1);  // the clock stood still: nothing more was due
  CHECK(seen[0].ok);
  CHECK(autoBackup.backups().size() == 1);
}

TEST_CASE("the backup password is kept in a 0600 file beside the database, not inside it") {
  TempDir dir;
  std::string data = dir.file("data");
  CHECK_FALSE(loadBackupPassword(data));
  saveBackupPassword(data, kPassword);
  CHECK(loadBackupPassword(data) == std::optional<std::string>(kPassword));
  CHECK(modeOf(backupKeyPath(data)) == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK(modeOf(data) == std::filesystem::perms::owner_all);
  saveBackupPassword(data, "another password");
  CHECK(loadBackupPassword(data) == std::optional<std::string>("another password"));
  CHECK(modeOf(backupKeyPath(data)) == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK(std::distance(std::filesystem::directory_iterator(data), std::filesystem::directory_iterator()) == 1);
  try {
    saveBackupPassword(data, "short");
    FAIL("a short password was accepted");
  } catch (const DomainError& e) {
    CHECK(e.code() == "backup_password_weak");
  }
  CHECK(loadBackupPassword(data) == std::optional<std::string>("another password"));
}

TEST_CASE("the schedule comes from the store's settings, within sane bounds") {
  TempDir dir;
  makeStore(dir);
  auto db = Database::open(dir.file("salon.db"), {OpenMode::Existing});
  AutoBackupSettings defaults = autoBackupSettingsFor(*db, dir.path().string());
  CHECK(defaults.every == 6 * kHour);
  CHECK(defaults.keep == 14);
  CHECK(defaults.zone.offsetMinutes == 480);
  CHECK(defaults.dbPath == dir.file("salon.db"));
  db->write([](SQLite::Database& s) {
    writeSetting(s, "backup.every_hours", "2");
    writeSetting(s, "backup.keep", "0");
    writeSetting(s, "store.zone_offset_minutes", "oops");
  });
  AutoBackupSettings set = autoBackupSettingsFor(*db, dir.path().string());
  CHECK(set.every == 2 * kHour);
  CHECK(set.keep == 1);
  CHECK(set.zone.offsetMinutes == 480);
}

TEST_CASE("backup.key holds the password sealed, never the password itself, an older plaintext file still reads") {
  TempDir dir;
  std::string data = dir.file("data");
  saveBackupPassword(data, kPassword);
  std::string onDisk = salon::test::readWhole(backupKeyPath(data));
  CHECK(onDisk.find(kPassword) == std::string::npos);
  CHECK(onDisk.rfind("SKKEY1:", 0) == 0);
  CHECK(loadBackupPassword(data) == std::optional<std::string>(kPassword));
  std::ofstream(backupKeyPath(data), std::ios::trunc) << "legacy password 1\n";
  CHECK(loadBackupPassword(data) == std::optional<std::string>("legacy password 1"));
}
