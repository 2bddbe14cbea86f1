// WAL checkpoints and the quick check, each on its own thread and connection.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "storage/database.h"
#include "storage/backup_password.h"
#include "storage/maintenance.h"
#include "storage/upkeep.h"
#include "storage/settings_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

template <class Pred>
bool waitUntil(Pred pred, std::chrono::seconds limit = std::chrono::seconds(20)) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return pred();
}

struct Outcome {
  std::mutex m;
  std::condition_variable cv;
  std::vector<QuickCheckResult> results;
  BackgroundQuickCheck::Listener listener() {
    return [this](const QuickCheckResult& r) {
      std::lock_guard<std::mutex> lock(m);
      results.push_back(r);
      cv.notify_all();
    };
  }
  QuickCheckResult wait() {
    std::unique_lock<std::mutex> lock(m);
    REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return !results.empty(); }));
    return results.front();
  }
};

void fill(Database& db, int rows) {
  db.write([&](SQLite::Database& s) {
    for (int i = 0; i < rows; ++i) writeSetting(s, "row." + std::to_string(i), std::string(1000, 'a' + i % 26));
  });
}

}  // namespace

TEST_CASE("the Checkpointer moves the kiosk's WAL into the database file off its thread") {
  TempDir dir;
  std::string path = dir.file("salon.db");
  auto kiosk = Database::open(path, {OpenMode::Create, false});
  fill(*kiosk, 2000);
  // With automatic checkpoints off, the 2 MB stay in the WAL.
  CHECK(std::filesystem::file_size(path) < 500000);
  CHECK(std::filesystem::file_size(path + "-wal") > 2000000);
  {
    Checkpointer checkpointer(path, std::chrono::milliseconds(10));
    CHECK(waitUntil([&] { return std::filesystem::file_size(path) > 2000000; }));
    CHECK(waitUntil([&] { return checkpointer.checkpoints() > 0; }));
  }
  // The kiosk's connection is unaffected and still reads everything.
  CHECK(kiosk->sql().execAndGet("SELECT count(*) FROM store_settings WHERE key LIKE 'row.%'").getInt() == 2000);
  CHECK(kiosk->quickCheck() == "ok");
}

TEST_CASE("the Checkpointer stops promptly even with a long interval") {
  TempDir dir;
  std::string path = dir.file("salon.db");
  auto kiosk = Database::open(path);
  auto start = std::chrono::steady_clock::now();
  { Checkpointer checkpointer(path, std::chrono::hours(1)); }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("the background quick check reports ok on a sound database") {
  TempDir dir;
  std::string path = dir.file("salon.db");
  auto kiosk = Database::open(path);
  fill(*kiosk, 100);
  Outcome outcome;
  BackgroundQuickCheck check(path, outcome.listener());
  QuickCheckResult r = outcome.wait();
  CHECK(r.ok);
  CHECK(r.text == "ok");
}

TEST_CASE("the background quick check reports a damaged database instead of ignoring it") {
  TempDir dir;
  std::string path = dir.file("salon.db");
  {
    auto db = Database::open(path);
    fill(*db, 3000);
    db->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  auto size = std::filesystem::file_size(path);
  REQUIRE(size > 1000000);
  {
    // Scribble over pages in the middle of the settings table.
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    std::string junk(40000, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  Outcome outcome;
  BackgroundQuickCheck check(path, outcome.listener());
  QuickCheckResult r = outcome.wait();
  CHECK_FALSE(r.ok);
  CHECK(r.text != "ok");
  CHECK_FALSE(r.text.empty());
}

TEST_CASE("a quick check that cannot open the database reports why") {
  TempDir dir;
  Outcome outcome;
  BackgroundQuickCheck check(dir.file("missing.db"), outcome.listener());
  QuickCheckResult r = outcome.wait();
  CHECK_FALSE(r.ok);
  CHECK(r.text.find("db_missing") != std::string::npos);
}

TEST_CASE("the kiosk's upkeep checkpoints, checks and backs up on its own threads, and stops cleanly") {
  TempDir dir;
  std::string path = dir.file("salon.db");
  auto kiosk = Database::open(path, {OpenMode::Create, false});
  saveBackupPassword(dir.path().string(), "upkeep password");
  std::mutex m;
  std::condition_variable cv;
  std::vector<QuickCheckResult> checks;
  std::vector<AutoBackupReport> backups;
  UpkeepEvents events;
  events.quickCheck = [&](const QuickCheckResult& r) {
    std::lock_guard<std::mutex> lock(m);
    checks.push_back(r);
    cv.notify_all();
  };
  events.backup = [&](const AutoBackupReport& r) {
    std::lock_guard<std::mutex> lock(m);
    backups.push_back(r);
    cv.notify_all();
  };
  ManualClock clock(startOfLocalDay({2026, 11, 22}, StoreZone{}) + 10 * kHour);
  {
    StoreUpkeep upkeep(*kiosk, dir.path().string(), clock, events, BackupCost::minimum(),
                       std::chrono::milliseconds(10));
    fill(*kiosk, 2000);
    upkeep.startQuickCheck();
    std::unique_lock<std::mutex> lock(m);
    REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return !checks.empty() && !backups.empty(); }));
    lock.unlock();
    CHECK(waitUntil([&] { return std::filesystem::file_size(path) > 2000000; }));
    CHECK(upkeep.backups().backups() == std::vector<std::string>{"salon-20261122-100000.skbak"});
  }
  CHECK(checks.size() == 1);
  CHECK(checks[0].ok);
  REQUIRE(backups.size() == 1);
  CHECK(backups[0].ok);
}
