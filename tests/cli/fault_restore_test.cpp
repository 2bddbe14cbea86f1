// Fault injection on restore: the real binary killed with SIGKILL at points spread
// over a restore (decrypting, checking, the rename, the card key). After each
// kill the store is either the old one, whole (changed only by the restore's own
// sign-in) with its own card.key, or the restored one, complete with the
// backup's card.key: never half, never no store. What a kill leaves (the
// decrypted candidate) goes on the next start, with no plaintext left behind.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/core/member_card.h"
#include "storage/card_key_file.h"
#include "storage/database.h"
#include "storage/verify.h"
#include "support/kill_after.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::readWhole;
using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

const std::string kEnv = "SALON_BACKUP_COST=min SALON_LANG=en SALON_BACKUP_PASSWORD='open sesame 43'";

#if defined(__SANITIZE_ADDRESS__)
constexpr int kKills = 3;  // each run is several times slower under the sanitizers
#else
constexpr int kKills = 8;  // about 1 s a kill (the restore, the next start, the checks)
#endif

using salon::test::killAfter;

// Files in `dir` (not the store itself) whose bytes hold SQLite's magic header.
std::vector<std::string> plaintextBesides(const std::string& dir, const std::string& store) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name == store || !e.is_regular_file()) continue;
    if (readWhole(e.path().string()).find("SQLite format 3") != std::string::npos) out.push_back(name);
  }
  return out;
}

std::int64_t number(SQLite::Database& s, const std::string& sql) { return s.execAndGet(sql).getInt64(); }

// The public key card.key beside `db` signs with, or "" when there is none.
std::string keyFileSigner(const std::string& db) {
  auto seed = salon::storage::loadCardSeed(salon::storage::cardKeyPath(db));
  return seed ? salon::cardKeyFromSeed(*seed).publicKey : "";
}

std::string newestSigner(SQLite::Database& s) {
  SQLite::Statement q(s, "SELECT public_key FROM member_card_key_generations ORDER BY generation DESC LIMIT 1");
  REQUIRE(q.executeStep());
  const auto* p = static_cast<const char*>(q.getColumn(0).getBlob());
  return std::string(p, static_cast<std::size_t>(q.getColumn(0).getBytes()));
}

// Old or restored, each whole, with the card key that goes with it. `allowed`:
// what the restore's sign-in and the next start wrote since.
bool checkWhole(const std::string& db, std::int64_t seqBefore, std::int64_t ballast) {
  const std::string allowed = "('staff.sign_in', 'print.jobs_view')";
  bool old = false;
  {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    CHECK(s.execAndGet("PRAGMA quick_check").getString() == "ok");
    old = number(s, "SELECT count(*) FROM store_settings WHERE key = 'fault.marker'") == 1;
    CHECK(number(s, "SELECT count(*) FROM ballast") == ballast);
    // The old store untouched but for those; the restored one ends with its restore.
    std::int64_t since = old ? seqBefore : number(s, "SELECT coalesce(max(seq), -1) FROM audit_log WHERE action = 'data.restore'");
    CHECK(since >= 0);
    CHECK(number(s, "SELECT count(*) FROM audit_log WHERE seq > " + std::to_string(since) + " AND action NOT IN " +
                        allowed) == 0);
    CHECK(number(s, "SELECT count(*) FROM sqlite_master WHERE name = 'backup_card_key'") == 0);
    CHECK(keyFileSigner(db) == newestSigner(s));
  }
  auto open = salon::storage::Database::open(db, {salon::storage::OpenMode::ReadOnly});
  CHECK(salon::storage::verifyDatabase(*open).ok());
  return old;
}

}  // namespace

TEST_CASE("kill -9 during restore: the old store whole or the restored one complete, then no plaintext left") {
  TempDir dir;
  const std::string data = dir.file("data"), scratch = dir.file("scratch");
  std::filesystem::create_directories(data);
  std::filesystem::create_directories(scratch);
  const std::string db = data + "/salon.db", backup = dir.file("b.skbak");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  const std::int64_t ballast = 96;
  {
    // Enough data (about 6 MB) for a restore to take a while.
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("CREATE TABLE ballast(x BLOB)");
    raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(ballast) +
             ") INSERT INTO ballast SELECT randomblob(65536) FROM n");
  }
  auto made = runKiosk("backup --db " + db + " --staff admin --to " + backup, dir.path().string(), kEnv + " SALON_PIN=9999");
  INFO(made.out << made.err);
  REQUIRE(made.exitCode == 0);
  // After the backup the live store moves on: a new card key and a marker row.
  REQUIRE(runKiosk("members rotate-card-key --db " + db + " --staff admin --reason leak", dir.path().string(),
                   "SALON_PIN=9999")
              .exitCode == 0);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("INSERT INTO store_settings (key, value) VALUES ('fault.marker', 'the live store')");
  }
  const std::string restore = "env " + kEnv + " SALON_PIN=9999 " + SALON_KIOSK_BIN + " restore --from " + backup +
                              " --staff admin --force --db ";

  // How long one whole restore takes here, on a copy, so the kill points spread over the run.
  for (const char* f : {"salon.db", "salon.db.card.key"})
    std::filesystem::copy_file(data + "/" + f, scratch + "/" + f);
  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(std::system((restore + scratch + "/salon.db >/dev/null 2>&1").c_str()) == 0);
  auto whole = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);

  int landed = 0, oldAfter = 0, restoredAfter = 0;
  for (int i = 0; i < kKills; ++i) {
    INFO("kill " << i);
    std::int64_t seqBefore;
    {
      SQLite::Database s(db, SQLite::OPEN_READONLY);
      seqBefore = number(s, "SELECT max(seq) FROM audit_log");
    }
    // Every other kill point falls late in a run: the rename and the card key.
    const auto at = i % 2 == 0 ? whole * (i + 1) / (kKills + 1) : whole * 8 / 10 + whole * (i + 1) / (7 * (kKills + 1));
    landed += killAfter(restore + db, at) ? 1 : 0;
    // Only the store (and its journal) and, at most, the decrypted candidate a kill left behind.
    for (const std::string& f : plaintextBesides(data, "salon.db"))
      CHECK((f.find(".restore-") != std::string::npos || f == "salon.db-journal"));
    REQUIRE(std::filesystem::exists(db));
    // The next start (any command that opens the store read-write) clears what the kill left.
    auto next = runKiosk("print jobs --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
    INFO(next.out << next.err);
    CHECK(next.exitCode == 0);
    CHECK(plaintextBesides(data, "salon.db").empty());
    for (const auto& e : std::filesystem::directory_iterator(data)) {
      INFO(e.path().filename().string());
      CHECK(e.path().filename().string()[0] != '.');
    }
    (checkWhole(db, seqBefore, ballast) ? oldAfter : restoredAfter)++;
  }
  WARN("kills that landed during a restore: " << landed << " of " << kKills << "; the old store after " << oldAfter
                                               << ", the restored one after " << restoredAfter << " (run: "
                                               << whole.count() / 1000 << " ms)");
  CHECK(landed >= kKills / 3);  // the run's length varies with the machine's load
}
