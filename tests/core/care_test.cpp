#include <catch2/catch.hpp>

#include "app/core/care.h"

using namespace salon;

namespace {

CareCandidate person(CustomerId id, std::optional<CivilDate> birthday, std::optional<Instant> lastVisit = {},
                     int interval = 0, bool optIn = false) {
  CareCandidate c;
  c.id = id;
  c.name = "顾客" + std::to_string(id);
  c.birthday = birthday;
  c.lastVisit = lastVisit;
  c.careIntervalDays = interval;
  c.marketingOptIn = optIn;
  return c;
}

int count(const std::vector<CareTask>& tasks, CareKind k) {
  int n = 0;
  for (const auto& t : tasks) n += t.kind == k;
  return n;
}

}  // namespace

TEST_CASE("birthday gifts a week ahead, greetings on the day, 29 February on the 28th") {
  std::vector<CareCandidate> people = {person(1, CivilDate{1990, 11, 29}), person(2, CivilDate{1985, 11, 22}),
                                       person(3, CivilDate{1992, 2, 29}), person(4, std::nullopt),
                                       person(5, CivilDate{1990, 11, 30})};
  auto tasks = birthdayTasks(people, {2026, 11, 22});
  CHECK(count(tasks, CareKind::BirthdayGift) == 1);
  CHECK(count(tasks, CareKind::BirthdayGreeting) == 1);
  for (const auto& t : tasks) {
    if (t.kind == CareKind::BirthdayGift) CHECK(t.customer.id == 1);
    if (t.kind == CareKind::BirthdayGreeting) CHECK(t.customer.id == 2);
  }
  auto feb = birthdayTasks(people, {2027, 2, 21});
  REQUIRE(count(feb, CareKind::BirthdayGift) == 1);
  CHECK(feb[0].due == CivilDate{2027, 2, 28});
  CHECK(birthdayIn(2028, {1992, 2, 29}) == CivilDate{2028, 2, 29});
  // Across the new year.
  auto ny = birthdayTasks({person(6, CivilDate{2000, 1, 3})}, {2026, 12, 27});
  CHECK(count(ny, CareKind::BirthdayGift) == 1);
}

TEST_CASE("lapsed customers and care reminders") {
  StoreZone zone;
  Instant now = startOfLocalDay({2026, 11, 22}, zone) + 10 * kHour;
  std::vector<CareCandidate> people = {
      person(1, {}, now - 100 * kDay), person(2, {}, now - 89 * kDay), person(3, {}),
      person(4, {}, now - 30 * kDay, 28, true), person(5, {}, now - 30 * kDay, 28, false),
      person(6, {}, now - 20 * kDay, 28, true), person(7, {}, now - 60 * kDay, 28, true)};
  auto lapsed = lapsedTasks(people, now, zone, 90);
  REQUIRE(lapsed.size() == 1);  // 100 days away; 89 days is not yet lapsed; 3 never came
  CHECK(lapsed[0].customer.id == 1);
  CHECK(lapsedTasks(people, now, zone, 60).size() == 3);  // and 2 (89 days) and 7 (exactly 60)
  auto reminders = careReminderTasks(people, now, zone, 14);
  REQUIRE(reminders.size() == 1);
  CHECK(reminders[0].customer.id == 4);  // 5 did not opt in; 6 not due; 7 overdue past the window
  CHECK(reminders[0].due == CivilDate{2026, 11, 20});
}
