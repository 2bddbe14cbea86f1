// The reports' per-day totals (report_day_* tables, kept by triggers with every
// sale, void and refund, and summed in by their migration for older databases)
// against a recomputation from the raw rows, over the hand-computed week of
// report_week_fixture.h (sales on four days, a void, a refund, split tenders, a
// line shared by two staff members, a package session); and `verify` naming a
// total edited by hand.
#include <catch2/catch.hpp>

#include "report_week_fixture.h"
#include "storage/migrations.h"
#include "storage/verify.h"

using namespace salon;
using namespace salon::test;

namespace {

// Every row of a query, each as "a|b|c".
std::vector<std::string> rowsOf(storage::Database& db, const std::string& sql) {
  std::vector<std::string> out;
  SQLite::Statement q(db.sql(), sql);
  while (q.executeStep()) {
    std::string row;
    for (int i = 0; i < q.getColumnCount(); ++i) row += (i ? "|" : "") + q.getColumn(i).getString();
    out.push_back(row);
  }
  return out;
}

struct Kept {
  const char* stored;      // the per-day table, in key order
  const char* recomputed;  // the same figures from the raw rows
};

const Kept kKept[] = {
    {"SELECT business_day, kind, entries, total, benefits, line_discounts, order_discount FROM report_day_sales"
     " ORDER BY 1, 2",
     "SELECT business_day, kind, COUNT(*), SUM(total), SUM(benefits), SUM(line_discounts), SUM(order_discount)"
     " FROM sales GROUP BY 1, 2 ORDER BY 1, 2"},
    {"SELECT business_day, sale_kind, category, item_code, line_kind, name, net, qty FROM report_day_lines"
     " ORDER BY 1, 2, 3, 4, 5",
     "SELECT s.business_day, s.kind, l.category, l.item_code, l.kind, MAX(l.name), SUM(l.net), SUM(l.qty)"
     " FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"},
    {"SELECT business_day, sale_kind, type, entries, amount, sessions, points FROM report_day_tenders ORDER BY 1, 2, 3",
     "SELECT s.business_day, s.kind, t.type, COUNT(*), SUM(t.amount), SUM(t.sessions), SUM(t.points)"
     " FROM sale_tenders t JOIN sales s ON s.id = t.sale_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"},
    {"SELECT business_day, staff, item_code, category, net_bp, units_bp FROM report_day_staff_services"
     " ORDER BY 1, 2, 3, 4",
     "SELECT s.business_day, x.staff, l.item_code, l.category, SUM(l.net * x.share_bp), SUM(l.qty * x.share_bp)"
     " FROM sale_line_staff x JOIN sale_lines l ON l.sale_id = x.sale_id AND l.line_no = x.line_no"
     " JOIN sales s ON s.id = x.sale_id WHERE l.kind = 'service' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"},
    {"SELECT business_day, staff, customer_id, last_at FROM report_day_visits ORDER BY 1, 2, 3",
     "SELECT s.business_day, x.staff, s.customer_id, MAX(s.completed_at)"
     " FROM sale_line_staff x JOIN sale_lines l ON l.sale_id = x.sale_id AND l.line_no = x.line_no"
     " JOIN sales s ON s.id = x.sale_id WHERE l.kind = 'service' AND s.kind = 'sale'"
     " AND s.customer_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"},
};

void checkAgainstRawRows(storage::Database& db) {
  for (const Kept& k : kKept) {
    INFO(k.stored);
    auto stored = rowsOf(db, k.stored);
    CHECK_FALSE(stored.empty());
    CHECK(stored == rowsOf(db, k.recomputed));
  }
}

// What verify says of the per-day totals ("" when sound; "not run" when missing).
// (The week's appointment is inserted bare, without its services, which verify's
// appointments check rightly names: only this check is looked at here.)
std::string dayTotalsProblem(storage::Database& db) {
  for (const auto& l : storage::verifyDatabase(db).ledgers)
    if (l.name == "report_day_totals") return l.ok ? "" : l.problem;
  return "not run";
}

const storage::Migration& dayTotalsMigration() {
  for (const auto& m : storage::migrations())
    if (std::string(m.name).find("report_day_totals") != std::string::npos) return m;
  FAIL("no report_day_totals migration");
  throw 0;
}

}  // namespace

TEST_CASE("per-day totals: kept with every sale, void and refund, equal to the raw rows") {
  ReportWeek w;
  checkAgainstRawRows(*w.db);
  // By hand: 05-29 had five sales (S1 … S5) and the void of S5.
  CHECK(rowsOf(*w.db, "SELECT kind, entries, total FROM report_day_sales WHERE business_day = '2026-05-29'"
                      " ORDER BY kind") ==
        std::vector<std::string>{"sale|5|261860", "void|1|-29900"});
  CHECK(rowsOf(*w.db, "SELECT kind, entries, total FROM report_day_sales WHERE business_day = '2026-05-31'") ==
        std::vector<std::string>{"refund|1|-12800"});
  // 洗剪吹 on S2 shared 50:50 by beau and cash: half a service each, 83.60 × 5000 bp.
  CHECK(rowsOf(*w.db, "SELECT staff, net_bp, units_bp FROM report_day_staff_services WHERE business_day = '2026-05-29'"
                      " AND item_code = 'S-CUT' ORDER BY staff") ==
        std::vector<std::string>{"beau|41800000|5000", "cash|41800000|5000"});
  CHECK(dayTotalsProblem(*w.db) == "");
}

TEST_CASE("per-day totals: verify names a total edited by hand, or one removed") {
  ReportWeek w;
  w.db->sql().exec("UPDATE report_day_tenders SET amount = amount + 100 WHERE business_day = '2026-05-30' AND type = 'card'");
  CHECK(dayTotalsProblem(*w.db) == "report_day_tenders 2026-05-30/sale/card: amount 12900 != rows 12800");
  CHECK_FALSE(storage::verifyDatabase(*w.db).ok());
  w.db->sql().exec("UPDATE report_day_tenders SET amount = amount - 100 WHERE business_day = '2026-05-30' AND type = 'card'");
  CHECK(dayTotalsProblem(*w.db) == "");
  w.db->sql().exec("DELETE FROM report_day_visits WHERE business_day = '2026-05-29'");
  CHECK(dayTotalsProblem(*w.db).rfind("report_day_visits 2026-05-29/", 0) == 0);
  w.db->sql().exec("INSERT INTO report_day_sales VALUES ('2026-06-09', 'sale', 1, 100, 0, 0, 0)");
  CHECK(dayTotalsProblem(*w.db) == "report_day_sales 2026-06-09/sale: without sales");
}

TEST_CASE("per-day totals: the migration sums in the sales a database already holds") {
  ReportWeek w;
  std::vector<std::vector<std::string>> kept;
  for (const Kept& k : kKept) kept.push_back(rowsOf(*w.db, k.stored));
  const storage::Migration& m = dayTotalsMigration();
  std::string path = w.dir.file("salon.db");
  w.db.reset();
  {  // The database as it was before the migration: no per-day tables, no triggers.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    for (const char* t : {"sales", "lines", "tenders", "staff"}) raw.exec(std::string("DROP TRIGGER report_day_") + t + "_keep");
    for (const char* t : {"sales", "lines", "tenders", "staff_services", "visits"})
      raw.exec(std::string("DROP TABLE report_day_") + t);
    raw.exec(m.sql);  // the migration alone (later ones, if any, are not run twice)
  }
  w.db = storage::Database::open(path);
  for (std::size_t i = 0; i < kept.size(); ++i) CHECK(rowsOf(*w.db, kKept[i].stored) == kept[i]);
  checkAgainstRawRows(*w.db);
  CHECK(dayTotalsProblem(*w.db) == "");
}
