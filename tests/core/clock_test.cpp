#include <catch2/catch.hpp>

#include "app/core/clock.h"

using namespace salon;

TEST_CASE("civil dates round-trip through day numbers") {
  for (std::int64_t d = -800000; d < 800000; d += 997) {
    CHECK(daysFromCivil(civilFromDays(d)) == d);
  }
  CHECK(daysFromCivil({1970, 1, 1}) == 0);
  CHECK(daysFromCivil({2000, 3, 1}) == 11017);
}

TEST_CASE("local dates follow the store's zone") {
  StoreZone shanghai{480};
  // 2026-11-21T16:30Z is 2026-11-22 00:30 in Shanghai.
  Instant t = daysFromCivil({2026, 11, 21}) * kDay + 16 * kHour + 30 * kMinute;
  CHECK(localDate(t, shanghai) == CivilDate{2026, 11, 22});
  CHECK(formatLocalDateTime(t, shanghai) == "2026-11-22 00:30");
  CHECK(startOfLocalDay({2026, 11, 22}, shanghai) == t - 30 * kMinute);
  CHECK(formatUtc(t) == "2026-11-21T16:30:00.000Z");
}

TEST_CASE("dates are parsed strictly") {
  CivilDate d;
  CHECK(parseDate("2024-02-29", d));
  CHECK(d == CivilDate{2024, 2, 29});
  CHECK_FALSE(parseDate("2026-02-29", d));
  CHECK_FALSE(parseDate("2026-13-01", d));
  CHECK_FALSE(parseDate("2026-1-01", d));
  CHECK_FALSE(parseDate("abcd-ef-gh", d));
}

TEST_CASE("a manual clock moves only when told") {
  ManualClock c(1000);
  CHECK(c.now() == 1000);
  c.advance(5 * kMinute);
  CHECK(c.now() == 1000 + 300000);
}
