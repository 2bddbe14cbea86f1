// The customers' and liabilities' items of migration report_year_items (each
// customer's first entry and first sale; ledgers and members per hour), kept by
// triggers through files, member numbers, memberships and ledger entries coming
// and going: equal to their recomputation (`verify`), and the figures read from
// them equal to those read from the raw rows — liabilities at instants inside an
// hour and on it (storage::liabilitiesAt), new customers with a business day
// kept open past midnight (the query the items replace).
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "report_week_fixture.h"
#include "storage/import_liabilities.h"
#include "storage/report_book_store.h"
#include "storage/sql.h"
#include "storage/verify.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::test;

namespace {

const StoreZone kZone{480};
const Instant kDay1 = startOfLocalDay({2026, 6, 1}, kZone);

struct ItemsDb {
  TempDir dir;
  std::unique_ptr<storage::Database> db = storage::Database::open(dir.file("salon.db"));
  std::mt19937 rng{17};
  int sales = 0;

  void exec(const std::string& sql) { db->sql().exec(sql); }
  std::string n(std::int64_t v) { return std::to_string(v); }
  Instant someTime() { return kDay1 + static_cast<Instant>(rng() % static_cast<unsigned>(3 * kDay / kMinute)) * kMinute + rng() % 60000; }

  ItemsDb() {
    exec("INSERT INTO staff (code, name, role, department, pin_hash, active, created_at) VALUES"
         " ('b0', 'b0', 'beautician', '', 'x', 1, 0)");
    exec("INSERT OR IGNORE INTO member_tiers (code, name, rank) VALUES ('basic', '普通会员', 0)");
    for (const char* d : {"2026-05-31", "2026-06-01", "2026-06-02", "2026-06-03"})
      exec(std::string("INSERT INTO business_days (date, opened_at, opened_by, closed_at, closed_by) VALUES ('") + d +
           "', 0, 'b0', 1, 'b0')");
  }

  void customer(int id, bool memberNo) {
    exec("INSERT INTO customers (id, file_no, member_no, name, phone, status, created_at, created_by) VALUES (" + n(id) +
         ", 'F" + n(id) + "', " + (memberNo ? "'M" + n(id) + "'" : "NULL") + ", 'c', '138" + n(10000000 + id) +
         "', 'in_force', " + n(someTime()) + ", 'b0')");
  }

  void entry(const char* kind, int customer, const std::string& day, Instant at) {
    std::string id = "e" + n(++sales);
    exec("INSERT INTO sales (id, kind, business_day, completed_at, recorded_at, cashier, customer_id, gross, benefits,"
         " line_discounts, order_discount, subtotal, tax, tax_inclusive, rounding, total, change_given, points_earned,"
         " reason, approved_by, fingerprint, points_after, sv_principal_after, sv_bonus_after, arrears_after) VALUES ('" +
         id + "', '" + kind + "', '" + day + "', " + n(at) + ", " + n(at) + ", 'b0', " + n(customer) +
         ", 100, 0, 0, 0, 100, 0, 1, 0, 100, 0, 0, '', '', 'f', 0, 0, 0, 0)");
  }

  void ledgers(int customer, Instant at) {
    exec("INSERT INTO stored_value_ledger (customer_id, sale_id, principal_delta, bonus_delta, kind, at) VALUES (" +
         n(customer) + ", 'x', " + n(static_cast<int>(rng() % 20000) - 5000) + ", " + n(static_cast<int>(rng() % 3000)) + ", 'top_up', " +
         n(at) + ")");
    exec("INSERT INTO points_ledger (customer_id, delta, kind, at) VALUES (" + n(customer) + ", " +
         n(static_cast<int>(rng() % 500) - 100) + ", 'earn', " + n(at) + ")");
    exec("INSERT INTO arrears_ledger (customer_id, sale_id, delta, kind, at) VALUES (" + n(customer) + ", 'x', " +
         n(static_cast<int>(rng() % 9000)) + ", 'owe', " + n(at) + ")");
  }
};

std::string problem(storage::Database& db) {
  for (const auto& l : storage::verifyDatabase(db).ledgers)
    if (l.name == "report_year_items") return l.ok ? "" : l.problem;
  return "not run";
}

}  // namespace

TEST_CASE("liabilities from the per-hour items: the same as from the raw ledgers, through member changes") {
  ItemsDb d;
  for (int i = 1; i <= 60; ++i) d.customer(i, i % 3 == 0);
  for (int i = 0; i < 200; ++i) d.ledgers(1 + static_cast<int>(d.rng() % 60), d.someTime());
  d.exec("INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (1, 'basic', 0, 0), (3, 'basic', 0, 0),"
         " (4, 'basic', 0, 0), (5, 'basic', 0, 0)");
  d.exec("UPDATE customers SET member_no = 'M1' WHERE id = 1");                    // had a membership already
  d.exec("UPDATE customers SET member_no = 'M2' WHERE id = 2");                    // a new member
  d.exec("UPDATE customers SET member_no = NULL WHERE id = 6");                    // no longer one
  d.exec("UPDATE customers SET created_at = created_at + 86400000 WHERE id IN (9, 10)");  // moved in time
  d.exec("DELETE FROM memberships WHERE customer_id IN (4, 3)");
  d.exec("INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (7, 'basic', 0, 0)"
         " ON CONFLICT (customer_id) DO UPDATE SET updated_at = 1");
  d.exec("UPDATE memberships SET customer_id = 8 WHERE customer_id = 5");
  CHECK(problem(*d.db) == "");
  storage::SqliteReportBook book(*d.db);
  for (int i = 0; i < 40; ++i) {
    Instant t = i % 4 == 0 ? (d.someTime() / kHour) * kHour : d.someTime();
    INFO("before " << t);
    storage::Liabilities raw = storage::liabilitiesAt(d.db->sql(), t);
    LiabilitiesFigures kept = book.liabilitiesBefore(t);
    CHECK(kept.svPrincipal.fen == raw.svPrincipal.fen);
    CHECK(kept.svBonus.fen == raw.svBonus.fen);
    CHECK(kept.points == raw.points);
    CHECK(kept.arrears.fen == raw.arrears.fen);
    CHECK(kept.members == raw.members);
    CHECK(kept.packageSessions == raw.packageSessions);
  }
  // Members per tier: those without a membership row on the lowest tier, as the query over every file.
  d.exec("INSERT INTO member_tiers (code, name, rank) VALUES ('gold', '金卡', 2)");
  d.exec("INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (11, 'gold', 0, 0)");
  std::map<std::string, std::int64_t> byFile;
  SQLite::Statement q(d.db->sql(), "SELECT COALESCE(m.tier_code, (SELECT code FROM member_tiers ORDER BY rank LIMIT 1), ''),"
                                   " COUNT(*) FROM customers c LEFT JOIN memberships m ON m.customer_id = c.id"
                                   " WHERE c.member_no IS NOT NULL OR m.customer_id IS NOT NULL GROUP BY 1");
  while (q.executeStep()) byFile[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
  auto tiers = book.membersPerTier();
  REQUIRE(tiers.size() == 2);
  for (const NamedAmount& t : tiers) CHECK(t.count == byFile[t.key]);
  CHECK(tiers[0].count > 0);
  d.exec("UPDATE report_hour_members SET members = members + 1 WHERE hour = (SELECT MIN(hour) FROM report_hour_members)");
  CHECK(problem(*d.db).rfind("report_hour_members ", 0) == 0);
}

TEST_CASE("new customers from each customer's first entry: the same as looking back through every sale") {
  ItemsDb d;
  for (int i = 1; i <= 32; ++i) d.customer(i, false);
  const char* days[] = {"2026-05-31", "2026-06-01", "2026-06-02", "2026-06-03"};
  for (int i = 0; i < 120; ++i) {
    int day = static_cast<int>(d.rng() % 4);
    Instant at = startOfLocalDay({2026, 5, 31}, kZone) + day * kDay + 9 * kHour + static_cast<Instant>(d.rng() % 900) * kMinute;
    const char* kind = d.rng() % 6 == 0 ? "refund" : "sale";  // some customers' first entry is not a sale
    d.entry(kind, 1 + static_cast<int>(d.rng() % 30), days[day], at);
  }
  // Kept open past midnight: sales of 06-01 completed on 06-02's local date.
  d.entry("sale", 29, "2026-06-01", startOfLocalDay({2026, 6, 2}, kZone) + 30 * kMinute);
  d.entry("sale", 29, "2026-06-02", startOfLocalDay({2026, 6, 2}, kZone) + 10 * kHour);
  d.entry("sale", 31, "2026-06-01", startOfLocalDay({2026, 6, 2}, kZone) + 40 * kMinute);
  d.entry("sale", 32, "2026-06-01", startOfLocalDay({2026, 6, 2}, kZone) + 50 * kMinute);
  d.entry("sale", 32, "2026-06-03", startOfLocalDay({2026, 6, 3}, kZone) + 10 * kHour);
  CHECK(problem(*d.db) == "");
  storage::SqliteReportBook book(*d.db);
  for (auto [from, to] : {std::pair{"2026-06-02", "2026-06-02"}, {"2026-06-02", "2026-06-03"}, {"2026-05-31", "2026-06-03"},
                          {"2026-06-01", "2026-06-01"}, {"2026-06-03", "2026-06-03"}}) {
    ReportPeriod p = parsePeriod(from, to);
    SQLite::Statement q(d.db->sql(), "SELECT COUNT(*) FROM (SELECT DISTINCT customer_id AS cid FROM sales"
                                     " WHERE business_day BETWEEN ?1 AND ?2 AND kind = 'sale' AND customer_id IS NOT NULL)"
                                     " WHERE NOT EXISTS (SELECT 1 FROM sales e WHERE e.customer_id = cid AND e.completed_at < ?3)");
    SQLite::bind(q, from, to, periodStart(p, kZone));
    q.executeStep();
    INFO(from << ".." << to);
    CHECK(book.newCustomers(p) == q.getColumn(0).getInt64());
  }
  d.exec("UPDATE report_customer_firsts SET first_sale_day = '2026-06-03' WHERE customer_id = 31");
  CHECK(problem(*d.db) == "report_customer_firsts 31: first_sale_day 2026-06-03 != rows 2026-06-01");
}

TEST_CASE("the year items are kept by the checkout's own writes: the hand-computed week's sales, void and refund") {
  ReportWeek w;
  CHECK(problem(*w.db) == "");
  // Services owed details: A0 (2 staff), S2 (3 shares), S3's and S4's 补水护理 ... S7 (1); S5 was a product, voided.
  SQLite::Statement q(w.db->sql(), "SELECT COALESCE(SUM(duties), 0) FROM report_hour_service_duties");
  q.executeStep();
  SQLite::Statement raw(w.db->sql(), "SELECT COUNT(*) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
                                     " JOIN sale_line_staff ls ON ls.sale_id = s.id AND ls.line_no = l.line_no"
                                     " WHERE s.kind = 'sale' AND l.kind = 'service'");
  raw.executeStep();
  CHECK(q.getColumn(0).getInt64() == raw.getColumn(0).getInt64());
  CHECK(q.getColumn(0).getInt64() > 0);
  SQLite::Statement firsts(w.db->sql(), "SELECT COUNT(*) FROM report_customer_firsts");
  firsts.executeStep();
  CHECK(firsts.getColumn(0).getInt() == 2);  // 张三 and 李四
}
