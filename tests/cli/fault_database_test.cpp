// Damaged databases: verify checks the file itself before the chain and the
// ledgers and names the check that failed; an empty file is never a new store.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::readWhole;
using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

std::string seededDb(const TempDir& dir) {
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  // Enough rows that the middle of the file is table and index pages.
  SQLite::Database raw(db, SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA journal_mode = DELETE");
  raw.exec("CREATE TABLE ballast(id INTEGER PRIMARY KEY, x TEXT UNIQUE)");
  raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
           "INSERT INTO ballast(x) SELECT printf('row %08d %s', i, hex(randomblob(20))) FROM n");
  return db;
}

}  // namespace

TEST_CASE("verify fails on 4096 bytes flipped in the middle of the file and names integrity_check") {
  TempDir dir;
  std::string db = seededDb(dir);
  REQUIRE(runKiosk("verify --db " + db, dir.path().string()).exitCode == 0);
  std::string copy = dir.file("copy.db");
  std::string bytes = readWhole(db);
  REQUIRE(bytes.size() > 3 * 4096);
  std::size_t mid = bytes.size() / 2 / 4096 * 4096;
  std::mt19937 gen(13);
  for (std::size_t i = mid; i < mid + 4096; ++i) bytes[i] = static_cast<char>(bytes[i] ^ (1 + gen() % 255));
  std::ofstream(copy, std::ios::binary) << bytes;

  auto v = runKiosk("verify --db " + copy, dir.path().string(), "SALON_LANG=en");
  INFO(v.out << v.err);
  CHECK(v.exitCode != 0);
  CHECK(v.out.find("OK") == std::string::npos);
  bool named = v.err.find("integrity_check") != std::string::npos || v.err.find("[db_corrupt]") != std::string::npos;
  CHECK(named);
  CHECK(v.err.find("integrity_check") != std::string::npos);
}

TEST_CASE("a foreign key pointing nowhere fails verify's foreign_key_check") {
  TempDir dir;
  std::string db = seededDb(dir);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("CREATE TABLE parent_t(id INTEGER PRIMARY KEY)");
    raw.exec("CREATE TABLE child_t(id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent_t(id))");
    raw.exec("INSERT INTO child_t(p) VALUES (42)");  // foreign_keys is off on this raw connection
  }
  auto v = runKiosk("verify --db " + db, dir.path().string(), "SALON_LANG=en");
  CHECK(v.exitCode == 1);
  CHECK(v.err.find("foreign_key_check") != std::string::npos);
  CHECK(v.out.find("database integrity_check: ok") != std::string::npos);
}

TEST_CASE("an existing empty database file is refused as damaged, never made into a new store") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  std::ofstream(db).close();
  auto r = runKiosk("staff list --db " + db + " --staff admin", dir.path().string(), "SALON_LANG=en SALON_PIN=9999");
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("[db_empty_file]") != std::string::npos);
  auto d = runKiosk("demo-data --db " + db, dir.path().string(), "SALON_LANG=en");
  CHECK(d.exitCode == 2);
  CHECK(d.err.find("[db_empty_file]") != std::string::npos);
  CHECK(std::filesystem::file_size(db) == 0);
  // Where no file exists, a new store is made.
  CHECK(runKiosk("demo-data --db " + dir.file("new.db"), dir.path().string()).exitCode == 0);
}
