// Customer lookup on a demo-data database: p50/p99 of each lookup the counter
// uses (limit 50), opening a file with ≥ 50 visits, and how long generating the
// customers took.
//   customers_bench                       10,000 customers (CI smoke run)
//   customers_bench --customers 1000000   the full-size run
//   customers_bench --db FILE             reuse a database made earlier
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "storage/demo/demo_customers.h"
#include "storage/demo/demo_salon.h"
#include "storage/customer_directory.h"
#include "storage/customer_store.h"

namespace {

using salon::Instant;
using Ms = std::chrono::duration<double, std::milli>;

class WallClock : public salon::Clock {
 public:
  Instant now() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

struct Args {
  long customers = 10000;
  unsigned long seed = 1;
  int queries = 300;
  std::string db;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--customers")) a.customers = std::atol(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) a.seed = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--queries")) a.queries = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--db")) a.db = argv[i + 1];
  }
  return a;
}

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

// Wall time is what the counter feels; CPU time (this thread only) shows the cost
// without the waits of a machine shared with other work.
void report(const char* what, const std::vector<double>& wall, const std::vector<double>& cpu, double avgResults) {
  std::printf("%-31s wall p50 %6.3f p99 %6.3f ms | cpu p50 %6.3f p99 %6.3f ms | %.1f results\n", what,
              percentile(wall, 0.5), percentile(wall, 0.99), percentile(cpu, 0.5), percentile(cpu, 0.99), avgResults);
}

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Times `fn` on each query (after one untimed warm-up pass over a few); returns
// the average number of results, so the smoke run can see lookups find things.
double timeLookups(const char* what, const std::vector<std::string>& queries,
                 const std::function<std::size_t(const std::string&)>& fn) {
  for (std::size_t i = 0; i < std::min<std::size_t>(queries.size(), 20); ++i) fn(queries[i]);
  std::vector<double> wall, cpu;
  std::size_t results = 0;
  for (const std::string& q : queries) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = threadCpuMs();
    results += fn(q);
    cpu.push_back(threadCpuMs() - c0);
    wall.push_back(Ms(std::chrono::steady_clock::now() - t0).count());
  }
  double avg = static_cast<double>(results) / static_cast<double>(queries.size());
  report(what, wall, cpu, avg);
  return avg;
}

std::vector<std::string> column(salon::storage::Database& db, const std::string& sql) {
  std::vector<std::string> out;
  SQLite::Statement q(db.sql(), sql);
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

// The first `n` characters of a UTF-8 name.
std::string firstChars(const std::string& s, int n) {
  std::size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(0, i);
}

}  // namespace

int main(int argc, char** argv) {
  Args a = parse(argc, argv);
  WallClock clock;
  std::string dir;
  std::string path = a.db;
  bool fresh = path.empty() || !std::filesystem::exists(path);
  if (path.empty()) {
    char tmpl[] = "/tmp/customers-bench-XXXXXX";
    if (!::mkdtemp(tmpl)) return 1;
    dir = tmpl;
    path = dir + "/bench.db";
  }
  auto db = salon::storage::Database::open(path);
  if (fresh) {
    salon::demo::seedDemoSalon(*db, clock, salon::PinCost::minimum());
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    auto r = salon::demo::seedDemoCustomers(*db, clock, a.customers, a.seed);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    std::printf("generated %lld customers (%lld members, %lld pets, %lld visits) in %.2f s wall, %.2f s CPU\n",
                static_cast<long long>(r.customers), static_cast<long long>(r.members), static_cast<long long>(r.pets),
                static_cast<long long>(r.visits), wall, cpu);
  }
  long total = db->sql().execAndGet("SELECT COUNT(*) FROM customers").getInt64();
  std::printf("database: %s, %ld customers\n", path.c_str(), total);

  salon::NameKeyMaker keys;
  salon::storage::SqliteCustomerDirectory directory(*db, keys);
  salon::storage::SqliteCustomerFileStore store(*db);
  // Queries drawn from real rows, spread over the whole table.
  std::string sample = "SELECT %s FROM customers WHERE id IN (SELECT abs(random()) % " + std::to_string(total) +
                       " + 1 FROM customers LIMIT " + std::to_string(a.queries) + ")";
  auto from = [&](const char* col) {
    char sql[512];
    std::snprintf(sql, sizeof sql, sample.c_str(), col);
    return column(*db, sql);
  };
  std::vector<std::string> names = from("name");
  std::vector<std::string> one, two, three;
  for (const std::string& n : names) {
    one.push_back(firstChars(n, 1));
    two.push_back(firstChars(n, 2));
    three.push_back(firstChars(n, 3));
  }
  auto search = [&](const std::string& q) { return directory.search(q, 50).size(); };
  // Every query comes from a real row, so each kind must find at least that row.
  bool found = true;
  found &= timeLookups("phone, whole", from("phone"), search) >= 1;
  found &= timeLookups("phone, last 4 digits", from("phone_last4"), search) >= 1;
  found &= timeLookups("name, 1 character", one, search) >= 1;
  found &= timeLookups("name, 2 characters", two, search) >= 1;
  found &= timeLookups("name, 3 characters", three, search) >= 1;
  found &= timeLookups("pinyin initials", from("initials"), search) >= 1;
  found &= timeLookups("full pinyin", from("pinyin"), search) >= 1;
  found &= timeLookups("file number", from("file_no"), search) == 1;

  std::vector<std::string> busy = column(*db, "SELECT customer_id FROM customer_visits GROUP BY customer_id"
                                              " HAVING COUNT(*) >= 50 LIMIT 50");
  if (busy.empty()) {
    std::printf("no file with >= 50 visits\n");
    found = false;
  } else {
    std::vector<std::string> opens;
    while (static_cast<int>(opens.size()) < a.queries) opens.insert(opens.end(), busy.begin(), busy.end());
    found &= timeLookups("open a file with >= 50 visits", opens,
                         [&](const std::string& id) { return store.load(std::stoll(id))->visits.size(); }) >= 50;
  }
  if (!dir.empty()) std::filesystem::remove_all(dir);
  if (!found) std::printf("FAILED: a lookup did not find the row it was drawn from\n");
  return found ? 0 : 1;
}
