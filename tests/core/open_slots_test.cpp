#include <catch2/catch.hpp>

#include "app/core/open_slots.h"

using namespace salon;

namespace {

OpenDay dayOf(const CivilDate& d) {
  OpenDay day;
  day.date = d;
  day.hours = {9 * 60, 12 * 60, 15};
  day.roster = {{"T01", "阿美", false}, {"T02", "小李", false}, {"T03", "小王", true}};
  day.stepMinutes = 60;
  return day;
}

Appointment booked(const OpenDay& day, const std::string& staff, int minute, int length, const char* state = "booked") {
  Appointment a;
  a.id = staff + std::to_string(minute);
  a.staff = staff;
  a.start = startOfLocalDay(day.date, day.zone) + minute * kMinute;
  a.end = a.start + length * kMinute;
  a.state = state;
  return a;
}

}  // namespace

TEST_CASE("open slots follow the counter's rules: roster, absence, qualification, clashes, hours") {
  OpenDay day = dayOf({2026, 12, 10});
  Instant now = startOfLocalDay(day.date, day.zone) - kDay;
  AppointmentService cut{"SVC-01", "剪发", 60, {}};
  auto slots = openSlots(day, cut, now);
  REQUIRE(slots.size() == 3);  // 09, 10, 11: the last ends at closing
  CHECK(slots[0].startMinute == 9 * 60);
  CHECK(slots[0].staff == std::vector<std::string>{"T01", "T02"});  // T03 absent

  day.booked.push_back(booked(day, "T01", 9 * 60 + 30, 30));
  day.booked.push_back(booked(day, "T02", 10 * 60, 60, "cancelled"));  // frees its time
  slots = openSlots(day, cut, now);
  CHECK(slots[0].staff == std::vector<std::string>{"T02"});
  CHECK(slots[1].staff == std::vector<std::string>{"T01", "T02"});

  AppointmentService colour{"SVC-02", "染发", 60, {"T02", "T03"}};
  CHECK(freeStaffAt(day, colour, startOfLocalDay(day.date, day.zone) + 11 * 60 * kMinute, now) ==
        std::vector<std::string>{"T02"});
  CHECK(openSlots(day, cut, startOfLocalDay(day.date, day.zone) + 10 * 60 * kMinute + 1).size() == 1);  // past starts
}

TEST_CASE("open slots leave the members' holds to members until they are released") {
  OpenDay day = dayOf({2026, 12, 10});  // a Thursday
  day.holds = parsePriorityHolds("thu 09:00-10:00 48h");
  AppointmentService cut{"SVC-01", "剪发", 60, {}};
  Instant early = startOfLocalDay(day.date, day.zone) - 3 * kDay;
  CHECK(openSlots(day, cut, early).front().startMinute == 10 * 60);
  CHECK(openSlots(day, cut, early, true).front().startMinute == 9 * 60);
  CHECK(openSlots(day, cut, startOfLocalDay(day.date, day.zone) - kDay).front().startMinute == 9 * 60);
}
