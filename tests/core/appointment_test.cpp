#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <map>

#include "app/core/appointment.h"
#include "app/core/error.h"

using namespace salon;
using salon::test::MemoryAudit;
using salon::test::codeOf;
using salon::test::kCash;

namespace {

struct MemoryBook : AppointmentStore {
  std::optional<Appointment> appointment(const std::string& id) override {
    return all.count(id) ? std::optional<Appointment>(all[id]) : std::nullopt;
  }
  std::vector<Appointment> clashes(const Appointment& c) override {
    std::vector<Appointment> out;
    for (auto& [id, a] : all)
      if (a.staff == c.staff || (!c.room.empty() && a.room == c.room) || (c.pet && a.pet == c.pet)) out.push_back(a);
    return out;
  }
  std::vector<Appointment> between(Instant from, Instant to) override {
    std::vector<Appointment> out;
    for (auto& [id, a] : all)
      if (a.start < to && a.end > from) out.push_back(a);
    return out;
  }
  void save(const Appointment& a, const AuditEntry& e) override {
    all[a.id] = a;
    audit.push_back(e);
  }
  int noShows(CustomerId c) override {
    int n = 0;
    for (auto& [id, a] : all) n += a.customer == c && a.state == "no_show";
    return n;
  }
  std::map<std::string, Appointment> all;
  std::vector<AuditEntry> audit;
};

const StoreZone kZone{480};
const Staff kFin{"fin", "赵财务", Role::Finance, "财务部", true};
const AppointmentService kFacial{"S-FACIAL", "深层清洁护理", 60, {"beau", "beau2"}};
const AppointmentService kMassage{"S-MASSAGE", "肩颈按摩", 30, {}};
// Monday 2026-11-23, store time.
Instant at(int hour, int minute = 0) { return startOfLocalDay({2026, 11, 23}, kZone) + hour * kHour + minute * kMinute; }

BookingRequest request(const std::string& id, const std::string& staff, Instant start) {
  BookingRequest r;
  r.id = id;
  r.customer = 7;
  r.services = {kFacial, kMassage};
  r.staff = staff;
  r.start = start;
  r.channel = "phone";
  return r;
}

}  // namespace

TEST_CASE("a booking ends when its services do, and a staff member is never booked twice") {
  ManualClock clock(at(9) - kDay);
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryBook store;
  Appointments book(store, guard, clock, kZone);

  Appointment a = book.book(kCash, request("a1", "beau", at(10)));
  CHECK(a.end == at(11, 30));
  CHECK(a.channel == "phone");
  CHECK(codeOf([&] { book.book(kCash, request("a2", "beau", at(11))); }) == "slot_taken");
  CHECK(codeOf([&] { book.book(kCash, request("a3", "beau", at(9))); }) == "slot_taken");  // 9:00–10:30
  CHECK(book.book(kCash, request("a4", "beau", at(11, 30))).start == at(11, 30));        // back to back is fine
  CHECK(book.book(kCash, request("a1", "beau", at(10))).id == "a1");                     // a retry returns the first
  CHECK(store.all.size() == 2);
  CHECK(codeOf([&] { book.book(kCash, request("a5", "cash", at(14))); }) == "staff_not_qualified");
  CHECK(codeOf([&] { book.book(kFin, request("a6", "beau", at(14))); }) == "permission_denied");
  CHECK(codeOf([&] { book.book(kCash, request("a7", "beau", at(8) - kDay)); }) == "bad_input");
}

TEST_CASE("rooms and pets are not double-booked either") {
  ManualClock clock(at(8));
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryBook store;
  Appointments book(store, guard, clock, kZone);
  BookingRequest r = request("r1", "beau", at(10));
  r.room = "VIP1";
  r.pet = 3;
  book.book(kCash, r);
  BookingRequest sameRoom = request("r2", "beau2", at(10, 30));
  sameRoom.room = "VIP1";
  CHECK(codeOf([&] { book.book(kCash, sameRoom); }) == "slot_taken");
  BookingRequest samePet = request("r3", "beau2", at(11));
  samePet.pet = 3;
  CHECK(codeOf([&] { book.book(kCash, samePet); }) == "slot_taken");
}

TEST_CASE("any qualified staff member: the first free one on duty is chosen") {
  ManualClock clock(at(8));
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryBook store;
  Appointments book(store, guard, clock, kZone);
  book.book(kCash, request("x1", "beau", at(10)));
  BookingRequest any = request("x2", "", at(10));
  any.staffOnDuty = {"cash", "beau", "beau2"};
  CHECK(book.book(kCash, any).staff == "beau2");
  BookingRequest none = request("x3", "", at(10));
  none.staffOnDuty = {"beau", "beau2"};
  CHECK(codeOf([&] { book.book(kCash, none); }) == "no_staff_free");
}

TEST_CASE("members' priority slots open to everyone only at the release time") {
  MemoryAudit refusals;
  MemoryBook store;
  ManualClock clock(at(18) - 3 * kDay);
  Guard guard(refusals, clock);
  // Weekday evenings 18:00–21:00 are held for members until 24 h before.
  Appointments book(store, guard, clock, kZone, {PriorityHold{-1, 18 * 60, 21 * 60, 24 * kHour}});
  BookingRequest walkIn = request("p1", "beau", at(18));
  CHECK(codeOf([&] { book.book(kCash, walkIn); }) == "held_for_members");
  BookingRequest member = walkIn;
  member.id = "p2";
  member.isMember = true;
  CHECK(book.book(kCash, member).id == "p2");
  clock.set(at(19) - 24 * kHour);
  BookingRequest late = request("p3", "beau2", at(19));
  CHECK(book.book(kCash, late).id == "p3");
}

TEST_CASE("reminders the day before, late arrivals, no-shows, rebooking for an absent staff member") {
  ManualClock clock(at(9) - kDay);
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryBook store;
  Appointments book(store, guard, clock, kZone);
  book.book(kCash, request("m1", "beau", at(10)));
  book.book(kCash, request("m2", "beau2", at(10)));
  book.book(kCash, request("m3", "beau", at(15)));
  book.setState(kCash, "m3", "cancelled", "顾客改期");

  auto reminders = book.remindersFor({2026, 11, 22});
  REQUIRE(reminders.size() == 2);
  CHECK(reminders[0].start == at(10));

  CHECK(book.toRebook("beau", {2026, 11, 23}).size() == 1);

  clock.set(at(10, 10));
  CHECK(book.lateArrivals(15 * kMinute).empty());
  clock.set(at(10, 16));
  CHECK(book.lateArrivals(15 * kMinute).size() == 2);
  book.setState(kCash, "m2", "checked_in", "");
  CHECK(book.lateArrivals(15 * kMinute).size() == 1);
  book.setState(kCash, "m1", "no_show", "电话未接");
  CHECK(store.noShows(7) == 1);
  CHECK(codeOf([&] { book.setState(kCash, "m1", "checked_in", ""); }) == "already_decided");
}

TEST_CASE("moving an appointment keeps its length and checks the new slot") {
  ManualClock clock(at(8));
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryBook store;
  Appointments book(store, guard, clock, kZone);
  book.book(kCash, request("v1", "beau", at(10)));
  book.book(kCash, request("v2", "beau", at(14)));
  CHECK(codeOf([&] { book.move(kCash, "v1", at(13), "", false); }) == "slot_taken");
  Appointment moved = book.move(kCash, "v1", at(12), "", false);
  CHECK(moved.end == at(13, 30));
  CHECK(book.move(kCash, "v1", at(14), "beau2", false).staff == "beau2");
  CHECK(codeOf([&] { book.move(kCash, "v1", at(7), "", false); }) == "bad_input");  // the past
}

TEST_CASE("moving an appointment into a members' held slot is refused for a non-member, allowed for a member") {
  MemoryAudit refusals;
  MemoryBook store;
  ManualClock clock(at(10) - 3 * kDay);
  Guard guard(refusals, clock);
  Appointments book(store, guard, clock, kZone, {PriorityHold{-1, 18 * 60, 21 * 60, 24 * kHour}});
  book.book(kCash, request("h1", "beau", at(10)));
  CHECK(codeOf([&] { book.move(kCash, "h1", at(18), "", false); }) == "held_for_members");
  CHECK(store.all["h1"].start == at(10));  // nothing saved
  CHECK(book.move(kCash, "h1", at(18), "", true).start == at(18));
  // Once the hold is released (24 h before), anyone may be moved in.
  book.book(kCash, request("h2", "beau2", at(10)));
  clock.set(at(19) - 23 * kHour);
  CHECK(book.move(kCash, "h2", at(19), "", false).start == at(19));
}
