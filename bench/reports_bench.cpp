// Reports benchmark (issue 16): a year of a busy store — 1,000,000 customers and
// 1,000,000 sales (with lines, staff shares, tenders, voids and refunds, stored
// value, packages, points, staff day totals) written straight into SQLite with
// bulk inserts, then every business report for a month and for the year.
// Goals: ≤ 1 s per report for a month, ≤ 3 s for the year, memory growth ≤ 50 MB.
//   reports_bench [--customers N] [--sales N] [--db PATH] [--only REPORT] [--dump FILE]
// --dump writes every report (month and year) as the CLI's JSON, one per line, so
// two builds can be compared figure by figure (diff), not by the checksum alone
// (the JSON is made inside the timing: time without --dump).
// The generated database is kept (default build/reports_bench.db) and reused
// when it already holds the asked-for sizes, so reruns only time the reports.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>

#include "app/core/report_compliance.h"
#include "app/core/report_customers.h"
#include "app/core/report_sales.h"
#include "app/core/report_staff.h"
#include "app/cli/report_json.h"
#include "storage/report_book_store.h"
#include "storage/sql.h"

using namespace salon;

namespace {

const StoreZone kZone{480};
const CivilDate kFirst{2025, 1, 1};
constexpr int kDays = 365;
constexpr int kStaff = 12;
const char* const kCategories[] = {"hair", "face", "body", "nails", "product"};

struct Sizes {
  long customers = 1'000'000, sales = 1'000'000;
  std::string db = "build/reports_bench.db";
  std::string only;  // one report's name: time that one alone (profiling)
  std::string dump;  // file for every report's JSON
};

long rssKb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

std::string day(int i) { return formatDate(addDays(kFirst, i)); }

void exec(SQLite::Database& db, const std::string& sql) { db.exec(sql); }

void seedCatalogStaffDays(SQLite::Database& db) {
  SQLite::Statement st(db, "INSERT INTO staff (code, name, role, department, pin_hash, active, created_at)"
                           " VALUES (?, ?, 'beautician', '美容部', 'x', 1, 0)");
  for (int i = 0; i < kStaff; ++i) {
    SQLite::bind(st, "b" + std::to_string(i), "美容师" + std::to_string(i));
    st.exec();
    st.reset();
  }
  SQLite::Statement it(db, "INSERT INTO catalog_items (code, name, kind, category, duration_minutes, updated_at)"
                           " VALUES (?, ?, ?, ?, 60, 0)");
  for (int i = 0; i < 40; ++i) {
    const char* cat = kCategories[i % 5];
    SQLite::bind(it, "S" + std::to_string(i), std::string("服务") + std::to_string(i),
                 std::strcmp(cat, "product") ? "service" : "product", cat);
    it.exec();
    it.reset();
  }
  SQLite::Statement d(db, "INSERT INTO business_days (date, opened_at, opened_by, closed_at, closed_by)"
                          " VALUES (?, ?, 'b0', ?, 'b0')");
  for (int i = 0; i < kDays; ++i) {
    Instant open = startOfLocalDay(addDays(kFirst, i), kZone) + 9 * kHour;
    SQLite::bind(d, day(i), open, open + 12 * kHour);
    d.exec();
    d.reset();
  }
}

void seedCustomers(SQLite::Database& db, long n) {
  SQLite::Statement c(db, "INSERT INTO customers (id, file_no, member_no, name, phone, status, created_at, created_by)"
                          " VALUES (?, ?, ?, ?, ?, 'in_force', 0, 'b0')");
  SQLite::Statement m(db, "INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (?, ?, 0, 0)");
  for (long i = 1; i <= n; ++i) {
    char file[40], phone[40];
    std::snprintf(file, sizeof file, "S01-2025-%07ld", i);
    std::snprintf(phone, sizeof phone, "139%08ld", i);
    c.bind(1, static_cast<std::int64_t>(i));
    c.bind(2, file);
    if (i % 3 == 0) c.bind(3, "M" + std::to_string(10000000 + i)); else c.bind(3);
    c.bind(4, "顾客" + std::to_string(i));
    c.bind(5, phone);
    c.exec();
    c.reset();
    if (i % 3 == 0) {
      SQLite::bind(m, static_cast<std::int64_t>(i), i % 9 == 0 ? "silver" : "basic");
      m.exec();
      m.reset();
    }
  }
}


// One generated entry and what it writes.
struct SaleWriter {
  SQLite::Statement sale, line, share, tender, sv, points;
  std::map<std::pair<int, int>, std::pair<std::int64_t, std::int64_t>> staffDays;  // (day, staff) → 业绩, 手工
  explicit SaleWriter(SQLite::Database& db)
      : sale(db, "INSERT INTO sales (id, kind, reverses, business_day, completed_at, recorded_at, cashier, customer_id,"
                 " gross, benefits, line_discounts, order_discount, subtotal, tax, tax_inclusive, rounding, total,"
                 " change_given, points_earned, reason, approved_by, fingerprint, points_after, sv_principal_after,"
                 " sv_bonus_after, arrears_after) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 'b0', ?6, ?7, ?8, 0, 0, ?7, 0, 1, 0,"
                 " ?7, 0, 0, ?9, ?10, 'f', 0, 0, 0, 0)"),
        line(db, "INSERT INTO sale_lines (sale_id, line_no, item_code, name, category, kind, qty, unit_price, gross,"
                 " benefit, benefit_amount, manual_discount, adjustment, net) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0, 0, ?)"),
        share(db, "INSERT INTO sale_line_staff (sale_id, line_no, pos, staff, share_bp) VALUES (?, ?, 1, ?, 10000)"),
        tender(db, "INSERT INTO sale_tenders (sale_id, seq, type, amount, handed, ref, principal, bonus, points,"
                   " package_id, sessions, line_no, reverses_tender) VALUES (?, 1, ?, ?, 0, '', 0, 0, 0, '', 0, 0, 0)"),
        sv(db, "INSERT INTO stored_value_ledger (customer_id, sale_id, principal_delta, bonus_delta, kind, at)"
               " VALUES (?, ?, ?, ?, ?, ?)"),
        points(db, "INSERT INTO points_ledger (customer_id, sale_id, delta, kind, at) VALUES (?, ?, ?, 'earn', ?)") {}

  void header(const std::string& id, const char* kind, const std::string& reverses, int d, Instant at,
              std::int64_t customer, std::int64_t total, const char* reason) {
    sale.bind(1, id);
    sale.bind(2, kind);
    if (reverses.empty()) sale.bind(3); else sale.bind(3, reverses);
    sale.bind(4, day(d));
    sale.bind(5, at);
    if (customer) sale.bind(6, customer); else sale.bind(6);
    sale.bind(7, total);
    sale.bind(8, 0);
    sale.bind(9, reason);
    sale.bind(10, *reason ? "b0" : "");
    sale.exec();
    sale.reset();
  }
  void oneLine(const std::string& id, int no, int item, int qty, std::int64_t price, int staff, int d) {
    const char* cat = kCategories[item % 5];
    bool service = std::strcmp(cat, "product") != 0;
    SQLite::bind(line, id, no, "S" + std::to_string(item), std::string("服务") + std::to_string(item), cat,
                 service ? "service" : "product", qty, price, price * qty, price * qty);
    line.exec();
    line.reset();
    SQLite::bind(share, id, no, "b" + std::to_string(staff));
    share.exec();
    share.reset();
    auto& t = staffDays[{d, staff}];
    t.first += price * qty;
    if (service) t.second += price * qty;
  }
  void pay(const std::string& id, const char* type, std::int64_t amount) {
    SQLite::bind(tender, id, type, amount);
    tender.exec();
    tender.reset();
  }
};

const char* tenderOf(unsigned r) {
  r %= 100;
  return r < 50 ? "wechat" : r < 70 ? "alipay" : r < 85 ? "cash" : r < 95 ? "card" : "stored_value";
}

void seedSales(SQLite::Database& db, const Sizes& z) {
  SaleWriter w(db);
  std::mt19937 rng(16);
  long hot = z.customers * 3 / 10;
  for (long i = 0; i < z.sales; ++i) {
    int d = static_cast<int>(i * kDays / z.sales);
    Instant at = startOfLocalDay(addDays(kFirst, d), kZone) + 10 * kHour + static_cast<Instant>(rng() % (10 * kHour));
    std::int64_t customer = rng() % 10 < 6 ? 1 + static_cast<long>(rng() % hot) : 1 + static_cast<long>(rng() % z.customers);
    if (rng() % 10 == 0) customer = 0;  // walk-in
    std::string id = "s" + std::to_string(i);
    int lines = rng() % 10 < 3 ? 2 : 1, staff = static_cast<int>(rng() % kStaff);
    std::int64_t total = 0;
    std::vector<std::pair<int, std::int64_t>> items;
    for (int l = 0; l < lines; ++l) {
      items.push_back({static_cast<int>(rng() % 40), 5000 + 100 * static_cast<std::int64_t>(rng() % 250)});
      total += items.back().second;
    }
    w.header(id, "sale", "", d, at, customer, total, "");
    for (int l = 0; l < lines; ++l) w.oneLine(id, l + 1, items[l].first, 1, items[l].second, staff, d);
    const char* type = customer ? tenderOf(rng()) : "cash";
    w.pay(id, type, total);
    if (!std::strcmp(type, "stored_value")) {
      SQLite::bind(w.sv, customer, id, -total * 5 / 6, -(total - total * 5 / 6), "spend", at);
      w.sv.exec();
      w.sv.reset();
    } else if (customer && customer % 3 == 0) {
      SQLite::bind(w.points, customer, id, total / 100, at);
      w.points.exec();
      w.points.reset();
    }
    if (i % 97 == 0 && customer) {  // a top-up: 1,000 + 200 bonus
      SQLite::bind(w.sv, customer, id, 100000, 20000, "top_up", at);
      w.sv.exec();
      w.sv.reset();
    }
    if (i % 200 == 7) {  // voided the same day
      std::string v = "v" + std::to_string(i);
      w.header(v, "void", id, d, at + 5 * kMinute, customer, -total, "录错");
      for (int l = 0; l < lines; ++l) w.oneLine(v, l + 1, items[l].first, -1, items[l].second, staff, d);
      w.pay(v, type, -total);
    } else if (i % 300 == 11 && d + 1 < kDays) {  // refunded the next day
      std::string r = "r" + std::to_string(i);
      w.header(r, "refund", id, d + 1, at + kDay, customer, -items[0].second, "不满意");
      w.oneLine(r, 1, items[0].first, -1, items[0].second, staff, d + 1);
      w.pay(r, type, -items[0].second);
    }
  }
  SQLite::Statement t(db, "INSERT INTO staff_day_totals (business_day, staff, performance, service) VALUES (?, ?, ?, ?)");
  for (const auto& [key, v] : w.staffDays) {
    SQLite::bind(t, day(key.first), "b" + std::to_string(key.second), v.first, v.second);
    t.exec();
    t.reset();
  }
}

bool alreadyMade(const Sizes& z) {
  if (!std::filesystem::exists(z.db)) return false;
  SQLite::Database db(z.db, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT COUNT(*) FROM sales WHERE kind = 'sale'").getInt64() == z.sales &&
         db.execAndGet("SELECT COUNT(*) FROM customers").getInt64() == z.customers;
}

void generate(const Sizes& z) {
  std::filesystem::remove(z.db);
  std::filesystem::remove(z.db + "-wal");
  auto t0 = std::chrono::steady_clock::now();
  auto db = storage::Database::open(z.db);
  SQLite::Database& s = db->sql();
  exec(s, "PRAGMA synchronous = OFF");
  exec(s, "INSERT OR IGNORE INTO member_tiers (code, name, rank) VALUES ('basic', '普通会员', 0), ('silver', '银卡', 1)");
  exec(s, "BEGIN");
  seedCatalogStaffDays(s);
  seedCustomers(s, z.customers);
  seedSales(s, z);
  exec(s, "COMMIT");
  exec(s, "ANALYZE");
  std::printf("generated %ld customers, %ld sales in %.1f s\n", z.customers, z.sales,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

double timed(const std::function<void()>& fn) {
  auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  Sizes z;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--customers")) z.customers = std::stol(argv[i + 1]);
    if (!std::strcmp(argv[i], "--sales")) z.sales = std::stol(argv[i + 1]);
    if (!std::strcmp(argv[i], "--db")) z.db = argv[i + 1];
    if (!std::strcmp(argv[i], "--only")) z.only = argv[i + 1];
    if (!std::strcmp(argv[i], "--dump")) z.dump = argv[i + 1];
  }
  if (!alreadyMade(z)) generate(z);
  auto t0 = std::chrono::steady_clock::now();
  auto db = storage::Database::open(z.db, {storage::OpenMode::Existing});
  // A database made before a migration is brought up to date here: say how long it took.
  std::printf("opened (migrations included) in %.1f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  long rss0 = rssKb();  // the reports' growth, not the one-off migration's
  storage::SqliteReportBook book(*db);
  const ReportPeriod month = parsePeriod("2025-06-01", "2025-06-30"), year = parsePeriod("2025-01-01", "2025-12-31");
  Instant now = startOfLocalDay({2026, 1, 15}, kZone);
  std::printf("%-14s %10s %10s\n", "report", "month s", "year s");
  bool ok = true;
  auto row = [&](const char* name, const std::function<void(const ReportPeriod&)>& fn) {
    if (!z.only.empty() && z.only != name) return;
    double m = timed([&] { fn(month); }), y = timed([&] { fn(year); });
    ok = ok && m <= 1.0 && y <= 3.0;
    std::printf("%-14s %10.3f %10.3f%s\n", name, m, y, m <= 1.0 && y <= 3.0 ? "" : "  OVER");
  };
  long long sink = 0;
  std::ofstream dump;
  if (!z.dump.empty()) dump.open(z.dump);
  auto out = [&](const char* name, const ReportPeriod& p, const nlohmann::json& j) {
    dump << name << " " << periodLabel(p) << " " << j.dump() << "\n";
  };
  row("sales", [&](const ReportPeriod& p) {
    auto r = salesReport(book, p);
    sink += r.total.fen;
    if (dump.is_open()) out("sales", p, cli::salesJson(r));
  });
  row("staff", [&](const ReportPeriod& p) {
    auto r = staffReport(book, p, RecordingRules{}, now);
    sink += r.commission.fen;
    if (dump.is_open()) out("staff", p, cli::staffReportJson(r));
  });
  row("customers", [&](const ReportPeriod& p) {
    auto r = customersReport(book, p, {2026, 1, 15}, true);
    sink += r.customers;
    if (dump.is_open()) out("customers", p, cli::customersJson(r));
  });
  row("liabilities", [&](const ReportPeriod& p) {
    auto r = liabilitiesReport(book, p.to, &p);
    sink += r.asOf.figures.points;
    if (dump.is_open()) out("liabilities", p, cli::liabilitiesReportJson(r));
  });
  row("compliance", [&](const ReportPeriod& p) {
    auto r = recordKeepingReport(book, p, RecordingRules{}, now);
    sink += r.byClock.size();
    if (dump.is_open()) out("compliance", p, cli::recordKeepingJson(r));
  });
  long growth = (rssKb() - rss0) / 1024;
  std::printf("memory growth: %ld MB (goal <= 50)   [checksum %lld]\n", growth, sink);
  return ok && growth <= 50 ? 0 : 1;
}
