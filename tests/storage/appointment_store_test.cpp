#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include "app/core/error.h"
#include "app/core/pin.h"
#include "storage/appointment_store.h"
#include "storage/audit_store.h"
#include "storage/staff_store.h"
#include "support/temp_dir.h"

using namespace salon;
using salon::test::kCash;
using salon::test::kBeau;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

const StoreZone kZone{480};
Instant at(int hour) { return startOfLocalDay({2026, 11, 23}, kZone) + hour * kHour; }

std::string seed(const TempDir& dir) {
  std::string path = dir.file("s.db");
  auto db = Database::open(path);
  SqliteStaffStore staff(*db);
  for (const Staff& s : {kCash, kBeau})
    staff.addStaff(s, hashPin("1111", PinCost::minimum()), 0, auditOf(0, "", "staff.add", "staff", s.code));
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, created_at, created_by)"
                 " VALUES (7, 'S01-2026-000007', '张三丰', '13800138000', 0, 'cash'),"
                 "        (8, 'S01-2026-000008', '李四', '13900139000', 0, 'cash')");
  return path;
}

BookingRequest request(const std::string& id, CustomerId customer, Instant start) {
  BookingRequest r;
  r.id = id;
  r.customer = customer;
  r.services = {{"S-FACIAL", "深层清洁护理", 60, {}}, {"S-MASSAGE", "肩颈按摩", 30, {}}};
  r.staff = "beau";
  r.start = start;
  return r;
}

}  // namespace

TEST_CASE("appointments are stored with their services and read back by day") {
  TempDir dir;
  auto db = Database::open(seed(dir));
  ManualClock clock(at(8));
  SqliteAuditLog audit(*db);
  Guard guard(audit, clock);
  SqliteAppointmentStore store(*db);
  Appointments book(store, guard, clock, kZone);
  book.book(kCash, request("a1", 7, at(10)));
  book.book(kCash, request("a2", 8, at(14)));
  auto day = book.day({2026, 11, 23});
  REQUIRE(day.size() == 2);
  CHECK(day[0].services.size() == 2);
  CHECK(day[0].services[1].name == "肩颈按摩");
  CHECK(day[0].end == at(11) + 30 * kMinute);
  CHECK(book.day({2026, 11, 24}).empty());
  book.setState(kCash, "a1", "checked_in", "");
  CHECK(store.appointment("a1")->state == "checked_in");
  CHECK(store.appointment("a1")->services.size() == 2);  // services written once
  CHECK(verifyAuditChain(db->sql()).ok);
}

TEST_CASE("two kiosks cannot take the same slot: the store re-checks inside its transaction") {
  TempDir dir;
  std::string path = seed(dir);
  auto first = Database::open(path);
  auto second = Database::open(path);
  ManualClock clock(at(8));
  SqliteAuditLog audit1(*first), audit2(*second);
  Guard guard1(audit1, clock), guard2(audit2, clock);
  SqliteAppointmentStore store1(*first), store2(*second);

  // Both kiosks looked and saw the slot free; then both save.
  Appointment a;
  a.id = "k1";
  a.customer = 7;
  a.staff = "beau";
  a.start = at(10);
  a.end = at(11);
  a.bookedBy = "cash";
  a.bookedAt = clock.now();
  Appointment b = a;
  b.id = "k2";
  b.customer = 8;
  store1.save(a, auditOf(clock.now(), "cash", "appointment.booked", "appointment", "k1"));
  try {
    store2.save(b, auditOf(clock.now(), "cash", "appointment.booked", "appointment", "k2"));
    FAIL("the second kiosk should have been refused");
  } catch (const DomainError& e) {
    CHECK(e.code() == "slot_taken");
  }
  CHECK(first->sql().execAndGet("SELECT count(*) FROM appointments").getInt() == 1);
  CHECK(store1.noShows(7) == 0);
}
