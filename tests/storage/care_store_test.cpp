// Boarding, the contact log, events and the appointments verify check against a
// real SQLite file.
#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include "app/core/error.h"
#include "app/core/pin.h"
#include "storage/appointment_store.h"
#include "storage/appointment_verify.h"
#include "storage/audit_store.h"
#include "storage/boarding_store.h"
#include "storage/care_store.h"
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
  db->sql().exec("INSERT INTO customers (id, file_no, member_no, name, phone, created_at, created_by, marketing_opt_in)"
                 " VALUES (7, 'S01-2026-000007', 'M00000007', '张三丰', '13800138000', 0, 'cash', 1),"
                 "        (8, 'S01-2026-000008', NULL, '李四', '13900139000', 0, 'cash', 0),"
                 "        (9, 'S01-2026-000009', NULL, '李四妈妈', '13900139000', 0, 'cash', 0);"
                 "INSERT INTO pets (id, customer_id, name, species, created_at) VALUES (3, 8, '豆豆', 'dog', 0);"
                 "INSERT INTO customer_visits (id, customer_id, at, service, staff) VALUES (5, 7, 0, '面部护理', 'beau');");
  return path;
}

BoardingStay stay(const std::string& id, const std::string& kennel, CivilDate in, CivilDate out) {
  BoardingStay s;
  s.id = id;
  s.customer = 8;
  s.pet = 3;
  s.kennel = kennel;
  s.checkInOn = in;
  s.checkOutOn = out;
  s.nightlyRate = Money::yuan(100);
  s.bookedBy = "cash";
  return s;
}

}  // namespace

TEST_CASE("finding a customer by phone, file number or member number, a shared phone is ambiguous") {
  TempDir dir;
  auto db = Database::open(seed(dir));
  CHECK(findCustomer(db->sql(), "13800138000").id == 7);
  CHECK(findCustomer(db->sql(), "S01-2026-000008").id == 8);
  CHECK(findCustomer(db->sql(), "M00000007").id == 7);
  CHECK_THROWS_WITH(findCustomer(db->sql(), "13900139000"), Catch::Contains("customer_ambiguous"));
  CHECK_THROWS_WITH(findCustomer(db->sql(), "张三丰"), Catch::Contains("customer_not_found"));
  CHECK(hasPriorityBooking(db->sql(), 7, {}));
  CHECK_FALSE(hasPriorityBooking(db->sql(), 7, {"GOLD"}));  // no membership row in that tier
  CHECK_FALSE(hasPriorityBooking(db->sql(), 8, {}));
}

TEST_CASE("boarding: the store refuses a second stay in a kennel for the same night inside its transaction") {
  TempDir dir;
  std::string path = seed(dir);
  auto db = Database::open(path);
  SqliteBoardingStore store(*db);
  store.save(stay("s1", "K1", {2026, 11, 24}, {2026, 11, 26}), auditOf(0, "cash", "boarding.booked", "boarding", "s1"));
  BoardingStay clash = stay("s2", "K1", {2026, 11, 25}, {2026, 11, 27});
  clash.pet = 3;
  CHECK_THROWS_WITH(store.save(clash, auditOf(0, "cash", "boarding.booked", "boarding", "s2")),
                    Catch::Contains("kennel_taken"));
  BoardingStay wrongOwner = stay("s3", "K2", {2026, 12, 1}, {2026, 12, 2});
  wrongOwner.customer = 7;
  CHECK_THROWS_WITH(store.save(wrongOwner, auditOf(0, "cash", "boarding.booked", "boarding", "s3")),
                    Catch::Contains("pet_not_found"));
  REQUIRE(store.onNight({2026, 11, 25}).size() == 1);
  CHECK(store.onNight({2026, 11, 26}).empty());  // the check-out morning is not a night
  CHECK(store.stay("s1")->total() == Money::yuan(200));
  CHECK(checkAppointments(db->sql()).ok);
}

TEST_CASE("the contact log is append-only and follow-ups carry who served the visit") {
  TempDir dir;
  auto db = Database::open(seed(dir));
  ManualClock clock(at(9));
  SqliteAuditLog audit(*db);
  Guard guard(audit, clock);
  SqliteCareContactStore store(*db);
  CareContacts log(store, guard, clock);
  CareContact c;
  c.customer = 7;
  c.kind = "followup";
  c.ref = "5";
  c.outcome = "done";
  c.satisfaction = 5;
  CareContact saved = log.record(kCash, c);
  CHECK(store.contact(saved.id)->aboutStaff == "beau");
  CHECK(followUpsBetween(db->sql(), at(0), at(24)).size() == 1);
  CHECK(contactsOf(db->sql(), 7, 10).size() == 1);
  CHECK_THROWS(db->sql().exec("UPDATE care_contacts SET satisfaction = 1"));
  CHECK_THROWS(db->sql().exec("DELETE FROM care_contacts"));
  CHECK(db->sql().execAndGet("SELECT count(*) FROM outbox WHERE type = 'care.contacted'").getInt() == 1);
  CHECK(verifyAuditChain(db->sql()).ok);
}

TEST_CASE("event attendance is recorded once, mirrored into the file, and cannot be edited") {
  TempDir dir;
  auto db = Database::open(seed(dir));
  SalonEvent e{"ev1", "护肤讲座", "护肤", at(14), "二楼"};
  db->write([&](SQLite::Database& s) {
    insertEvent(s, e, "cash", at(9));
    CHECK(recordAttendance(s, e, 7, "cash", at(15), kZone));
    CHECK_FALSE(recordAttendance(s, e, 7, "cash", at(15), kZone));
  });
  REQUIRE(eventsAttended(db->sql(), 7).size() == 1);
  CHECK(db->sql().execAndGet("SELECT value FROM customer_fields WHERE customer_id = 7 AND field = 'events_attended'")
            .getString() == "2026-11-23 护肤讲座");
  CHECK_THROWS(db->sql().exec("DELETE FROM event_attendance"));
}

TEST_CASE("verify finds an appointment whose length no longer matches its services, and a double booking") {
  TempDir dir;
  auto db = Database::open(seed(dir));
  db->sql().exec("INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state, booked_by, booked_at)"
                 " VALUES ('x1', 7, 'beau', 0, 3600000, 'phone', 'booked', 'cash', 0);"
                 "INSERT INTO appointment_services VALUES ('x1', 0, 'S-FACIAL', '面部护理', 60);");
  CHECK(checkAppointments(db->sql()).ok);
  db->sql().exec("INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state, booked_by, booked_at)"
                 " VALUES ('x2', 8, 'beau', 1800000, 5400000, 'phone', 'booked', 'cash', 0);"
                 "INSERT INTO appointment_services VALUES ('x2', 0, 'S-FACIAL', '面部护理', 60);");
  LedgerCheck twice = checkAppointments(db->sql());
  CHECK_FALSE(twice.ok);
  CHECK(twice.problem == "staff double-booked: x1");
  db->sql().exec("UPDATE appointments SET state = 'cancelled' WHERE id = 'x2'; UPDATE appointments SET end_at = 7200000 WHERE id = 'x1'");
  CHECK(checkAppointments(db->sql()).problem == "length differs from its services: x1");
}
