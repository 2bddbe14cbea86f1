// The reports screen's tables as CSV, and the periods its chips stand for.
#include <catch2/catch.hpp>

#include "app/core/report_table.h"

using namespace salon;

namespace {

CivilDate day(const char* s) {
  CivilDate d;
  REQUIRE(parseDate(s, d));
  return d;
}

}  // namespace

TEST_CASE("report CSV: BOM, header, amounts as plain yuan from fen, quoting, CRLF") {
  ReportTable t{"day_sales", "当日销售", {"时间", "顾客", "金额"}, {}};
  t.rows.push_back({ReportCell::of("10:00"), ReportCell::of("张三"), ReportCell::money(Money(100000))});
  t.rows.push_back({ReportCell::of("15:10"), ReportCell::of("李, \"四\""), ReportCell::money(Money(-29900))});
  t.rows.push_back({ReportCell::of("16:00"), ReportCell::of("=HYPERLINK()"), ReportCell::money(Money(5))});
  CHECK(reportCsv(t) ==
        "\xEF\xBB\xBF"
        "时间,顾客,金额\r\n"
        "10:00,张三,1000.00\r\n"
        "15:10,\"李, \"\"四\"\"\",-299.00\r\n"
        "16:00,'=HYPERLINK(),0.05\r\n");
}

TEST_CASE("report CSV: the file is named for the table and the period") {
  ReportTable t{"sales_by_day", "", {}, {}};
  CHECK(reportCsvName(t, parsePeriod("2026-05-29", "2026-06-04")) == "sales_by_day_2026-05-29_2026-06-04.csv");
}

TEST_CASE("report period chips: today, the running week and month, last month") {
  const CivilDate thursday = day("2026-06-04");
  CHECK(periodLabel(periodOf(PeriodChoice::Today, thursday)) == "2026-06-04..2026-06-04");
  CHECK(periodLabel(periodOf(PeriodChoice::ThisWeek, thursday)) == "2026-06-01..2026-06-04");  // from Monday
  CHECK(periodLabel(periodOf(PeriodChoice::ThisWeek, day("2026-06-07"))) == "2026-06-01..2026-06-07");  // Sunday
  CHECK(periodLabel(periodOf(PeriodChoice::ThisWeek, day("2026-06-01"))) == "2026-06-01..2026-06-01");  // Monday
  CHECK(periodLabel(periodOf(PeriodChoice::ThisMonth, thursday)) == "2026-06-01..2026-06-04");
  CHECK(periodLabel(periodOf(PeriodChoice::LastMonth, thursday)) == "2026-05-01..2026-05-31");
  CHECK(periodLabel(periodOf(PeriodChoice::LastMonth, day("2026-01-15"))) == "2025-12-01..2025-12-31");
  CHECK(periodLabel(periodOf(PeriodChoice::LastMonth, day("2028-03-31"))) == "2028-02-01..2028-02-29");
  // The running week is compared with the same days before it.
  CHECK(periodLabel(previousPeriod(periodOf(PeriodChoice::ThisWeek, thursday))) == "2026-05-28..2026-05-31");
}
