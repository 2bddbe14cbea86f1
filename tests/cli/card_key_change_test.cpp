// A key change (a suspected leak) at the command line: `members rotate-card-key`,
// then `scan` of a card the old key signed recognises the member, issues a new
// card under the new key (audited) and says so with how to print it; the old
// card is refused from then on, and a card no key of this store signed is a forgery.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/member_card.h"
#include "storage/card_key_file.h"
#include "storage/database.h"
#include "storage/member_card_store.h"
#include "support/customer_rows.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

std::string seeded(const TempDir& dir) {
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  SQLite::Database s(db, SQLite::OPEN_READWRITE);
  s.exec("INSERT INTO customers (file_no, member_no, name, phone, status, created_at, created_by) VALUES"
         " ('S01-2026-000001', 'M00000001', '李美华', '13800138000', 'in_force', 0, 'admin')");
  salon::test::syncCustomerCounters(s);
  return db;
}

// The card as the store's current key signs it (what `print card` puts in the QR).
std::string cardNow(const std::string& db, int version) {
  auto open = salon::storage::Database::open(db);
  salon::storage::SqliteMemberCardStore cards(*open);
  return salon::signCard(salon::cardKeyFromSeed(cards.signingSeed()), "M00000001", version);
}

int count(const std::string& db, const std::string& sql) {
  SQLite::Database s(db, SQLite::OPEN_READONLY);
  return s.execAndGet(sql).getInt();
}

}  // namespace

TEST_CASE("scan after a key change: the old card is recognised, reissued under the new key, then refused") {
  TempDir dir;
  const std::string db = seeded(dir);
  const std::string scratch = dir.path().string();
  auto first = runKiosk("print card M00000001 --db " + db + " --staff cash --printer file:" + dir.file("c1.bin") +
                            " --reason 新会员",
                        scratch, "SALON_PIN=3456");
  REQUIRE(first.exitCode == 0);
  const std::string oldCard = cardNow(db, 1);
  auto rotated = runKiosk("members rotate-card-key --db " + db + " --staff admin --reason 'suspected leak'", scratch,
                          "SALON_PIN=9999");
  INFO(rotated.out << rotated.err);
  REQUIRE(rotated.exitCode == 0);
  CHECK(cardNow(db, 1) != oldCard);

  auto scan = runKiosk("scan '" + oldCard + "' --staff cash --db " + db, scratch, "SALON_PIN=3456 SALON_LANG=en");
  INFO(scan.out << scan.err);
  REQUIRE(scan.exitCode == 0);
  CHECK(scan.out.find("\"member_no\": \"M00000001\"") != std::string::npos);
  CHECK(scan.out.find("\"card_version\": 2") != std::string::npos);
  CHECK(scan.out.find("\"new_card\"") != std::string::npos);
  CHECK(scan.out.find("salon-kiosk print card M00000001") != std::string::npos);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'card.reissue' AND staff = 'cash'"
                  " AND reason = 'card key changed'") == 1);
  CHECK(count(db, "SELECT count(*) FROM outbox WHERE type = 'member_card.reissued'") == 1);

  // The old card is refused from now on; the new one (current key, version 2) is good.
  auto again = runKiosk("scan '" + oldCard + "' --staff cash --db " + db, scratch, "SALON_PIN=3456");
  CHECK(again.exitCode == 2);
  CHECK(again.err.find("card_revoked") != std::string::npos);
  auto fresh = runKiosk("scan '" + cardNow(db, 2) + "' --staff cash --db " + db, scratch, "SALON_PIN=3456");
  CHECK(fresh.exitCode == 0);
  CHECK(fresh.out.find("\"new_card\"") == std::string::npos);
  CHECK(count(db, "SELECT count(*) FROM member_card_log WHERE event = 'reissue'") == 1);
  // The new card prints as a reprint of the version in force.
  auto print = runKiosk("print card M00000001 --db " + db + " --staff cash --printer file:" + dir.file("c2.bin") +
                            " --reason 'card key changed'",
                        scratch, "SALON_PIN=3456");
  CHECK(print.exitCode == 0);
  CHECK(count(db, "SELECT version FROM member_cards WHERE member_no = 'M00000001'") == 2);

  // Never a key of this store: a forgery, and nothing is issued for it.
  std::string never = salon::signCard(salon::cardKeyFromSeed(std::string(32, 'n')), "M00000001", 2);
  auto forged = runKiosk("scan '" + never + "' --staff cash --db " + db, scratch, "SALON_PIN=3456");
  CHECK(forged.exitCode == 2);
  CHECK(forged.err.find("card_forged") != std::string::npos);
  CHECK(count(db, "SELECT version FROM member_cards WHERE member_no = 'M00000001'") == 2);
  // Without --staff nothing is shown and nothing reissued.
  auto anonymous = runKiosk("scan '" + oldCard + "' --db " + db, scratch);
  CHECK(anonymous.exitCode != 0);
}

TEST_CASE("scan after a key change in a copy of the database alone: no card is minted") {
  TempDir dir, elsewhere;
  const std::string db = seeded(dir);
  REQUIRE(runKiosk("print card M00000001 --db " + db + " --staff cash --printer file:" + dir.file("c1.bin") +
                       " --reason 新会员",
                   dir.path().string(), "SALON_PIN=3456")
              .exitCode == 0);
  const std::string oldCard = cardNow(db, 1);
  REQUIRE(runKiosk("members rotate-card-key --db " + db + " --staff admin --reason leak", dir.path().string(),
                   "SALON_PIN=9999")
              .exitCode == 0);
  const std::string copy = elsewhere.file("salon.db");
  {
    SQLite::Database live(db, SQLite::OPEN_READWRITE);
    live.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    live.backup(copy.c_str(), SQLite::Database::Save);
  }
  auto scan = runKiosk("scan '" + oldCard + "' --staff cash --db " + copy, elsewhere.path().string(),
                       "SALON_PIN=3456");
  CHECK(scan.exitCode == 2);
  CHECK(scan.err.find("card_key_missing") != std::string::npos);
  CHECK(count(copy, "SELECT version FROM member_cards WHERE member_no = 'M00000001'") == 1);
  CHECK(count(copy, "SELECT count(*) FROM member_card_log WHERE event = 'reissue'") == 0);
}
