#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <fstream>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/settings_store.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

std::string errorCode(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "ok";
}

std::string fileBytes(const std::string& path) { return salon::test::readWhole(path); }

}  // namespace

TEST_CASE("a new database is migrated to the latest schema with the store's pragmas") {
  TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  CHECK(db->schemaVersion() == latestSchemaVersion());
  CHECK(latestSchemaVersion() >= 1);
  CHECK(db->sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db->sql().execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
  CHECK(db->sql().execAndGet("PRAGMA busy_timeout").getInt() == 5000);
  CHECK(db->quickCheck() == "ok");
}

TEST_CASE("migrations are numbered in order and re-opening applies nothing twice") {
  int last = 0;
  // Contiguous: a database at version N must never skip a migration added below N.
  for (const Migration& m : migrations()) {
    CHECK(m.version == last + 1);
    last = m.version;
  }
  TempDir dir;
  { Database::open(dir.file("s.db")); }
  auto again = Database::open(dir.file("s.db"));
  CHECK(again->schemaVersion() == latestSchemaVersion());
}

TEST_CASE("a database written by a newer kiosk is refused and left untouched") {
  TempDir dir;
  std::string path = dir.file("newer.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE future (x)");
    raw.exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1));
  }
  std::string before = fileBytes(path);
  CHECK(errorCode([&] { Database::open(path); }) == "db_too_new");
  CHECK(fileBytes(path) == before);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("a read-only database refuses writes with a clear error and writes nothing") {
  TempDir dir;
  std::string path = dir.file("s.db");
  {
    auto db = Database::open(path);
    db->write([](SQLite::Database& s) { writeSetting(s, "store.name", "A"); });
  }
  auto ro = Database::open(path, {OpenMode::ReadOnly});
  CHECK(ro->readOnly());
  CHECK(errorCode([&] {
          ro->write([](SQLite::Database& s) {
            writeSetting(s, "store.name", "B");
          });
        }) == "db_readonly");
  CHECK(readSetting(ro->sql(), "store.name") == std::optional<std::string>("A"));
}

TEST_CASE("a corrupted file is refused as corrupt") {
  TempDir dir;
  std::string path = dir.file("junk.db");
  std::ofstream(path) << std::string(8192, 'x');
  CHECK(errorCode([&] { Database::open(path); }) == "db_corrupt");

  // A real database with a page overwritten in the middle.
  std::string good = dir.file("damaged.db");
  {
    auto db = Database::open(good);
    db->write([](SQLite::Database& s) {
      for (int i = 0; i < 2000; ++i) writeSetting(s, "k" + std::to_string(i), std::string(200, 'v'));
    });
    db->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  {
    std::fstream f(good, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 3);
    std::string garbage(4096, '\x5a');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  std::string code = errorCode([&] {
    auto db = Database::open(good);
    if (db->quickCheck() != "ok") throw DomainError("db_corrupt", "quick_check");
  });
  CHECK(code == "db_corrupt");
}

TEST_CASE("a missing database is refused where it must exist") {
  TempDir dir;
  CHECK(errorCode([&] { Database::open(dir.file("none.db"), {OpenMode::Existing}); }) == "db_missing");
  CHECK(errorCode([&] { Database::open(dir.file("none.db"), {OpenMode::ReadOnly}); }) == "db_missing");
}

TEST_CASE("a full disk gives a clear error and leaves nothing half-written") {
  TempDir dir;
  std::string path = dir.file("s.db");
  { Database::open(path); }
  OpenOptions opt;
  opt.mode = OpenMode::Existing;
  auto db = Database::open(path, opt);
  long pages = db->sql().execAndGet("PRAGMA page_count").getInt64();
  db->sql().exec("PRAGMA max_page_count = " + std::to_string(pages + 2));
  std::int64_t auditBefore = db->sql().execAndGet("SELECT count(*) FROM audit_log").getInt64();
  CHECK(errorCode([&] {
          db->write([](SQLite::Database& s) {
            appendAudit(s, auditOf(1, "t", "test.fill", "x", "1"));
            for (int i = 0; i < 500; ++i) writeSetting(s, "big" + std::to_string(i), std::string(1000, 'x'));
          });
        }) == "disk_full");
  // The transaction rolled back whole: not even the audit entry remains.
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log").getInt64() == auditBefore);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM store_settings WHERE key LIKE 'big%'").getInt64() == 0);
  CHECK(db->quickCheck() == "ok");
}

TEST_CASE("an appointment booked before the day book's services label gets its label from its services") {
  TempDir dir;
  const std::string path = dir.file("old.db");
  {  // a kiosk's file at the schema before the label (migration 012)
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    for (const Migration& m : migrations())
      if (m.version < 12) REQUIRE(sqlite3_exec(raw, m.sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    const char* rows =
        "PRAGMA user_version = 11;"
        "INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state, booked_by, booked_at)"
        " VALUES ('a1', 1, 'b1', 1000, 2000, 'phone', 'booked', 'b1', 0),"
        " ('a2', 1, 'b1', 3000, 4000, 'phone', 'booked', 'b1', 0);"
        "INSERT INTO appointment_services VALUES ('a1', 1, 'S-NECK', '肩颈按摩', 30),"
        " ('a1', 0, 'S-FACIAL', '深层清洁护理', 60);";
    REQUIRE(sqlite3_exec(raw, rows, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  auto db = Database::open(path);
  CHECK(db->sql().execAndGet("SELECT services_label FROM appointments WHERE id = 'a1'").getString() ==
        "深层清洁护理、肩颈按摩");  // in the services' order, not the order they were written
  CHECK(db->sql().execAndGet("SELECT services_label FROM appointments WHERE id = 'a2'").getString() == "");
  // And its first service's code (migration 023), which colours its block.
  CHECK(db->sql().execAndGet("SELECT first_service FROM appointments WHERE id = 'a1'").getString() == "S-FACIAL");
  CHECK(db->sql().execAndGet("SELECT first_service FROM appointments WHERE id = 'a2'").getString() == "");
}
