#include <catch2/catch.hpp>

#include "app/core/compliance.h"
#include "app/core/recording_deadline.h"

using namespace salon;

namespace {

const StoreZone kZone{480};
// 2026-11-16 (a Monday) 10:00 in the store.
const Instant kMonday = startOfLocalDay({2026, 11, 16}, kZone) + 10 * kHour;

RecordedItem item(RecordingClock c, const std::string& staff, const std::string& dept, Instant started,
                  std::optional<std::int64_t> doneAfter, bool corrected = false) {
  RecordingRules rules;
  RecordedItem i{startDeadline(c, rules, started, "sale", staff + std::to_string(started), staff, dept), corrected};
  if (doneAfter) i.deadline.doneAt = started + *doneAfter;
  return i;
}

const ComplianceRow* find(const ComplianceReport& r, const std::string& clock, const std::string& groupBy,
                          const std::string& who, const std::string& period) {
  for (const auto& row : r.rows)
    if (row.clock == clock && row.groupBy == groupBy && row.who == who && row.period == period) return &row;
  return nullptr;
}

}  // namespace

TEST_CASE("each recording clock has the salon's length") {
  RecordingRules rules;
  CHECK(startDeadline(RecordingClock::Consumption, rules, 0, "", "", "", "").dueAt == 10 * kMinute);
  CHECK(startDeadline(RecordingClock::ServiceDetails, rules, 0, "", "", "", "").dueAt == 30 * kMinute);
  CHECK(startDeadline(RecordingClock::Dispute, rules, 0, "", "", "", "").dueAt == 24 * kHour);
  rules.complaint = 72 * kHour;
  CHECK(startDeadline(RecordingClock::Complaint, rules, 0, "", "", "", "").dueAt == 72 * kHour);
}

TEST_CASE("a deadline runs, falls overdue, and is judged by when it was done") {
  RecordingDeadline d = startDeadline(RecordingClock::ServiceDetails, {}, kMonday, "service_line", "7", "beau", "美容部");
  CHECK(statusAt(d, kMonday + 29 * kMinute) == DeadlineStatus::Running);
  CHECK(statusAt(d, kMonday + 30 * kMinute) == DeadlineStatus::Running);  // exactly on the minute is on time
  CHECK(statusAt(d, kMonday + 30 * kMinute + 1) == DeadlineStatus::Overdue);
  CHECK(formatCountdown(remaining(d, kMonday + 17 * kMinute + 55 * kSecond)) == "12:05");
  CHECK(formatCountdown(remaining(d, kMonday + 33 * kMinute + 10 * kSecond)) == "-3:10");
  d.doneAt = kMonday + 30 * kMinute;
  CHECK(statusAt(d, kMonday + 5 * kHour) == DeadlineStatus::DoneOnTime);
  d.doneAt = kMonday + 31 * kMinute;
  CHECK(statusAt(d, kMonday + 5 * kHour) == DeadlineStatus::DoneLate);
  CHECK(formatCountdown(23 * kHour + 59 * kMinute) == "23:59:00");
}

TEST_CASE("ISO week labels") {
  CHECK(isoWeekLabel({2026, 11, 16}) == "2026-W47");
  CHECK(isoWeekLabel({2026, 11, 22}) == "2026-W47");  // Sunday ends the week
  CHECK(isoWeekLabel({2026, 11, 23}) == "2026-W48");
  CHECK(isoWeekLabel({2027, 1, 1}) == "2026-W53");    // a Friday: still 2026's last week
  CHECK(isoWeekLabel({2024, 12, 30}) == "2025-W01");
}

TEST_CASE("compliance figures match a hand-computed fixture") {
  using RC = RecordingClock;
  // Week 47 (16–22 Nov 2026), store time. Cashier "cash" (前台): 50 consumption records,
  // 49 on time, 1 entered 12 minutes after the sale; 1 of the 50 later corrected.
  // Beautician "beau" (美容部): 4 service-details records: 3 on time, 1 never done.
  std::vector<RecordedItem> items;
  for (int i = 0; i < 49; ++i) items.push_back(item(RC::Consumption, "cash", "前台", kMonday + i * kHour, 0, i == 10));
  items.push_back(item(RC::Consumption, "cash", "前台", kMonday + 60 * kHour, 12 * kMinute));
  for (int i = 0; i < 3; ++i) items.push_back(item(RC::ServiceDetails, "beau", "美容部", kMonday + i * kHour, 25 * kMinute));
  items.push_back(item(RC::ServiceDetails, "beau", "美容部", kMonday + 5 * kHour, std::nullopt));
  // Outside the period: ignored.
  items.push_back(item(RC::Consumption, "cash", "前台", kMonday - 3 * kDay, 50 * kMinute));

  Instant from = startOfLocalDay({2026, 11, 16}, kZone), to = startOfLocalDay({2026, 11, 23}, kZone);
  ComplianceReport r = computeCompliance(items, from, to, to + kDay, kZone, CompliancePeriod::Week);

  const ComplianceRow* cash = find(r, "consumption", "staff", "cash", "2026-W47");
  REQUIRE(cash);
  CHECK(cash->due == 50);
  CHECK(cash->onTime == 49);
  CHECK(cash->onTimeBp() == 9800);  // 98.00 %: meets the target exactly
  CHECK(cash->meetsOnTimeTarget());
  CHECK(cash->made == 50);
  CHECK(cash->corrected == 1);
  CHECK(cash->errorBp() == 200);     // 2.00 %: misses the < 1 % target
  CHECK_FALSE(cash->meetsErrorTarget());

  const ComplianceRow* beau = find(r, "service_details", "department", "美容部", "2026-W47");
  REQUIRE(beau);
  CHECK(beau->due == 4);
  CHECK(beau->onTime == 3);
  CHECK(beau->onTimeBp() == 7500);
  CHECK(beau->made == 3);
  CHECK(formatBasisPoints(beau->onTimeBp()) == "75.00%");

  const ComplianceRow* store = find(r, "consumption", "store", "*", "2026-W47");
  REQUIRE(store);
  CHECK(store->due == 50);

  int late = 0, overdue = 0, corrected = 0;
  for (const auto& m : r.misses) {
    late += m.why == "late";
    overdue += m.why == "overdue";
    corrected += m.why == "corrected";
  }
  CHECK(late == 1);
  CHECK(overdue == 1);
  CHECK(corrected == 1);
}

TEST_CASE("a record still within its clock is not yet due") {
  std::vector<RecordedItem> items = {item(RecordingClock::ServiceDetails, "beau", "美容部", kMonday, std::nullopt)};
  Instant from = kMonday - kDay, to = kMonday + kDay;
  ComplianceReport running = computeCompliance(items, from, to, kMonday + 10 * kMinute, kZone, CompliancePeriod::Month);
  CHECK(running.rows.empty());
  ComplianceReport later = computeCompliance(items, from, to, kMonday + 31 * kMinute, kZone, CompliancePeriod::Month);
  REQUIRE(find(later, "service_details", "staff", "beau", "2026-11"));
  CHECK(find(later, "service_details", "staff", "beau", "2026-11")->onTime == 0);
}
