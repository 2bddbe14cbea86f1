// The member-card signing key outside the database (hardening): card.key beside
// the store, 0600; a copy of the database alone cannot mint cards; encrypted
// backups carry the key and a restore puts it back; a key change makes old
// cards known as such (reissue), not forged and not accepted.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "app/core/error.h"
#include "app/core/member_card.h"
#include "storage/audit_store.h"
#include "storage/backup.h"
#include "storage/card_key_file.h"
#include "storage/database.h"
#include "storage/member_card_store.h"
#include "support/customer_rows.h"
#include "support/domain_fakes.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::codeOf;
using salon::test::TempDir;

namespace {

std::unique_ptr<Database> storeWithMember(const std::string& path) {
  auto db = Database::open(path);
  db->write([](SQLite::Database& s) {
    s.exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('sup', '王主管', 'supervisor', 'x', 0)");
    s.exec("INSERT INTO customers (file_no, member_no, name, phone, status, created_at, created_by)"
           " VALUES ('S01-2026-000001', 'M00000001', '李美华', '13800138000', 'in_force', 0, 'sup')");
    salon::test::syncCustomerCounters(s);
  });
  return db;
}

std::string seedInTable(Database& db) {
  SQLite::Statement q(db.sql(), "SELECT seed FROM member_card_key");
  REQUIRE(q.executeStep());
  const auto* p = static_cast<const char*>(q.getColumn(0).getBlob());
  return std::string(p, static_cast<std::size_t>(q.getColumn(0).getBytes()));
}

}  // namespace

TEST_CASE("the card key lives in card.key (0600), the table keeps only its public key") {
  TempDir dir;
  auto db = storeWithMember(dir.file("s.db"));
  struct stat st {};
  REQUIRE(::stat(cardKeyPath(dir.file("s.db")).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(seedInTable(*db) == std::string(32, '\0'));
  std::string seed = SqliteMemberCardStore(*db).signingSeed();
  CHECK(seed.size() == 32);
  CHECK(seed != std::string(32, '\0'));
  CHECK(db->sql().execAndGet("SELECT count(*) FROM member_card_key_generations").getInt() == 1);
  // The table's one allowed change is done: nothing rewrites it.
  CHECK(codeOf([&] { db->write([](SQLite::Database& s) { s.exec("UPDATE member_card_key SET seed = randomblob(32)"); }); }) != "ok");
}

TEST_CASE("a copy of the database alone cannot mint valid cards") {
  TempDir here, elsewhere;
  std::string seed;
  {
    auto db = storeWithMember(here.file("s.db"));
    seed = SqliteMemberCardStore(*db).signingSeed();
  }
  std::filesystem::copy_file(here.file("s.db"), elsewhere.file("s.db"));
  auto copy = Database::open(elsewhere.file("s.db"));
  SqliteMemberCardStore cards(*copy);
  CHECK(codeOf([&] { cards.signingSeed(); }) == "card_key_missing");
  // Nothing in the file is the seed or can stand for it.
  SQLite::Statement q(copy->sql(), "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%seed%'");
  REQUIRE(q.executeStep());
  CHECK(seedInTable(*copy) == std::string(32, '\0'));
  CHECK(!std::filesystem::exists(cardKeyPath(elsewhere.file("s.db"))));
}

TEST_CASE("an encrypted backup carries the card key and a restore puts it back beside the database") {
  TempDir here, fresh;
  std::string seed;
  {
    auto db = storeWithMember(here.file("s.db"));
    seed = SqliteMemberCardStore(*db).signingSeed();
    writeBackup(*db, here.file("b.skbak"), "a long password", BackupCost::minimum());
    CHECK(seedInTable(*db) == std::string(32, '\0'));  // the live database never gets it back
  }
  RestoreCandidate candidate(here.file("b.skbak"), fresh.file("s.db"), "a long password");
  candidate.check();
  CHECK(!std::filesystem::exists(cardKeyPath(fresh.file("s.db"))));  // not before the restore is authorised
  candidate.install(false);  // once the caller has authorised it
  CHECK(loadCardSeed(cardKeyPath(fresh.file("s.db"))) == seed);
  auto restored = Database::open(fresh.file("s.db"));
  CHECK(SqliteMemberCardStore(*restored).signingSeed() == seed);
  CHECK(restored->sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'backup_card_key'").getInt() == 0);
}

TEST_CASE("a key change: a card signed before it is reissued at its next scan, the old one then refused") {
  TempDir dir;
  auto db = storeWithMember(dir.file("s.db"));
  db->write([](SQLite::Database& s) {
    s.exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '小周', 'cashier', 'x', 0)");
  });
  SqliteMemberCardStore store(*db);
  SqliteAuditLog audit(*db);
  ManualClock clock(1'800'000'000'000);
  MemberCards cards(store, audit, clock);
  const Staff sup{"sup", "王主管", Role::Supervisor, "前台", true};
  const Staff cashier{"cash", "小周", Role::Cashier, "前台", true};
  std::string oldCard = cards.reprint(sup, "M00000001", "first card").payload;
  CHECK(cards.verify(oldCard).memberNo == "M00000001");
  std::string oldSeed = store.signingSeed();
  rotateCardKey(*db, clock.now());
  CHECK(store.signingSeed() != oldSeed);
  // Without a staff member (self-service) nobody carries out the change: refused as such.
  CHECK(codeOf([&] { cards.verify(oldCard); }) == "card_key_rotated");
  // A card signed with a key this store never had is a forgery, before and after.
  std::string forged = signCard(cardKeyFromSeed(std::string(32, '\x07')), "M00000001", 1);
  CHECK(codeOf([&] { cards.recognise(cashier, forged); }) == "card_forged");

  // A copy of the database alone (no card.key) cannot mint the new card.
  TempDir elsewhere;
  db->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::filesystem::copy_file(dir.file("s.db"), elsewhere.file("s.db"));
  {
    auto copy = Database::open(elsewhere.file("s.db"));
    SqliteMemberCardStore copyStore(*copy);
    SqliteAuditLog copyAudit(*copy);
    MemberCards copyCards(copyStore, copyAudit, clock);
    CHECK(codeOf([&] { copyCards.recognise(cashier, oldCard); }) == "card_key_missing");
    CHECK(copyStore.holder("M00000001")->cardVersion == 1);
    CHECK(copy->sql().execAndGet("SELECT count(*) FROM member_card_log WHERE event = 'reissue'").getInt() == 0);
  }

  // At the counter (a cashier may: the admin decided the change) the member is
  // recognised and a new card issued under the current key, in one transaction.
  MemberCards::Recognised r = cards.recognise(cashier, oldCard);
  CHECK(r.holder.memberNo == "M00000001");
  CHECK(r.holder.cardVersion == 2);
  REQUIRE(r.newCard);
  CHECK(r.newCard->event == CardEvent::Reissue);
  CHECK(r.newCard->payload == signCard(cardKeyFromSeed(store.signingSeed()), "M00000001", 2));
  CHECK(cards.verify(r.newCard->payload).cardVersion == 2);
  CHECK_FALSE(cards.recognise(cashier, r.newCard->payload).newCard);  // the new card is simply good
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'card.reissue' AND staff = 'cash'"
                             " AND reason = 'card key changed' AND sections = 'card_version=2'").getInt() == 1);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM member_card_log WHERE event = 'reissue' AND version = 2").getInt() == 1);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM outbox WHERE type = 'member_card.reissued'").getInt() == 1);
  // The old card is refused everywhere from now on, and is not reissued twice.
  CHECK(codeOf([&] { cards.recognise(cashier, oldCard); }) == "card_revoked");
  CHECK(codeOf([&] { cards.verify(oldCard); }) == "card_revoked");
  CHECK(codeOf([&] { cards.resolve(sup, oldCard); }) == "card_revoked");
  CHECK(store.holder("M00000001")->cardVersion == 2);
  // Two counters that read the same old version: only the first reissues.
  CHECK_FALSE(store.reissueRetiredCard("M00000001", 1, "cash", "card key changed",
                                       auditOf(clock.now(), "cash", "card.reissue", "member_card", "M00000001")));
  CHECK(store.holder("M00000001")->cardVersion == 2);
  CHECK(checkMemberCardVersions(db->sql()).ok);
}

TEST_CASE("a restore killed after its rename: the next open puts the backup's card key in card.key") {
  TempDir dir;
  const std::string path = dir.file("s.db");
  const std::string carried(32, '\x42');
  {
    auto db = storeWithMember(path);
    // What install leaves when killed between its rename and the seed's move.
    putSeedInSnapshot(db->sql(), carried);
  }
  auto db = Database::open(path);
  CHECK(loadCardSeed(cardKeyPath(path)) == carried);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'backup_card_key'").getInt() == 0);
  CHECK(SqliteMemberCardStore(*db).signingSeed() == carried);
}
