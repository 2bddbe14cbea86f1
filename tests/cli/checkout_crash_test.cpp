// Crash test: a child process settles sales (and voids) in a loop and is
// SIGKILLed at random moments. After each kill every invariant holds: verify
// passes (audit chain, ledger sums = balances, every sale adds up and has its
// records), no orphan rows, no duplicate and no missing sale, and the last id
// settled again is a replay. CI runs 50 kills; SALON_CRASH_KILLS=1000 on demand.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>

#include "storage/demo/demo_checkout.h"
#include "storage/demo/demo_salon.h"
#include "app/core/error.h"
#include "storage/catalog_store.h"
#include "storage/day_store.h"
#include "storage/sale_store.h"
#include "storage/verify.h"
#include "support/customer_rows.h"
#include "support/temp_dir.h"

using namespace salon;

namespace {

constexpr Instant kT0 = 1'779'930'000'000;  // 2026-05-28 09:00 +08:00

std::string uuidFor(int i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", i);
  return buf;
}

TenderRequest tender(TenderType t, std::int64_t fen, const std::string& ref = "") {
  TenderRequest r;
  r.type = t;
  r.amount = Money(fen);
  r.ref = ref;
  return r;
}

LineRequest line(const std::string& item, std::vector<std::string> staff) {
  LineRequest l;
  l.item = item;
  l.staff = std::move(staff);
  return l;
}

// The i-th entry of the loop; each is valid given the ones before it.
SaleRequest saleFor(int i) {
  SaleRequest r;
  r.id = uuidFor(i);
  bool member = i % 2 == 1 || i % 5 == 0;
  if (member) r.customer = 1;
  if (i % 5 == 0) {
    r.lines = {line("V-1000", {"cash"})};
    r.tenders = {tender(TenderType::Card, 100000)};
    return r;
  }
  r.lines = {line("S-CUT", {"beau"}), line("P-MASK", {})};
  if (member && i % 4 == 3) r.tenders.push_back(tender(TenderType::Points, 50));
  if (member) r.tenders.push_back(tender(TenderType::StoredValue, 1000));
  r.tenders.push_back(tender(TenderType::Wechat, 500, "WX" + std::to_string(i)));
  r.tenders.push_back(tender(TenderType::Cash, 100000));
  return r;
}

void settleOne(storage::SaleStore& store, const Staff& cashier, int i, bool& replayed) {
  Instant at = kT0 + i * kSecond;
  if (i % 7 == 6) {
    ReversalRequest v{uuidFor(i), SaleKind::Void, {}, "crash test", "mgr"};
    replayed = store.reverse(v, uuidFor(i - 1), cashier, at).replayed;
  } else {
    replayed = store.settle(saleFor(i), cashier, at).replayed;
  }
}

int salesIn(storage::Database& db) {
  return db.sql().execAndGet("SELECT COUNT(*) FROM sales").getInt();
}

[[noreturn]] void settleForever(const std::string& path) {
  try {
    auto db = storage::Database::open(path, {storage::OpenMode::Existing});
    auto setup = storage::loadCheckoutSetup(db->sql());
    storage::SaleStore store(*db, setup);
    Staff cashier{"cash", "陈前台", Role::Cashier, "前台", true};
    for (int i = salesIn(*db);; ++i) {
      bool replayed = false;
      settleOne(store, cashier, i, replayed);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "child failed: %s\n", e.what());
    ::_exit(3);
  }
}

void checkInvariants(const std::string& path, int kill) {
  auto db = storage::Database::open(path, {storage::OpenMode::Existing});
  INFO("after kill " << kill);
  CHECK(db->quickCheck() == "ok");
  auto report = storage::verifyDatabase(*db);
  for (const auto& l : report.ledgers) {
    INFO(l.name << ": " << l.problem);
    CHECK(l.ok);
  }
  REQUIRE(report.ok());
  CHECK_FALSE(db->sql().execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt());
  // Exactly the ids 0..n-1: none twice (a primary key) and none missing.
  int n = salesIn(*db);
  SQLite::Statement q(db->sql(), "SELECT id FROM sales ORDER BY id");
  for (int i = 0; q.executeStep(); ++i) REQUIRE(q.getColumn(0).getString() == uuidFor(i));
  if (n == 0) return;
  // The last one settled again (a retry after the crash) is the same sale.
  auto setup = storage::loadCheckoutSetup(db->sql());
  storage::SaleStore store(*db, setup);
  bool replayed = false;
  settleOne(store, Staff{"cash", "", Role::Cashier, "", true}, n - 1, replayed);
  CHECK(replayed);
  CHECK(salesIn(*db) == n);
}

}  // namespace

TEST_CASE("crash test: SIGKILL while settling never breaks an invariant") {
  test::TempDir dir;
  std::string path = dir.file("salon.db");
  {
    auto db = storage::Database::open(path);
    ManualClock clock(kT0 - kHour);
    demo::seedDemoSalon(*db, clock, PinCost::minimum());
    demo::seedDemoCheckout(*db, clock, 0, 1);
    db->sql().exec("INSERT INTO customers (file_no, member_no, name, phone, birthday, status, created_at, created_by)"
                   " VALUES ('S01-2026-000001', 'M00000001', '张丽', '13800138000', '1990-03-08', 'in_force', 0, 'cash')");
    salon::test::syncCustomerCounters(db->sql());
    storage::openBusinessDay(*db, "cash", Money(), kT0, storage::readZone(db->sql()));
  }
  int kills = 50;
  if (const char* env = std::getenv("SALON_CRASH_KILLS")) kills = std::max(1, std::atoi(env));
  std::mt19937 rng(4242);
  int before = 0;
  for (int k = 0; k < kills; ++k) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) settleForever(path);
    ::usleep(std::uniform_int_distribution<int>(2000, 100000)(rng));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO("the child must be killed, not exit on its own");
    REQUIRE(WIFSIGNALED(status));
    checkInvariants(path, k);
    auto db = storage::Database::open(path, {storage::OpenMode::Existing});
    before = salesIn(*db);
  }
  // The child got real work done between the kills (a third: a sanitizer build
  // settles about half as fast, and the kills come on a fixed schedule).
  CHECK(before >= kills / 3);
}
