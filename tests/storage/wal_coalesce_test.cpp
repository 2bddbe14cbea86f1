// The store's WAL: a commit's frames reach the file in one write, other
// connections never read a frame that is not there, and the checkpointer (not
// the counter) starts the WAL over, so a sale after a quiet spell syncs once.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "storage/database.h"
#include "storage/maintenance.h"
#include "storage/settings_store.h"
#include "storage/wal_coalesce.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

// `rows` settings of 1,000 bytes each: about one page per four rows.
void fill(Database& db, int rows, const std::string& prefix = "row.") {
  db.write([&](SQLite::Database& s) {
    for (int i = 0; i < rows; ++i) writeSetting(s, prefix + std::to_string(i), std::string(1000, 'a' + i % 26));
  });
}

long long count(Database& db, const std::string& prefix) {
  return db.sql().execAndGet("SELECT count(*) FROM store_settings WHERE key LIKE '" + prefix + "%'").getInt64();
}

template <class Pred>
bool waitUntil(Pred pred) {
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < end && !pred()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return pred();
}

}  // namespace

TEST_CASE("a commit of many pages goes to the WAL in one write and one sync") {
  TempDir dir;
  auto db = Database::open(dir.file("salon.db"), {OpenMode::Create, false});
  fill(*db, 4, "warm.");  // the WAL exists and has its header
  WalTraffic before = walTraffic();
  fill(*db, 120);  // some 30 pages, as a settle touches
  WalTraffic after = walTraffic();
  // Two writes per page without the VFS; here 120 KiB or so, in one or two parts.
  CHECK(after.writes - before.writes <= 2);
  CHECK(after.syncs - before.syncs == 1);
  CHECK(count(*db, "row.") == 120);
}

TEST_CASE("a commit bigger than what the VFS holds still arrives whole, and another connection reads it") {
  TempDir dir;
  const std::string path = dir.file("salon.db");
  auto writer = Database::open(path, {OpenMode::Create, false});
  auto reader = Database::open(path, {OpenMode::Existing, false});
  CHECK(count(*reader, "row.") == 0);  // the reader has looked before the commit
  fill(*writer, 3000);  // ~3 MB: held and written in parts of at most 1 MiB
  CHECK(count(*reader, "row.") == 3000);
  CHECK(reader->quickCheck() == "ok");
  writer.reset();
  reader.reset();
  auto reopened = Database::open(path, {OpenMode::Existing});
  CHECK(count(*reopened, "row.") == 3000);
}

TEST_CASE("with synchronous OFF the VFS holds nothing: each frame goes straight to the file") {
  TempDir dir;
  const std::string path = dir.file("salon.db");
  auto writer = Database::open(path, {OpenMode::Create, false});
  auto reader = Database::open(path, {OpenMode::Existing, false});
  fill(*writer, 4, "warm.");
  writer->sql().exec("PRAGMA synchronous = OFF");
  WalTraffic before = walTraffic();
  fill(*writer, 40);
  WalTraffic after = walTraffic();
  CHECK(after.syncs == before.syncs);
  CHECK(after.writes - before.writes >= 20);  // a header and a page per frame
  CHECK(count(*reader, "row.") == 40);
  writer->sql().exec("PRAGMA synchronous = FULL");
  fill(*writer, 40, "again.");
  CHECK(count(*reader, "again.") == 40);
}

TEST_CASE("the checkpointer starts the WAL over itself, so the next sale's commit syncs once") {
  TempDir dir;
  const std::string path = dir.file("salon.db");
  auto kiosk = Database::open(path, {OpenMode::Create, false});
  fill(*kiosk, 40);
  const int appId = kiosk->sql().execAndGet("PRAGMA application_id").getInt();
  Checkpointer checkpointer(path, std::chrono::milliseconds(10));
  REQUIRE(waitUntil([&] { return checkpointer.logStarts() >= 1; }));
  // Quiet: nothing new to copy, so the checkpointer leaves the disk alone.
  const long long starts = checkpointer.logStarts(), checkpoints = checkpointer.checkpoints();
  WalTraffic quiet = walTraffic();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(checkpointer.logStarts() == starts);
  CHECK(checkpointer.checkpoints() == checkpoints);
  CHECK(walTraffic().syncs == quiet.syncs);
  // A sale now appends to the WAL the checkpointer started: one sync, not two.
  WalTraffic before = walTraffic();
  fill(*kiosk, 8, "sale.");
  CHECK(walTraffic().syncs - before.syncs == 1);
  // Then the checkpointer copies it and starts over again.
  REQUIRE(waitUntil([&] { return checkpointer.logStarts() > starts; }));
  CHECK(kiosk->sql().execAndGet("PRAGMA application_id").getInt() == appId);  // nothing changed
  CHECK(count(*kiosk, "sale.") == 8);
  CHECK(kiosk->quickCheck() == "ok");
}

TEST_CASE("without the checkpointer's start-over, the first commit after a whole checkpoint syncs twice") {
  // The cost the checkpointer takes off the counter: SQLite syncs a new WAL header.
  TempDir dir;
  const std::string path = dir.file("salon.db");
  auto kiosk = Database::open(path, {OpenMode::Create, false});
  fill(*kiosk, 40);
  auto other = Database::open(path, {OpenMode::Existing, false});
  REQUIRE(other->checkpoint());
  WalTraffic before = walTraffic();
  fill(*kiosk, 8, "sale.");
  CHECK(walTraffic().syncs - before.syncs == 2);
}
