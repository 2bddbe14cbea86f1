// The sync engine against an in-process head office that keeps the protocol's
// rules, over the real SQLite store: order, marks only after HQ's answer, lost
// answers, gaps, replays, a restore from an older backup, paging down, backoff.
#include <catch2/catch.hpp>
#include <sodium.h>

#include "app/core/sync_engine.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/sync_store.h"
#include "support/fake_head_office.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }

// A business action as the stores write one: its audit entry and outbox row.
void sell(Database& db, Instant at) {
  db.write([&](SQLite::Database& s) {
    std::string id = newUuid();
    appendAudit(s, auditOf(at, "c1", "sale.settle", "sale", id));
    appendOutbox(s, {id, "sale.settled", R"({"business_day":"2026-12-04"})", at});
  });
}

struct Kiosk {
  test::TempDir dir;
  std::unique_ptr<Database> db = Database::open(dir.file("k.db"));
  SqliteSyncStore store{*db};
  ManualClock clock{1796342400000};
  Kiosk() { store.enrol({"https://hq", "S02", "token", "fp"}, auditOf(clock.now(), "admin", "sync.enrol", "sync", "S02")); }
  void sellMany(int n) {
    for (int i = 0; i < n; ++i) sell(*db, clock.now() + i);
  }
};

}  // namespace

TEST_CASE("every waiting event goes up in order, in batches of 500, and is marked sent after HQ's answer") {
  Kiosk k;
  test::FakeHeadOffice hq;
  k.sellMany(1200);
  SyncEngine engine(k.store, hq, k.clock);
  SyncReport r = engine.round();
  CHECK(r.ok());
  CHECK(r.sent == 1200);
  CHECK(hq.batchesSeen == 3);
  CHECK(hq.events.size() == 1200);
  CHECK(hq.storedThrough == 1200);
  CHECK(k.store.status().waiting == 0);
  CHECK(k.store.status().sent == 1200);
  CHECK(hq.head->seq == 1201);  // the audit head (the enrolment and 1,200 sales) went up with the batches
  CHECK(engine.round().sent == 0);
}

TEST_CASE("an answer lost after HQ's commit: the events stay waiting and go up again, stored once") {
  Kiosk k;
  test::FakeHeadOffice hq;
  k.sellMany(700);
  hq.loseAnswers = 1;
  SyncEngine engine(k.store, hq, k.clock);
  SyncReport r = engine.round();
  CHECK(r.error == "hq_unreachable");
  CHECK(k.store.status().lastError == "hq_unreachable");
  CHECK(k.store.status().waiting == 700);  // HQ holds 500 of them, unacknowledged
  CHECK(hq.events.size() == 500);
  r = engine.round();
  CHECK(r.ok());
  CHECK(hq.events.size() == 700);
  CHECK(k.store.status().waiting == 0);
  CHECK(k.store.status().lastError.empty());
}

TEST_CASE("a sequence gap resends from HQ's number, a replayed batch counts as stored") {
  Kiosk k;
  test::FakeHeadOffice hq;
  k.sellMany(10);
  SyncEngine engine(k.store, hq, k.clock);
  hq.replayAnswers = 1;
  CHECK(engine.round().ok());
  CHECK(k.store.status().waiting == 0);
  CHECK(hq.events.size() == 10);

  // HQ lost events 6..10 without saying so in its hello: the batch meets a gap.
  k.sellMany(3);
  for (auto it = hq.events.begin(); it != hq.events.end();) it = it->second > 5 ? hq.events.erase(it) : std::next(it);
  hq.storedThrough = 5;
  hq.helloSays = 10;
  SyncReport r = engine.round();
  CHECK(r.ok());
  CHECK(hq.storedThrough == 13);
  CHECK(hq.events.size() == 13);
  CHECK(k.store.status().waiting == 0);

  // HQ restored from its own backup and says so: the kiosk resends what follows.
  for (auto it = hq.events.begin(); it != hq.events.end();) it = it->second > 8 ? hq.events.erase(it) : std::next(it);
  hq.storedThrough = 8;
  hq.helloSays.reset();
  CHECK(engine.round().ok());
  CHECK(hq.events.size() == 13);
}

TEST_CASE("a kiosk restored from an older backup notices it is behind HQ and never reuses HQ's numbers") {
  Kiosk k;
  test::FakeHeadOffice hq;
  k.sellMany(5);
  const std::string older = k.dir.file("older.db");
  k.db->sql().exec("VACUUM INTO '" + older + "'");
  k.sellMany(5);
  SyncEngine(k.store, hq, k.clock).round();
  REQUIRE(hq.storedThrough == 10);

  SECTION("fewer events than HQ holds") {
    auto db = Database::open(older);
    SqliteSyncStore store(*db);
    // The older copy's five events were not sent when it was taken; HQ has them
    // from the kiosk that was lost. `restore` writes its own event first.
    db->write([&](SQLite::Database& s) { appendOutbox(s, {newUuid(), "data.restored", "{}", k.clock.now()}); });
    sell(*db, k.clock.now());  // seq 7: another sale than HQ's 7
    SyncReport r = SyncEngine(store, hq, k.clock).round();
    CHECK(r.behind);
    CHECK(r.error == "behind_head_office");
    CHECK(hq.events.size() == 10);
    CHECK(store.status().behindThrough == 10);
    sell(*db, k.clock.now());
    CHECK(count(*db, "SELECT max(seq) FROM outbox") == 11);  // after HQ's 10
    CHECK(SyncEngine(store, hq, k.clock).round().error == "behind_head_office");  // stays stopped
    CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'sync.behind_head_office'") == 1);
    // A manager acknowledges: the restore and the two sales made since go up
    // after HQ's number; the five that came back with the backup are HQ's already.
    store.acknowledgeBehind(auditOf(k.clock.now(), "admin", "sync.behind_acknowledged", "sync", "S02"));
    CHECK(db->sql().execAndGet("SELECT group_concat(seq) FROM (SELECT seq FROM outbox WHERE sent_at IS NULL"
                               " ORDER BY seq)").getString() == "1,2,3,4,5,11,12,13");
    SyncReport after = SyncEngine(store, hq, k.clock).round();
    CHECK(after.ok());
    CHECK(hq.storedThrough == 13);
    CHECK(hq.events.size() == 13);
    CHECK(store.status().waiting == 0);
    CHECK(SyncEngine(store, hq, k.clock).round().ok());  // HQ's head is this kiosk's now
  }
  SECTION("more events than HQ holds: the chain head HQ keeps is not this kiosk's") {
    auto db = Database::open(older);
    SqliteSyncStore store(*db);
    for (int i = 0; i < 8; ++i) sell(*db, k.clock.now() + 100 + i);
    SyncReport r = SyncEngine(store, hq, k.clock).round();
    CHECK(r.behind);
    CHECK(hq.events.size() == 10);
  }
}

TEST_CASE("HQ unreachable: the round reports it, the next good round clears it") {
  Kiosk k;
  test::FakeHeadOffice hq;
  k.sellMany(3);
  hq.unreachable = 1;
  SyncEngine engine(k.store, hq, k.clock);
  CHECK(engine.round().error == "hq_unreachable");
  CHECK(k.store.status().waiting == 3);
  CHECK(engine.round().ok());
  CHECK(k.store.status().lastError.empty());
  CHECK(k.store.status().lastContact == k.clock.now());
}

TEST_CASE("what HQ owns comes down page by page, each page with its cursor") {
  Kiosk k;
  test::FakeHeadOffice hq;
  for (int i = 0; i < 2500; ++i) {
    std::string code = "SVC-" + std::to_string(i);
    hq.owned.push_back({"catalog.item", code,
                        R"({"code":")" + code + R"(","name":"项目","category":"hair","price_fen":)" +
                            std::to_string(1000 + i) + R"(,"active":true})"});
  }
  SyncEngine engine(k.store, hq, k.clock);
  SyncReport r = engine.round();
  CHECK(r.ok());
  CHECK(r.received == 2500);
  CHECK(k.store.enrolment()->cursor == "2500");
  CHECK(k.store.status().received == 2500);
  CHECK(count(*k.db, "SELECT count(*) FROM audit_log WHERE action = 'sync.receive'") == 3);
  CHECK(loadPriceBook(k.db->sql()).priceAt("SVC-42", k.clock.now()) == Money(1042));
  CHECK(engine.round().received == 0);
  CHECK(count(*k.db, "SELECT count(*) FROM audit_log WHERE action = 'sync.receive'") == 3);  // nothing new: no entry
}

TEST_CASE("between rounds the kiosk asks whether anything waits, and what comes down is answered up in the same round") {
  REQUIRE(sodium_init() >= 0);
  Kiosk k;
  test::FakeHeadOffice hq;
  SyncEngine engine(k.store, hq, k.clock);
  REQUIRE(engine.round().ok());
  CHECK_FALSE(engine.somethingWaiting());
  // a customer asks for their file on head office's page: a change for this store
  unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
  crypto_box_keypair(pk, sk);
  std::string key(sodium_base64_encoded_len(sizeof pk, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(key.data(), key.size(), pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
  key.resize(key.size() - 1);
  const std::string look = "77777777-7777-4777-8777-777777777777";
  hq.owned.push_back({"customer.self_view", look,
                      R"({"request":")" + look + R"(","member_no":"M09999999","public_key":")" + key + R"("})"});
  CHECK(engine.somethingWaiting());
  CHECK(hq.polls == 2);
  const std::int64_t batches = hq.batchesSeen;
  SyncReport r = engine.round();
  CHECK(r.ok());
  CHECK(r.received == 1);
  CHECK(r.sent == 1);  // the store's answer went up in the same round
  CHECK(hq.batchesSeen == batches + 1);
  CHECK(k.store.status().waiting == 0);
  CHECK(count(*k.db, "SELECT count(*) FROM outbox WHERE type = 'customer.self_view_answer' AND sent_at IS NOT NULL") == 1);
  CHECK_FALSE(engine.somethingWaiting());
  // An answer to a customer written here (a cashier decided an online booking) is worth a
  // round too, without asking HQ; a sale is not (it waits for the interval).
  sell(*k.db, k.clock.now());
  const int polls = hq.polls;
  CHECK_FALSE(engine.somethingWaiting());
  CHECK(hq.polls == polls + 1);
  k.db->write([&](SQLite::Database& s) {
    appendOutbox(s, {newUuid(), "booking.decided", R"({"appointment":"x","decision":"confirmed","reason":""})", k.clock.now()});
  });
  CHECK(engine.somethingWaiting());
  CHECK(hq.polls == polls + 1);
  CHECK(engine.round().sent == 2);
  CHECK_FALSE(engine.somethingWaiting());
}

TEST_CASE("each batch and each poll tell head office how many events still wait here") {
  Kiosk k;
  test::FakeHeadOffice hq;
  k.sellMany(1200);
  SyncEngine engine(k.store, hq, k.clock);
  REQUIRE(engine.round().ok());
  // 1,200 sales: batches of 500, 500, 200.
  CHECK(hq.waitingTold == std::vector<std::optional<std::int64_t>>{700, 200, 0});
  hq.waitingTold.clear();
  k.sellMany(3);
  CHECK(k.store.eventsWaiting() == 3);
  CHECK_FALSE(engine.somethingWaiting());  // sales wait for the interval; the poll tells HQ of them
  CHECK(hq.waitingTold == std::vector<std::optional<std::int64_t>>{3});
  REQUIRE(engine.round().sent == 3);
  CHECK(hq.waitingTold.back() == 0);
  CHECK(k.store.eventsWaiting() == 0);
}

TEST_CASE("polls come every second between good rounds, never after a failure") {
  SyncBackoff b(30 * kSecond, 5 * kSecond, 5 * kMinute, kSecond);
  b.succeeded(0);
  CHECK(b.pollDue(0));
  b.polled(0);
  CHECK_FALSE(b.pollDue(999));
  CHECK(b.pollDue(1000));
  b.hurry(1000);  // HQ said yes: the round is due, no poll before it
  CHECK(b.due(1000));
  CHECK_FALSE(b.pollDue(1000));
  b.failed(1000);
  CHECK_FALSE(b.pollDue(3000));  // an unreachable HQ waits for the backoff alone
  b.succeeded(7000);
  CHECK(b.pollDue(7000));
  CHECK_FALSE(SyncBackoff(30 * kSecond, 5 * kSecond, 5 * kMinute, 0).pollDue(1000));  // --poll-ms 0
}

TEST_CASE("backoff doubles from 5 s up to its cap, and a good round waits the interval") {
  SyncBackoff b;
  CHECK(b.due(0));
  b.failed(0);
  CHECK(b.nextTry() == 5 * kSecond);
  b.failed(0);
  CHECK(b.nextTry() == 10 * kSecond);
  for (int i = 0; i < 20; ++i) b.failed(0);
  CHECK(b.nextTry() == 5 * kMinute);
  b.succeeded(1000);
  CHECK(b.failures() == 0);
  CHECK(b.nextTry() == 1000 + 30 * kSecond);
  CHECK_FALSE(b.due(1000));
  b.hurry(1000);
  CHECK(b.due(1000));
}

TEST_CASE("no contact for more than a day is overdue") {
  SyncStatus s;
  CHECK_FALSE(syncOverdue(s, 5 * kDay));  // not enrolled: nothing to warn about
  s.enrolled = true;
  s.lastContact = kDay;
  CHECK_FALSE(syncOverdue(s, 2 * kDay));
  CHECK(syncOverdue(s, 2 * kDay + 1));
}
