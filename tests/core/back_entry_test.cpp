// core/back_entry.h: the bounds of a back-entry's completion time, the time of day
// typed at the counter, the 10-minute clock and the reason's size.
#include <catch2/catch.hpp>

#include "app/core/back_entry.h"
#include "app/core/error.h"

using namespace salon;

namespace {
const StoreZone kZone{};
// 2026-05-29 09:00 in the store's zone (+08:00).
const Instant kNine = startOfLocalDay(CivilDate{2026, 5, 29}, kZone) + 9 * kHour;

BusinessDay openAt(Instant t) {
  BusinessDay d;
  d.date = "2026-05-29";
  d.openedAt = t;
  return d;
}
}  // namespace

TEST_CASE("a back-entry is taken from the day's opening until now") {
  const Instant now = kNine + 3 * kHour;
  const auto day = std::optional<BusinessDay>(openAt(kNine));
  CHECK(earliestBackEntry(*day) == kNine);
  CHECK_NOTHROW(checkBackEntryTime(kNine, day, now, kZone));
  CHECK_NOTHROW(checkBackEntryTime(now, day, now, kZone));
  CHECK_THROWS_WITH(checkBackEntryTime(now + 1, day, now, kZone), Catch::Contains("completed_in_future"));
  try {
    checkBackEntryTime(kNine - kMinute, day, now, kZone);
    FAIL("taken");
  } catch (const DomainError& e) {
    CHECK(e.code() == "back_entry_before_day");
    CHECK(e.detail() == "09:00");
  }
  CHECK_THROWS_WITH(checkBackEntryTime(kNine, std::nullopt, now, kZone), Catch::Contains("day_not_open"));
  BusinessDay closed = openAt(kNine);
  closed.closedAt = now;
  CHECK_THROWS_WITH(checkBackEntryTime(kNine, closed, now, kZone), Catch::Contains("day_not_open"));
}

TEST_CASE("a time of today typed as HHMM") {
  const Instant now = kNine + 3 * kHour + 17 * kSecond;
  CHECK(todayAt("1405", now, kZone) == kNine + 5 * kHour + 5 * kMinute);
  CHECK(todayAt("14:05", now, kZone) == kNine + 5 * kHour + 5 * kMinute);
  CHECK(todayAt("905", now, kZone) == kNine + 5 * kMinute);
  CHECK(todayAt("0000", now, kZone) == kNine - 9 * kHour);
  CHECK_FALSE(todayAt("2400", now, kZone));
  CHECK_FALSE(todayAt("1260", now, kZone));
  CHECK_FALSE(todayAt("12", now, kZone));
  CHECK_FALSE(todayAt("12a5", now, kZone));
  CHECK(clockTime(kNine + 5 * kHour + 5 * kMinute, kZone) == "14:05");
}

TEST_CASE("a back-entry is late when recorded more than 10 minutes after completion") {
  CHECK_FALSE(recordedLate(kNine, kNine));
  CHECK_FALSE(recordedLate(kNine, kNine + 10 * kMinute));
  CHECK(recordedLate(kNine, kNine + 10 * kMinute + 1));
  CHECK(recordedLate(kNine, kNine + 2 * kHour));
}

TEST_CASE("a back-entry's reason is trimmed, never blank, and bounded") {
  CHECK(backEntryReason("  忘记录入 ") == "忘记录入");
  CHECK_THROWS_WITH(backEntryReason(" \t"), Catch::Contains("back_entry_reason_required"));
  CHECK(backEntryReason(std::string(kBackEntryReasonMax, 'x')).size() == kBackEntryReasonMax);
  CHECK_THROWS_WITH(backEntryReason(std::string(kBackEntryReasonMax + 1, 'x')), Catch::Contains("back_entry_reason_too_long"));
}
