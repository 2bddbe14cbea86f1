// The drill-down from a day's bar: every entry of that business day, against the
// hand-computed week of report_week_fixture.h.
#include <catch2/catch.hpp>

#include "report_week_fixture.h"
#include "storage/report_book_store.h"

using namespace salon;
using namespace salon::test;

TEST_CASE("day sales: 05-29's sales, the void with who and why, lines and tenders, oldest first") {
  ReportWeek w;
  storage::SqliteReportBook book(*w.db);
  CivilDate d;
  REQUIRE(parseDate("2026-05-29", d));
  std::vector<DaySaleRow> rows = book.daySales(d);
  REQUIRE(rows.size() == 6);  // S1 … S5 and the void of S5
  CHECK(rows[0].items == "储值1000送200");
  CHECK(rows[0].tenders == "card");
  CHECK(rows[0].total == Money(100000));
  CHECK(rows[0].customer == "张三");
  CHECK(rows[0].at == weekDay(1) + kHour);
  CHECK(rows[1].items == "补水护理、洗剪吹");
  CHECK(rows[1].tenders == "stored_value");
  CHECK(rows[1].total == Money(21160));
  CHECK(rows[2].tenders == "wechat,alipay");
  CHECK(rows[2].total == Money(98000));
  CHECK(rows[3].tenders == "package");
  CHECK(rows[3].total == Money(12800));  // a package session: the service's worth, paid from the package
  CHECK(rows[4].kind == "sale");
  CHECK(rows[4].customer.empty());  // a walk-in
  CHECK(rows[4].total == Money(29900));
  CHECK(rows[5].kind == "void");
  CHECK(rows[5].reason == "录错商品");
  CHECK(rows[5].total == Money(-29900));
  CHECK(rows[5].cashier == "cash");
  Money sum;
  for (const DaySaleRow& r : rows) sum += r.total;
  CHECK(sum == Money(100000 + 21160 + 98000 + 12800));  // the day's bar: 2,319.60

  REQUIRE(parseDate("2026-05-31", d));
  rows = book.daySales(d);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].kind == "refund");
  CHECK(rows[0].total == Money(-12800));
  REQUIRE(parseDate("2026-06-02", d));
  CHECK(book.daySales(d).empty());
}
