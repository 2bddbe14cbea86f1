// Every figure of the business reports against the hand-computed week of
// report_week_fixture.h (period 05-29..06-04, previous period 05-22..05-28).
#include <catch2/catch.hpp>

#include "app/core/report_compliance.h"
#include "app/core/report_customers.h"
#include "app/core/report_sales.h"
#include "app/core/report_staff.h"
#include "report_week_fixture.h"
#include "storage/report_book_store.h"

using namespace salon;
using namespace salon::test;

namespace {

const ReportPeriod kWeek = parsePeriod("2026-05-29", "2026-06-04");

const NamedAmount& named(const std::vector<NamedAmount>& list, const std::string& key) {
  for (const auto& n : list)
    if (n.key == key) return n;
  FAIL("no " << key);
  return list.front();
}

const StaffReportRow& staffRow(const StaffReport& r, const std::string& code) {
  for (const auto& s : r.rows)
    if (s.staff == code) return s;
  FAIL("no " << code);
  return r.rows.front();
}

}  // namespace

TEST_CASE("sales report: revenue per day against the previous week, categories, services, payment mix") {
  ReportWeek w;
  storage::SqliteReportBook book(*w.db);
  SalesReport r = salesReport(book, kWeek);
  REQUIRE(r.days.size() == 7);
  CHECK(r.days[0].date == "2026-05-29");
  CHECK(r.days[0].amount == Money(100000 + 21160 + 98000 + 12800 + 29900 - 29900));
  CHECK(r.days[1].amount == Money(28900 + 12800));
  CHECK(r.days[2].amount == Money(-12800));
  CHECK(r.days[6].previousDate == "2026-05-28");
  CHECK(r.days[6].previous == Money(8800));
  CHECK(r.total == Money(260860));
  CHECK(r.previousTotal == Money(8800));
  CHECK(r.changeBp == 286432);  // (2,608.60 − 88.00) ÷ 88.00 = +2,864.32 %
  CHECK(r.sales == 7);
  CHECK(r.voids == 1);
  CHECK(r.refunds == 1);
  CHECK(named(r.byCategory, "stored_value").amount == Money(100000));
  CHECK(named(r.byCategory, "face").amount == Money(12800 + 98000 + 12800 + 12800 - 12800));
  CHECK(named(r.byCategory, "face").count == 3);
  CHECK(named(r.byCategory, "hair").amount == Money(8360));
  CHECK(named(r.byCategory, "product").amount == Money(28900));
  REQUIRE(r.topServices.size() == 2);
  CHECK(r.topServices[0].key == "S-FACIAL");
  CHECK(r.topServices[0].amount == Money(25600));
  CHECK(r.topServices[0].count == 2);
  CHECK(r.topServices[1].key == "S-CUT");
  CHECK(r.topServices[1].amount == Money(8360));
  CHECK(named(r.payments, "cash").amount == Money(28900));
  CHECK(named(r.payments, "card").amount == Money(100000));
  CHECK(named(r.payments, "wechat").amount == Money(50000));
  CHECK(named(r.payments, "alipay").amount == Money(48000));
  CHECK(named(r.payments, "stored_value").amount == Money(21160));
  CHECK(named(r.payments, "package").amount == Money(12800));
  CHECK(named(r.payments, "package").count == 1);
  CHECK(named(r.payments, "points").amount == Money(0));
  CHECK(r.moneyTaken == Money(226900));
}

TEST_CASE("sales report: discounts given, voids and refunds with who and why") {
  ReportWeek w;
  storage::SqliteReportBook book(*w.db);
  SalesReport r = salesReport(book, kWeek);
  CHECK(r.benefits == Money(440));  // basic tier: 5 % of 88.00
  CHECK(r.lineDiscounts == Money(1000));
  CHECK(r.orderDiscount == Money(0));
  CHECK(r.discounts() == Money(1440));
  REQUIRE(r.reversals.size() == 2);
  CHECK(r.reversals[0].kind == "void");
  CHECK(r.reversals[0].reason == "录错商品");
  CHECK(r.reversals[0].approvedBy == "mgr");
  CHECK(r.reversals[0].cashier == "cash");
  CHECK(r.reversals[0].total == Money(-29900));
  CHECK(r.reversals[1].kind == "refund");
  CHECK(r.reversals[1].reverses == w.s7);
  CHECK(r.reversals[1].reason == "客户不满意");
  CHECK(r.reversals[1].businessDay == "2026-05-31");
  CHECK(r.reversals[1].total == Money(-12800));
}

TEST_CASE("staff report: 业绩, 手工 and commission under the store's rules, services per hour, rebooking") {
  ReportWeek w;
  storage::SqliteReportBook book(*w.db);
  StaffReport r = staffReport(book, kWeek, RecordingRules{}, weekDay(10));
  const auto& beau = staffRow(r, "beau");
  CHECK(beau.performance == Money(98000));
  CHECK(beau.service == Money(12800 + 4180 + 12800 + 12800 - 12800));
  CHECK(beau.commission == Money(2940 + 3840 + 500));  // 3 % of 业绩, 15 % of face 手工, ½ of a 10.00 cut
  CHECK(beau.servicesX100 == 250);
  CHECK(beau.daysWorked == 3);
  CHECK(beau.servicesPerHourX100 == 7);  // 2.5 services ÷ (3 days × 12 h)
  CHECK(beau.visits == 2);
  CHECK(beau.rebooked == 1);
  CHECK(beau.rebookBp == 5000);
  CHECK(beau.due == 4);  // 补水 ×3 and the shared cut of S2, none recorded: all overdue
  CHECK(beau.onTimeBp == 0);
  const auto& cash = staffRow(r, "cash");
  CHECK(cash.performance == Money(100000 + 29900 - 29900 + 28900));
  CHECK(cash.service == Money(4180));
  CHECK(cash.commission == Money(3867 + 500));
  CHECK(cash.servicesX100 == 50);
  CHECK(cash.daysWorked == 2);
  CHECK(cash.servicesPerHourX100 == 2);
  CHECK(cash.visits == 1);
  CHECK(cash.rebookBp == 10000);
  CHECK(cash.due == 1);
  CHECK(cash.onTimeBp == 0);
  CHECK(r.commission == Money(7280 + 4367));
}

TEST_CASE("customers report: new and returning, days between visits, retention, tiers, top spenders") {
  ReportWeek w;
  storage::SqliteReportBook book(*w.db);
  CustomersReport r = customersReport(book, kWeek, {2026, 9, 30}, true);
  CHECK(r.customers == 2);
  CHECK(r.newOnes == 1);     // 张三; 李四 came on 05-28
  CHECK(r.returning == 1);
  CHECK(r.visits == 3);
  CHECK(r.averageDaysBetweenX100 == 100);
  CHECK(r.retention60.eligible == 2);
  CHECK(r.retention60.returned == 1);
  CHECK(r.retention60.rateBp() == 5000);
  CHECK(r.retention90.rateBp() == 5000);
  CHECK(r.lapsed == 0);
  CHECK(named(r.membersPerTier, "basic").count == 1);
  CHECK(named(r.membersPerTier, "silver").count == 0);
  REQUIRE(r.topCustomers.size() == 2);
  CHECK(r.topCustomers[0].name == "张三");
  CHECK(r.topCustomers[0].spend == Money(100000 + 21160 + 28900));
  CHECK(r.topCustomers[0].visits == 3);
  CHECK(r.topCustomers[1].spend == Money(98000 + 12800));
  CustomersReport hidden = customersReport(book, kWeek, {2026, 9, 30}, false);
  CHECK(hidden.topCustomers[0].name.empty());
  CHECK(hidden.topCustomers[0].fileNo == "S01-2026-000001");
  // A year on, both have lapsed (nothing in the 90 days up to it).
  CHECK(customersReport(book, parsePeriod("2027-05-01", "2027-05-31"), {2027, 6, 1}, true).lapsed == 2);
}

TEST_CASE("liabilities: stored value with its bonus, points, package sessions, as of a day and at month ends") {
  ReportWeek w;
  storage::SqliteReportBook book(*w.db);
  LiabilitiesReport r = liabilitiesReport(book, {2026, 6, 4}, &kWeek);
  const LiabilitiesFigures& l = r.asOf.figures;
  CHECK(l.svPrincipal == Money(100000 - 17633));
  CHECK(l.svBonus == Money(20000 - 3527));
  CHECK(l.points == 176 + 289);  // 1 a yuan on money and principal, never on the top-up
  CHECK(l.packageSessions == 9);
  CHECK(l.packageValue == Money(88200));
  CHECK(l.arrears == Money(0));
  CHECK(l.members == 1);
  REQUIRE(r.monthEnds.size() == 1);
  CHECK(r.monthEnds[0].date == "2026-05-31");
  CHECK(r.monthEnds[0].figures.svPrincipal == Money(82367));
  CHECK(liabilitiesReport(book, {2026, 5, 28}, nullptr).asOf.figures.svPrincipal == Money(0));
}
