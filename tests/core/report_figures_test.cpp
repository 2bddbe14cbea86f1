// The reports' pure parts: periods and their previous period, ± %, month ends,
// commission under the store's rules, and record-keeping summed over a period.
#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "app/core/report_compliance.h"
#include "app/core/report_staff.h"

using namespace salon;

TEST_CASE("report periods: the previous period has the same length and ends the day before") {
  ReportPeriod p = parsePeriod("2026-03-01", "2026-03-31");
  CHECK(periodDays(p) == 31);
  ReportPeriod prev = previousPeriod(p);
  CHECK(formatDate(prev.from) == "2026-01-29");
  CHECK(formatDate(prev.to) == "2026-02-28");
  CHECK(periodLabel(p) == "2026-03-01..2026-03-31");
  auto ends = monthEndsIn(parsePeriod("2026-01-15", "2026-04-30"));
  REQUIRE(ends.size() == 4);
  CHECK(formatDate(ends[1]) == "2026-02-28");
  CHECK(formatDate(ends[3]) == "2026-04-30");
  CHECK_THROWS_AS(parsePeriod("2026-03-02", "2026-03-01"), DomainError);
  CHECK_THROWS_AS(parsePeriod("2026-3-x", "2026-03-01"), DomainError);
  CHECK(periodEnd(p, StoreZone{}) - periodStart(p, StoreZone{}) == 31 * kDay);
}

TEST_CASE("change on the previous period in basis points, none against zero") {
  CHECK(changeBp(11250, 10000) == 1250);
  CHECK(changeBp(8750, 10000) == -1250);
  CHECK(changeBp(1, 3) == -6667);  // −66.666… %
  CHECK(changeBp(2, 3) == -3333);
  CHECK_FALSE(changeBp(500, 0).has_value());
  CHECK(changeBp(-500, -1000) == 5000);  // a smaller loss is up
  CHECK(ratioBp(1, 3) == 3333);
  CHECK(ratioBp(2, 3) == 6667);
  CHECK(ratioBp(5, 0) == 0);
}

TEST_CASE("commission: a fixed amount per service, else the category's percentage, else the store's") {
  CommissionRules rules;
  rules.serviceBp = 1000;
  rules.performanceBp = 300;
  rules.categoryBp["face"] = 1500;
  rules.perService["S-CUT"] = Money(1000);
  CHECK(serviceCommission({"beau", "S-CUT", "hair", Money(8360), 5000}, rules) == Money(500));
  CHECK(serviceCommission({"beau", "S-CUT", "hair", Money(-8800), -10000}, rules) == Money(-1000));
  CHECK(serviceCommission({"beau", "S-FACIAL", "face", Money(12800), 10000}, rules) == Money(1920));
  CHECK(serviceCommission({"beau", "S-NAIL", "nails", Money(5005), 10000}, rules) == Money(501));
  CHECK(performanceCommission(Money(98000), rules) == Money(2940));
  CHECK(performanceCommission(Money(-1050), rules) == Money(-32));
}

TEST_CASE("record-keeping over a period: on-time and error rates per clock and per staff member") {
  const StoreZone zone;
  const Instant day = startOfLocalDay({2026, 5, 4}, zone) + 10 * kHour;
  RecordingRules rules;
  std::vector<RecordedItem> items;
  auto add = [&](RecordingClock c, const std::string& staff, Instant at, std::int64_t tookMs, bool corrected) {
    RecordedItem i{startDeadline(c, rules, at, "sale", std::to_string(items.size()), staff, "前台"), corrected};
    i.deadline.doneAt = at + tookMs;
    items.push_back(i);
  };
  // 4 consumption records in May (one late, one corrected), one in June, outside.
  add(RecordingClock::Consumption, "cash", day, kMinute, false);
  add(RecordingClock::Consumption, "cash", day + 20 * kDay, 11 * kMinute, false);
  add(RecordingClock::Consumption, "cash", day + 26 * kDay, kMinute, true);
  add(RecordingClock::Consumption, "beau", day + 2 * kDay, kMinute, false);
  add(RecordingClock::Consumption, "beau", day + 30 * kDay, kMinute, false);
  add(RecordingClock::ServiceDetails, "beau", day, 20 * kMinute, false);
  RecordKeepingReport r = recordKeepingReport(items, parsePeriod("2026-05-01", "2026-05-31"), day + 60 * kDay, zone);
  REQUIRE(r.byClock.size() == 2);
  const ComplianceRow& c = r.byClock[0].clock == "consumption" ? r.byClock[0] : r.byClock[1];
  CHECK(c.due == 4);
  CHECK(c.onTime == 3);
  CHECK(c.onTimeBp() == 7500);
  CHECK(c.errorBp() == 2500);
  CHECK_FALSE(c.meetsOnTimeTarget());
  CHECK(c.period == "2026-05-01..2026-05-31");
  int cashDue = 0;
  for (const auto& s : r.byStaff)
    if (s.who == "cash" && s.clock == "consumption") cashDue = s.due;
  CHECK(cashDue == 3);
}
