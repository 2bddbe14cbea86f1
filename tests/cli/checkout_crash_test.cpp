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

#include "storage/verify.h"
#include "support/settle_loop.h"
#include "support/temp_dir.h"

using namespace salon;

namespace {

using test::saleFor;
using test::settleOne;
using test::uuidFor;

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

// Polls until the child has stored more than `count` sales (at most a minute).
bool waitForSaleAfter(const std::string& path, int count) {
  for (int i = 0; i < 12000; ++i) {
    {
      auto db = storage::Database::open(path, {storage::OpenMode::ReadOnly});
      if (salesIn(*db) > count) return true;
    }
    ::usleep(5000);
  }
  return false;
}

}  // namespace

TEST_CASE("crash test: SIGKILL while settling never breaks an invariant") {
  test::TempDir dir;
  std::string path = dir.file("salon.db");
  test::seedLoopStore(path);
  int kills = 50;
  if (const char* env = std::getenv("SALON_CRASH_KILLS")) kills = std::max(1, std::atoi(env));
  std::mt19937 rng(4242);
  int before = 0;
  for (int k = 0; k < kills; ++k) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) settleForever(path);
    // Even kills land at a random moment (opening, mid-sale, between sales);
    // odd ones wait for a new sale first, so the loop moves on however slow
    // the build (a sanitizer build settles several times slower).
    if (k % 2 == 1) REQUIRE(waitForSaleAfter(path, before));
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
  CHECK(before >= kills / 2);
}
