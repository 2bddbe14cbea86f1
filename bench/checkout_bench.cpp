// Checkout figures: a 20-line cart's totals, settling durably, a Z report, and
// a year's staff report, over a store with past sales.
//   checkout_bench            small (CI): 1,000 customers, 5,000 past sales
//   checkout_bench --full     the size: 100,000 customers, 1,000,000 sales
//   checkout_bench --customers N --sales M [--db FILE]   any size (an existing FILE is reused)
//   --plain-vfs     SQLite's own VFS: a commit's WAL frames written one by one
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "storage/demo/demo_checkout.h"
#include "storage/demo/demo_salon.h"
#include "app/core/cart.h"
#include "app/core/uuid.h"
#include "storage/catalog_store.h"
#include "storage/day_store.h"
#include "storage/maintenance.h"
#include "storage/sale_store.h"
#include "storage/settings_store.h"
#include "storage/wal_coalesce.h"

using namespace salon;
using Clock_ = std::chrono::steady_clock;

namespace {

class WallClock : public Clock {
 public:
  Instant now() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  }
};

// This thread's CPU time: a settle's own work, the kernel's share of its writes
// included, without the wait for the disk (which a loaded machine stretches).
double threadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

double micros(Clock_::time_point a, Clock_::time_point b) {
  return std::chrono::duration<double, std::micro>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

void addCustomers(storage::Database& db, long n) {
  long have = db.sql().execAndGet("SELECT COUNT(*) FROM customers").getInt64();
  db.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "INSERT INTO customers (file_no, member_no, name, phone, birthday, status, created_at, created_by)"
                           " VALUES (?,?,?,?,?, 'in_force', 0, 'cash')");
    for (long i = have; i < n; ++i) {
      char fileNo[40], memberNo[40], phone[40], birthday[40];
      std::snprintf(fileNo, sizeof fileNo, "S01-2025-%06ld", i + 1);
      std::snprintf(memberNo, sizeof memberNo, "M%08ld", i + 1);
      std::snprintf(phone, sizeof phone, "139%08ld", i + 1);
      std::snprintf(birthday, sizeof birthday, "19%02ld-%02ld-%02ld", 60 + i % 40, i % 12 + 1, i % 28 + 1);
      q.bind(1, fileNo);
      if (i % 2 == 0) q.bind(2, memberNo); else q.bind(2);
      q.bind(3, "顾客" + std::to_string(i + 1));
      q.bind(4, phone);
      q.bind(5, birthday);
      q.exec();
      q.reset();
    }
  });
}

void cartFigure() {
  CheckoutPolicy policy;
  policy.rounding = Rounding::Jiao;
  std::vector<CartLine> lines(20);
  for (int i = 0; i < 20; ++i) {
    lines[i].unitPrice = Money(8800 + 1234 * i);
    lines[i].qty = 1 + i % 3;
    lines[i].promotionOff = i % 4 == 0 ? percentOf(lines[i].unitPrice * lines[i].qty, 1500) : Money();
    lines[i].tierBp = 1200;
    lines[i].birthdayBp = i % 5 == 0 ? 2000 : 0;
    lines[i].manualDiscount = Money(i % 7 == 0 ? 300 : 0);
  }
  CartTotals out;
  std::vector<double> t;
  std::int64_t sink = 0;
  for (int i = 0; i < 100000; ++i) {
    auto a = Clock_::now();
    cartTotals(lines, Money(i % 100), policy, out);
    auto b = Clock_::now();
    sink += out.total.fen;
    t.push_back(micros(a, b));
  }
  std::printf("cart totals, 20 lines:      p50 %.2f us, p99 %.2f us (target <= 50 us)  [%lld]\n", percentile(t, 0.5),
              percentile(t, 0.99), static_cast<long long>(sink % 10));
}

SaleRequest benchSale(std::mt19937& rng, long customers) {
  static const char* services[] = {"S-CUT", "S-COLOR", "S-MASSAGE", "S-NAIL"};
  SaleRequest r;
  r.id = newUuid();
  if (customers > 0 && rng() % 10 < 7) r.customer = 1 + static_cast<CustomerId>(rng() % static_cast<unsigned>(customers));
  for (int i = 0, n = 1 + static_cast<int>(rng() % 3); i < n; ++i) {
    LineRequest l;
    l.item = services[rng() % 4];
    l.staff = {"beau"};
    r.lines.push_back(l);
  }
  TenderRequest cash;
  cash.type = TenderType::Cash;
  cash.amount = Money(500000);  // change is given
  r.tenders = {cash};
  return r;
}

// The floor of any durable commit on this disk: one small write over the same
// 4 KiB of a file next to the database, then fdatasync, many times (the WAL is
// rewritten in place the same way once it has reached its size).
std::vector<double> fsyncFloor(const std::string& near, int times) {
  std::vector<double> t;
  std::string probe = near + ".fsync-probe";
  int fd = ::open(probe.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return {0};
  std::vector<char> page(4096, 'x');
  for (int i = 0; i < times; ++i) {
    page[static_cast<std::size_t>(i) % page.size()] = static_cast<char>('a' + i % 26);
    auto a = Clock_::now();
    if (::pwrite(fd, page.data(), page.size(), 0) != static_cast<ssize_t>(page.size()) || ::fdatasync(fd) != 0) break;
    t.push_back(micros(a, Clock_::now()));
  }
  ::close(fd);
  std::filesystem::remove(probe);
  if (t.empty()) t.push_back(0);
  return t;
}

// At a real counter sales come minutes apart, and the checkpointer has copied the
// WAL in between: each sale is then the first commit after a whole checkpoint.
// SQLite starts the WAL over in that commit (a second fdatasync, for the new
// header) unless the checkpointer already did. Before each sale another
// connection writes (as the kiosk's sign-in and sync lanes do), so the counter's
// connection reads its pages afresh either way.
struct QuietSale {
  std::vector<double> ms;
  long long syncs = 0;
  void print(const char* how) const {
    std::printf("a sale after a quiet spell, %s: p50 %.2f ms, %.1f fdatasync a sale (%zu sales)\n", how,
                ms.empty() ? 0.0 : percentile(ms, 0.5) / 1000, ms.empty() ? 0.0 : static_cast<double>(syncs) / ms.size(),
                ms.size());
  }
};

void timeOneSale(QuietSale& out, storage::SaleStore& store, const Staff& cashier, std::mt19937& rng, long customers,
                 const Clock& clock) {
  SaleRequest r = benchSale(rng, customers);
  storage::WalTraffic w = storage::walTraffic();
  auto a = Clock_::now();
  store.settle(r, cashier, clock.now());
  out.ms.push_back(micros(a, Clock_::now()));
  out.syncs += storage::walTraffic().syncs - w.syncs;
}

void quietSpell(const std::string& path, storage::SaleStore& store, const Staff& cashier, std::mt19937& rng,
                long customers, const Clock& clock) {
  auto other = storage::Database::open(path, {storage::OpenMode::Existing, false});
  auto othersWrite = [&](int i) {
    other->write([&](SQLite::Database& s) { storage::writeSetting(s, "bench.quiet", std::to_string(i)); });
  };
  QuietSale started, notStarted;
  {
    storage::Checkpointer quick(path, std::chrono::milliseconds(2));
    for (int i = 0; i < 40; ++i) {
      othersWrite(i);
      const auto starts = quick.logStarts();
      while (quick.logStarts() == starts) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      timeOneSale(started, store, cashier, rng, customers, clock);
    }
  }
  for (int i = 0; i < 40; ++i) {
    othersWrite(i);
    bool whole = false;  // on a thread of its own, as the checkpointer's round is
    std::thread([&] { whole = other->checkpoint(); }).join();
    if (whole) timeOneSale(notStarted, store, cashier, rng, customers, clock);
  }
  started.print("the WAL started over by the checkpointer");
  notStarted.print("starting the WAL over itself          ");
}

}  // namespace

int main(int argc, char** argv) {
  long customers = 1000, sales = 5000, settles = 300;
  std::string path;
  bool plainVfs = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--full")) customers = 100000, sales = 1000000, settles = 2000;
    else if (!std::strcmp(argv[i], "--customers") && i + 1 < argc) customers = std::atol(argv[++i]);
    else if (!std::strcmp(argv[i], "--sales") && i + 1 < argc) sales = std::atol(argv[++i]);
    else if (!std::strcmp(argv[i], "--db") && i + 1 < argc) path = argv[++i];
    else if (!std::strcmp(argv[i], "--plain-vfs")) plainVfs = true;
  }
  bool temp = path.empty();
  if (temp) path = (std::filesystem::temp_directory_path() / ("checkout_bench_" + newUuid() + ".db")).string();
  WallClock clock;
  std::printf("checkout bench: %ld customers, %ld past sales, db %s\n", customers, sales, path.c_str());
  cartFigure();

  // Opened as the kiosk opens it: no checkpoint inside a commit at the counter;
  // a worker checkpoints every few seconds on its own connection (below).
  storage::OpenOptions opening{storage::OpenMode::Create, /*autoCheckpoint=*/false};
  opening.holdWalFrames = !plainVfs;  // --plain-vfs: each frame written on its own, as SQLite does
  auto db = storage::Database::open(path, opening);
  bool fresh = demo::seedDemoSalon(*db, clock, PinCost::minimum());
  auto t0 = Clock_::now();
  if (fresh) {
    addCustomers(*db, customers);
    demo::seedDemoCheckout(*db, clock, sales, 7);
  }
  db->checkpoint();
  std::printf("seeding:                    %.1f s\n", micros(t0, Clock_::now()) / 1e6);
  auto setup = storage::loadCheckoutSetup(db->sql());
  if (!storage::currentDay(db->sql())) storage::openBusinessDay(*db, "cash", Money(), clock.now(), setup.zone);
  std::string today = storage::currentDay(db->sql())->date;

  // The bench hands ¥5,000 in cash for every sale: allow that much change here.
  setup.policy.maxChange = Money::yuan(5000);
  storage::SaleStore store(*db, setup);
  Staff cashier{"cash", "陈前台", Role::Cashier, "前台", true};
  std::mt19937 rng(99);
  auto checkpointer = std::make_unique<storage::Checkpointer>(path);  // the kiosk's upkeep worker, beside the counter
  // Settles and bare fsyncs interleaved in rounds, so both see the same disk.
  std::vector<double> t, cpu, floor;
  const long rounds = 10;
  for (long round = 0; round < rounds; ++round) {
    for (long i = 0; i < settles / rounds; ++i) {
      SaleRequest r = benchSale(rng, customers);
      auto a = Clock_::now();
      double c = threadCpuMicros();
      store.settle(r, cashier, clock.now());
      cpu.push_back(threadCpuMicros() - c);
      t.push_back(micros(a, Clock_::now()));
    }
    auto f = fsyncFloor(path, static_cast<int>(settles / rounds));
    floor.insert(floor.end(), f.begin(), f.end());
  }
  const double settle50 = percentile(t, 0.5) / 1000, settle99 = percentile(t, 0.99) / 1000;
  const double fsync50 = percentile(floor, 0.5) / 1000, fsync99 = percentile(floor, 0.99) / 1000;
  std::printf("settle durably (fsync):     p50 %.2f ms, p99 %.2f ms over %ld sales\n", settle50, settle99, settles);
  std::printf("settle CPU (this thread):   p50 %.2f ms, p99 %.2f ms (writes included, the disk's wait not)\n",
              percentile(cpu, 0.5) / 1000, percentile(cpu, 0.99) / 1000);
  std::printf("this disk's fsync alone:    p50 %.2f ms, p99 %.2f ms (4 KiB pwrite + fdatasync, %zu times)\n", fsync50,
              fsync99, floor.size());
  std::printf("settle/fsync p50 ratio: %.1fx (goal <= 2.0x); p99 difference: %+.2f ms (goal <= +2 ms)\n",
              fsync50 > 0 ? settle50 / fsync50 : 0.0, settle99 - fsync99);

  checkpointer.reset();
  quietSpell(path, store, cashier, rng, customers, clock);

  // The same work without the fsync: what the settle itself costs, apart from the disk.
  db->sql().exec("PRAGMA synchronous = OFF");
  t.clear();
  for (long i = 0; i < settles; ++i) {
    SaleRequest r = benchSale(rng, customers);
    auto a = Clock_::now();
    store.settle(r, cashier, clock.now());
    t.push_back(micros(a, Clock_::now()));
  }
  db->sql().exec("PRAGMA synchronous = FULL");
  std::printf("settle, fsync off (work):   p50 %.2f ms, p99 %.2f ms\n", percentile(t, 0.5) / 1000, percentile(t, 0.99) / 1000);

  auto a = Clock_::now();
  ZReport z = storage::zReport(db->sql(), today, setup.policy);
  auto b = Clock_::now();
  std::printf("Z report (%s, %d sales): %.2f ms (target <= 100 ms)\n", today.c_str(), z.sales, micros(a, b) / 1000);
  CivilDate d;
  parseDate(today, d);
  std::string from = formatDate(civilFromDays(daysFromCivil(d) - 365));
  a = Clock_::now();
  auto staff = storage::staffReport(db->sql(), from, today, setup.policy);
  b = Clock_::now();
  std::printf("staff report %s..%s (%zu staff): %.2f ms (target <= 1000 ms)\n", from.c_str(), today.c_str(), staff.size(),
              micros(a, b) / 1000);
  db.reset();
  if (temp) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  return 0;
}
