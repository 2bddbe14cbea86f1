// Encrypted backups and their restore, on real files: consistency while another
// connection writes, and every way a backup file can be wrong.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "app/core/error.h"
#include "app/core/pin.h"
#include "storage/audit_store.h"
#include "storage/backup.h"
#include "storage/migrations.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::readWhole;
using salon::test::TempDir;

namespace {

const std::string kPassword = "correct horse battery";

std::string errorCode(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "ok";
}

std::string randomText(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, ' ');
  for (char& c : s) c = static_cast<char>('a' + gen() % 26);
  return s;
}

// A store with staff, settings, audit entries, and enough data for several chunks.
std::unique_ptr<Database> seededStore(const std::string& path) {
  auto db = Database::open(path);
  SqliteStaffStore staff(*db);
  staff.addStaff({"admin", "系统管理员", Role::Admin, "行政", true}, hashPin("9999", PinCost::minimum()), 1000,
                 auditOf(1000, "", "staff.add", "staff", "admin"));
  staff.addStaff({"cash", "陈前台", Role::Cashier, "前台", true}, hashPin("3456", PinCost::minimum()), 1000,
                 auditOf(1000, "", "staff.add", "staff", "cash"));
  db->write([&](SQLite::Database& s) {
    writeSetting(s, "store.name", "悦容美容美发沙龙");
    writeSetting(s, "note.big", "UNIQUEPLAINTEXTMARKER" + randomText(300000, 7));
    appendAudit(s, auditOf(2000, "admin", "settings.change", "settings", "store.name"));
  });
  return db;
}

std::vector<std::string> rows(SQLite::Database& db, const std::string& table) {
  std::vector<std::string> out;
  SQLite::Statement q(db, "SELECT * FROM " + table + " ORDER BY 1");
  while (q.executeStep()) {
    std::string row;
    for (int i = 0; i < q.getColumnCount(); ++i) row += q.getColumn(i).getString() + "|";
    out.push_back(row);
  }
  return out;
}

std::set<std::string> namesIn(const std::filesystem::path& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Decrypts and checks `file` into `target`; the error code or "ok".
std::string restoreCode(const std::string& file, const std::string& target, const std::string& password = kPassword) {
  return errorCode([&] {
    RestoreCandidate c(file, target, password);
    c.check();
    c.install(false);
  });
}

}  // namespace

TEST_CASE("a backup restores to the same rows, and the restored chain verifies") {
  TempDir dir;
  auto db = seededStore(dir.file("live.db"));
  std::string file = dir.file("store.skbak");
  BackupSummary s = writeBackup(*db, file, kPassword, BackupCost::minimum());
  CHECK(s.bytes > 300000);
  CHECK(s.snapshot.chain.ok);
  CHECK(s.snapshot.staff == 2);
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::mask) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  std::string bytes = readWhole(file);
  CHECK(bytes.rfind("SalonKioskBackup", 0) == 0);
  CHECK(bytes.find("UNIQUEPLAINTEXTMARKER") == std::string::npos);
  CHECK(bytes.find("SQLite format 3") == std::string::npos);
  // Nothing but the database and the backup: the plaintext snapshot is gone.
  // (live.db.card.key: the card-signing key beside the store; store.skbak.head: the audit head.)
  CHECK(namesIn(dir.path()) ==
        std::set<std::string>{"live.db", "live.db-wal", "live.db-shm", "live.db.card.key", "store.skbak", "store.skbak.head"});

  std::filesystem::create_directory(dir.file("fresh"));
  std::string target = dir.file("fresh/salon.db");
  {
    RestoreCandidate c(file, target, kPassword);
    CHECK(c.check().schemaVersion == latestSchemaVersion());
    CHECK(c.check().chain.headSeq == s.snapshot.chain.headSeq);
    c.install(false);
  }
  CHECK(namesIn(dir.file("fresh")) == std::set<std::string>{"salon.db", "salon.db.card.key"});
  auto restored = Database::open(target, {OpenMode::Existing});
  for (const char* table : {"store_settings", "staff", "audit_log", "audit_head", "outbox"}) {
    INFO(table);
    CHECK(rows(restored->sql(), table) == rows(db->sql(), table));
  }
  CHECK(verifyAuditChain(restored->sql()).ok);
  CHECK(restored->quickCheck() == "ok");
}

TEST_CASE("a backup taken while another connection writes continuously is consistent") {
  TempDir dir;
  std::string live = dir.file("live.db");
  { seededStore(live); }
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    auto w = Database::open(live, {OpenMode::Existing, false});
    for (int i = 0; !stop; ++i) {
      w->write([&](SQLite::Database& s) {
        writeSetting(s, "counter." + std::to_string(i % 50), randomText(2000, static_cast<unsigned>(i)));
        appendAudit(s, auditOf(5000 + i, "cash", "sale.settle", "sale", std::to_string(i)));
      });
      written++;
    }
  });
  auto reader = Database::open(live, {OpenMode::Existing, false});
  std::vector<std::int64_t> heads;
  for (int n = 0; n < 5; ++n) {
    while (written < (n + 1) * 20) std::this_thread::yield();
    std::string file = dir.file("b" + std::to_string(n) + ".skbak");
    writeBackup(*reader, file, kPassword, BackupCost::minimum());
    std::string target = dir.file("r" + std::to_string(n) + ".db");
    RestoreCandidate c(file, target, kPassword);
    const SnapshotCheck& check = c.check();  // integrity_check ok and the chain verifies
    CHECK(check.chain.ok);
    heads.push_back(check.chain.headSeq);
    c.install(false);
    auto restored = Database::open(target, {OpenMode::Existing});
    CHECK(restored->quickCheck() == "ok");
    // The snapshot is one committed moment: the last sale's audit entry came with
    // exactly the setting that sale wrote, in the same transaction.
    std::int64_t sales =
        restored->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'sale.settle'").getInt64();
    REQUIRE(sales > 0);
    CHECK(readSetting(restored->sql(), "counter." + std::to_string((sales - 1) % 50)) ==
          std::optional<std::string>(randomText(2000, static_cast<unsigned>(sales - 1))));
  }
  stop = true;
  writer.join();
  CHECK(written > 100);
  for (std::size_t i = 1; i < heads.size(); ++i) CHECK(heads[i] > heads[i - 1]);
}

TEST_CASE("a wrong password is refused and leaves nothing behind") {
  TempDir dir;
  auto db = seededStore(dir.file("live.db"));
  std::string file = dir.file("store.skbak");
  writeBackup(*db, file, kPassword, BackupCost::minimum());
  std::filesystem::create_directory(dir.file("t"));
  CHECK(restoreCode(file, dir.file("t/salon.db"), "correct horse battery!") == "backup_wrong_password");
  CHECK(restoreCode(file, dir.file("t/salon.db"), "") == "backup_password_missing");
  CHECK(namesIn(dir.file("t")).empty());
}

TEST_CASE("a backup with any one byte flipped is refused") {
  TempDir dir;
  auto db = seededStore(dir.file("live.db"));
  std::string file = dir.file("store.skbak");
  writeBackup(*db, file, kPassword, BackupCost::minimum());
  const std::string good = readWhole(file);
  std::filesystem::create_directory(dir.file("t"));
  // Magic, version, chunk size, costs, salt, key check, stream header, first
  // chunk, a middle chunk, the final chunk's tag.
  std::vector<std::size_t> positions = {0, 17, 21, 25, 33, 45, 70, 100, 112, 500, 65536 + 200, good.size() / 2,
                                        good.size() - 1};
  for (std::size_t pos : positions) {
    INFO("byte " << pos);
    std::string bad = good;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x01);
    std::string altered = dir.file("altered.skbak");
    writeBytes(altered, bad);
    std::string code = restoreCode(altered, dir.file("t/salon.db"));
    CHECK((code == "backup_bad_file" || code == "backup_wrong_password" || code == "backup_too_new"));
    // Past the header the password is known good: it must say the file was altered.
    if (pos >= 112) CHECK(code == "backup_bad_file");
    CHECK(namesIn(dir.file("t")).empty());
  }
  CHECK(restoreCode(file, dir.file("t/salon.db")) == "ok");
}

TEST_CASE("a truncated backup, one with bytes added, and files that are no backup are refused") {
  TempDir dir;
  auto db = seededStore(dir.file("live.db"));
  std::string file = dir.file("store.skbak");
  writeBackup(*db, file, kPassword, BackupCost::minimum());
  const std::string good = readWhole(file);
  std::filesystem::create_directory(dir.file("t"));
  const std::size_t chunk = 65536 + 17;
  for (std::size_t cut : {std::size_t{0}, std::size_t{10}, std::size_t{111}, std::size_t{112}, std::size_t{112 + 300},
                          112 + chunk, 112 + 2 * chunk, good.size() - 17, good.size() - 1}) {
    INFO("cut at " << cut);
    writeBytes(dir.file("cut.skbak"), good.substr(0, cut));
    CHECK(restoreCode(dir.file("cut.skbak"), dir.file("t/salon.db")) == "backup_bad_file");
  }
  writeBytes(dir.file("longer.skbak"), good + "x");
  CHECK(restoreCode(dir.file("longer.skbak"), dir.file("t/salon.db")) == "backup_bad_file");

  std::mt19937 gen(42);
  std::string noise(100000, '\0');
  for (char& c : noise) c = static_cast<char>(gen());
  writeBytes(dir.file("noise.skbak"), noise);
  CHECK(restoreCode(dir.file("noise.skbak"), dir.file("t/salon.db")) == "backup_bad_file");
  writeBytes(dir.file("text.skbak"), "SalonKiosk says hello\n");
  CHECK(restoreCode(dir.file("text.skbak"), dir.file("t/salon.db")) == "backup_bad_file");
  // A plain database is not a backup either.
  CHECK(restoreCode(dir.file("live.db"), dir.file("t/salon.db")) == "backup_bad_file");
  CHECK(restoreCode(dir.file("missing.skbak"), dir.file("t/salon.db")) == "backup_unreadable");
  CHECK(namesIn(dir.file("t")).empty());
}

TEST_CASE("a well-encrypted file that is not a sound Salon Kiosk database is refused") {
  TempDir dir;
  std::filesystem::create_directory(dir.file("t"));
  auto seal = [&](const std::string& plainPath, const std::string& out) {
    TempFile sealed(dir.path().string(), ".sealed-");
    encryptBackup(plainPath, sealed, kPassword, BackupCost::minimum());
    sealed.commitAs(out);
  };
  writeBytes(dir.file("notes.txt"), randomText(5000, 3));
  seal(dir.file("notes.txt"), dir.file("notes.skbak"));
  CHECK(restoreCode(dir.file("notes.skbak"), dir.file("t/salon.db")) == "backup_bad_file");

  { SQLite::Database other(dir.file("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE recipes (name TEXT)"); }
  seal(dir.file("other.db"), dir.file("other.skbak"));
  CHECK(restoreCode(dir.file("other.skbak"), dir.file("t/salon.db")) == "backup_bad_file");

  { auto db = seededStore(dir.file("tampered.db")); }
  { SQLite::Database raw(dir.file("tampered.db"), SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'x' WHERE seq = 2"); }
  seal(dir.file("tampered.db"), dir.file("tampered.skbak"));
  CHECK(restoreCode(dir.file("tampered.skbak"), dir.file("t/salon.db")) == "audit_chain_broken");

  { auto db = seededStore(dir.file("newer.db")); }
  { SQLite::Database raw(dir.file("newer.db"), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1)); }
  seal(dir.file("newer.db"), dir.file("newer.skbak"));
  CHECK(restoreCode(dir.file("newer.skbak"), dir.file("t/salon.db")) == "db_too_new");
  CHECK(namesIn(dir.file("t")).empty());
}

TEST_CASE("restore leaves an existing database untouched unless told to replace it") {
  TempDir dir;
  std::string file = dir.file("store.skbak");
  {
    auto db = seededStore(dir.file("live.db"));
    writeBackup(*db, file, kPassword, BackupCost::minimum());
    db->write([&](SQLite::Database& s) { writeSetting(s, "after.backup", "yes"); });
  }
  std::string live = dir.file("live.db");
  const std::string before = readWhole(live);
  CHECK(errorCode([&] { RestoreCandidate c(file, file, kPassword); }) == "bad_input");
  {
    RestoreCandidate c(file, live, kPassword);
    CHECK(errorCode([&] { c.install(false); }) == "restore_target_exists");
  }
  CHECK(readWhole(live) == before);
  CHECK(namesIn(dir.path()) == std::set<std::string>{"live.db", "live.db.card.key", "store.skbak", "store.skbak.head"});

  writeBytes(live + "-wal", "stale wal that must not be replayed");
  writeBytes(live + "-shm", "stale shm");
  {
    RestoreCandidate c(file, live, kPassword);
    c.install(true);
  }
  CHECK(namesIn(dir.path()) == std::set<std::string>{"live.db", "live.db.card.key", "store.skbak", "store.skbak.head"});
  auto restored = Database::open(live, {OpenMode::Existing});
  CHECK(!readSetting(restored->sql(), "after.backup"));
  CHECK(readSetting(restored->sql(), "store.name") == std::optional<std::string>("悦容美容美发沙龙"));
  CHECK(restored->quickCheck() == "ok");
}

TEST_CASE("a backup that cannot be written says so and leaves nothing behind") {
  TempDir dir;
  auto db = seededStore(dir.file("live.db"));
  writeBytes(dir.file("a-file"), "x");
  CHECK(errorCode([&] { writeBackup(*db, dir.file("a-file/sub/store.skbak"), kPassword, BackupCost::minimum()); }) ==
        "backup_write_failed");
  CHECK(errorCode([&] { writeBackup(*db, dir.file("store.skbak"), "short", BackupCost::minimum()); }) ==
        "backup_password_weak");
  CHECK(errorCode([&] { writeBackup(*db, dir.file("store.skbak"), "", BackupCost::minimum()); }) ==
        "backup_password_missing");
  // A store whose audit chain was tampered with gets no backup that restore would refuse.
  {
    auto tampered = seededStore(dir.file("tampered.db"));
    tampered->sql().exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'x' WHERE seq = 2");
    CHECK(errorCode([&] { writeBackup(*tampered, dir.file("t.skbak"), kPassword, BackupCost::minimum()); }) ==
          "backup_source_damaged");
  }
  for (const char* leftover : {"tampered.db", "tampered.db-wal", "tampered.db-shm", "tampered.db.card.key"})
    std::filesystem::remove(dir.file(leftover));
  // Never over the database itself.
  const std::string before = salon::test::readWhole(dir.file("live.db"));
  CHECK(errorCode([&] { writeBackup(*db, dir.file("live.db"), kPassword, BackupCost::minimum()); }) == "bad_input");
  CHECK(salon::test::readWhole(dir.file("live.db")) == before);
  CHECK(namesIn(dir.path()) == std::set<std::string>{"live.db", "live.db-wal", "live.db-shm", "live.db.card.key", "a-file"});
}
