// The kiosk's side of head-office sync in storage: the outbox's per-store
// sequence (numbered for old rows by the migration, given in the business
// action's transaction), the enrolment with its sealed token, sending marks,
// falling behind HQ after a restore, and what head office owns.
#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/migrations.h"
#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }

void sell(Database& db, const std::string& id, Instant at, const std::string& payload = "{}") {
  db.write([&](SQLite::Database& s) { appendOutbox(s, {id, "sale.settled", payload, at}); });
}

HeadOfficeAddress hq() { return {"https://127.0.0.1:8443", "S02", "secret-token-secret-token-secret-token-abc", "ab12"}; }

AuditEntry by(Instant at, const std::string& action) { return auditOf(at, "admin", action, "sync", "S02"); }

}  // namespace

TEST_CASE("the sync migration numbers the outbox rows already written in the order they were written") {
  test::TempDir dir;
  const std::string path = dir.file("old.db");
  int before = 0;
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const Migration& m : migrations()) {
      if (std::string(m.name).find("_sync") != std::string::npos) break;
      raw.exec(m.sql);
      before = m.version;
    }
    raw.exec("PRAGMA user_version = " + std::to_string(before));
    for (const char* id : {"zz", "aa", "mm"})  // ids out of order: the rowid decides
      raw.exec(std::string("INSERT INTO outbox (id, type, payload, at) VALUES ('") + id + "', 't', '{}', 5)");
  }
  auto db = Database::open(path);
  CHECK(db->schemaVersion() == latestSchemaVersion());
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'zz'") == 1);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'aa'") == 2);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'mm'") == 3);
  sell(*db, "next", 6);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'next'") == 4);
  // The sequence is unique: a second row on one number is refused.
  CHECK_THROWS(db->sql().exec("UPDATE outbox SET seq = 1 WHERE id = 'aa'"));
}

TEST_CASE("waiting events go up in seq order with their business day, marks follow HQ's answers") {
  test::TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  SqliteSyncStore sync(*db);
  CHECK_FALSE(sync.enrolment());
  for (int i = 1; i <= 5; ++i)
    sell(*db, "sale-" + std::to_string(i), 1796342400000 + i, R"({"business_day":"2026-12-03"})");
  db->write([](SQLite::Database& s) { appendOutbox(s, {"view-1", "file.viewed", "{}", 1796342400000}); });
  auto waiting = sync.waitingEvents(500);
  REQUIRE(waiting.size() == 6);
  CHECK(waiting[0].seq == 1);
  CHECK(waiting[0].id == "sale-1");
  CHECK(waiting[0].day == "2026-12-03");  // the day the sale names
  CHECK(waiting[5].day == "2026-12-04");  // its date in the store's zone (+08:00)
  CHECK(sync.waitingEvents(2).size() == 2);

  sync.enrol(hq(), by(100, "sync.enrol"));
  sync.markSentThrough(4, 200);
  auto st = sync.status();
  CHECK(st.sent == 4);
  CHECK(st.waiting == 2);
  CHECK(st.lastContact == Instant(200));
  CHECK(sync.waitingEvents(500).front().seq == 5);
  // HQ lost what follows 2 (a gap): 3 and 4 go up again.
  sync.resendAfter(2, 300);
  CHECK(sync.status().waiting == 4);
  CHECK(sync.waitingEvents(500).front().seq == 3);
}

TEST_CASE("the token is kept sealed, the enrolment reads it back, and it is audited") {
  test::TempDir dir;
  auto db = Database::open(dir.file("e.db"));
  SqliteSyncStore sync(*db);
  sync.enrol(hq(), by(100, "sync.enrol"));
  CHECK(count(*db, "SELECT count(*) FROM sync_state WHERE token_sealed LIKE '%secret-token%'") == 0);
  auto e = sync.enrolment();
  REQUIRE(e);
  CHECK(e->address.token == hq().token);
  CHECK(e->address.url == hq().url);
  CHECK(e->address.fingerprint == "ab12");
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'sync.enrol'") == 1);
  CHECK(sync.status().enrolled);
  CHECK(sync.status().store == "S02");
}

TEST_CASE("behind head office: new events continue after HQ's number, unsent ones move after it when acknowledged") {
  test::TempDir dir;
  auto db = Database::open(dir.file("b.db"));
  SqliteSyncStore sync(*db);
  sync.enrol(hq(), by(100, "sync.enrol"));
  for (int i = 1; i <= 3; ++i) sell(*db, "old-" + std::to_string(i), 10 + i);
  sync.markSentThrough(1, 50);
  sync.fallBehind(10, by(60, "sync.behind"));
  CHECK(sync.status().behindThrough == 10);
  CHECK(sync.enrolment()->behindThrough == 10);
  CHECK(sync.lastSeq() == 10);
  sell(*db, "new-1", 70);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'new-1'") == 11);
  sync.acknowledgeBehind(by(80, "sync.behind_acknowledged"));
  CHECK(sync.status().behindThrough == 0);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'old-1'") == 1);  // sent: kept
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'old-2'") == 11);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'old-3'") == 12);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'new-1'") == 13);
  sell(*db, "new-2", 90);
  CHECK(count(*db, "SELECT seq FROM outbox WHERE id = 'new-2'") == 14);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action LIKE 'sync.behind%'") == 2);
}

TEST_CASE("what head office owns comes down in one transaction and is then refused locally") {
  test::TempDir dir;
  auto db = Database::open(dir.file("c.db"));
  SqliteSyncStore sync(*db);
  SqlitePriceList list(*db);
  CatalogItem local;
  local.code = "S-LOCAL";
  local.name = "本店剪发";
  local.category = "hair";
  list.addItem(local, {"S-LOCAL", Money(3000), 1000}, auditOf(1000, "mgr", "catalog.add", "catalog_item", "S-LOCAL"));
  sync.enrol(hq(), by(1500, "sync.enrol"));

  ChangesPage page{"c-1", false,
                   {{"catalog.item", "SVC-01",
                     R"({"code":"SVC-01","name":"洗剪吹","category":"hair","price_fen":8800,"member_price_fen":8000,"active":true})"},
                    {"price.override", "SVC-01", R"({"item":"SVC-01","price_fen":9900})"}}};
  sync.applyChanges(page, by(2000, "sync.receive"));
  PriceBook book = list.priceBook();
  REQUIRE(book.item("SVC-01"));
  CHECK(book.item("SVC-01")->name == "洗剪吹");
  CHECK(book.priceAt("SVC-01", 2000) == Money(9900));  // this store's override wins
  CHECK(sync.enrolment()->cursor == "c-1");
  CHECK(sync.status().received == 2);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'sync.receive'") == 1);

  auto edit = auditOf(3000, "mgr", "catalog.price", "catalog_item", "SVC-01");
  try {
    list.changePrice({"SVC-01", Money(100), 3000}, edit);
    FAIL("a local price change of HQ's item went through");
  } catch (const DomainError& e) {
    CHECK(e.code() == "managed_by_head_office");
  }
  list.changePrice({"S-LOCAL", Money(3500), 3000}, auditOf(3000, "mgr", "catalog.price", "catalog_item", "S-LOCAL"));

  // The override removed: the chain's price from now on; the item retired.
  sync.applyChanges({"c-2", false, {{"price.override", "SVC-01", std::nullopt}}}, by(4000, "sync.receive"));
  CHECK(list.priceBook().priceAt("SVC-01", 4000) == Money(8800));
  sync.applyChanges({"c-3", false, {{"catalog.item", "SVC-01", std::nullopt}}}, by(5000, "sync.receive"));
  CHECK_FALSE(list.priceBook().item("SVC-01")->active);
  CHECK(sync.status().received == 4);
}
