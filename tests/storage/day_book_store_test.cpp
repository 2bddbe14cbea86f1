// The day book's reads (core's DayBook port in SQLite), recording an absence
// with its audit entry and outbox row, the care lists' port and the Approvals
// screen's reads.
#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include "app/core/pin.h"
#include "storage/appointment_store.h"
#include "storage/approvals_inbox_store.h"
#include "storage/audit_store.h"
#include "storage/care_lists.h"
#include "storage/day_book_store.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"
#include "support/temp_dir.h"

using namespace salon;
using salon::test::kBeau;
using salon::test::kCash;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

const StoreZone kZone{480};
const CivilDate kToday{2026, 11, 23};
Instant at(int hour, int day = 0) { return startOfLocalDay(kToday, kZone) + day * kDay + hour * kHour; }

std::unique_ptr<Database> seeded(const TempDir& dir) {
  auto db = Database::open(dir.file("d.db"));
  SqliteStaffStore staff(*db);
  for (const Staff& s : {kCash, kBeau})
    staff.addStaff(s, hashPin("1111", PinCost::minimum()), 0, auditOf(0, "", "staff.add", "staff", s.code));
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, created_at, created_by, marketing_opt_in)"
                 " VALUES (7, 'S01-2026-000007', '张三丰', '13800138000', 0, 'cash', 1),"
                 "        (8, 'S01-2026-000008', '李四', '13900139000', 0, 'cash', 0);"
                 "INSERT INTO pets (id, customer_id, name, species, created_at) VALUES (3, 8, '豆豆', 'dog', 0);"
                 "INSERT INTO catalog_items (code, name, kind, category, duration_minutes, qualified_staff, active,"
                 " updated_at) VALUES ('S-FACIAL', '深层清洁护理', 'service', 'face', 60, 'beau,sup', 1, 0),"
                 " ('S-OLD', '旧项目', 'service', 'face', 30, '', 0, 0),"
                 " ('P-SERUM', '精华', 'product', 'product', 0, '', 1, 0)");
  return db;
}

void book(Database& db, ManualClock& clock, const std::string& id, CustomerId customer, Instant start,
          std::optional<std::int64_t> pet = std::nullopt) {
  SqliteAuditLog audit(db);
  Guard guard(audit, clock);
  SqliteAppointmentStore store(db);
  BookingRequest r;
  r.id = id;
  r.customer = customer;
  r.pet = pet;
  r.services = {{"S-FACIAL", "深层清洁护理", 60, {}}, {"S-MASSAGE", "肩颈按摩", 30, {}}};
  r.staff = "beau";
  r.start = start;
  Appointments(store, guard, clock, kZone).book(kCash, r);
}

}  // namespace

TEST_CASE("the day book reads a day with its services in order and the customers' and pets' names") {
  TempDir dir;
  auto db = seeded(dir);
  ManualClock clock(at(8));
  book(*db, clock, "late", 7, at(14));
  book(*db, clock, "early", 8, at(10), 3);
  book(*db, clock, "tomorrow", 7, at(10, 1));
  SqliteDayBook days(*db);
  for (int twice = 0; twice < 2; ++twice) {  // the kept statement reads again
    BookedDay d = days.day(at(0), at(24));
    REQUIRE(d.appointments.size() == 2);
    CHECK(d.appointments[0].id == "early");
    CHECK(d.appointments[0].services == "深层清洁护理、肩颈按摩");
    CHECK(d.appointments[0].customerName == "李四");
    CHECK(d.appointments[0].petName == "豆豆");
    CHECK(d.appointments[0].staff == "beau");
    CHECK(d.appointments[0].state == "booked");
    CHECK(d.appointments[1].id == "late");
    CHECK(d.appointments[1].petName.empty());
  }
  DayView v = buildDayView(kToday, kZone, {{"beau", "林美容师", false}}, days.day(at(0), at(24)));
  REQUIRE(v.columns.size() == 1);
  REQUIRE(v.columns[0].slots.size() == 2);
  CHECK(v.columns[0].slots[0].customerName == "李四");
  CHECK(v.columns[0].slots[0].startMinute == 600);
  // A write on the same connection after a read: the kept statement holds no read open.
  book(*db, clock, "noon", 7, at(12));
  CHECK(days.day(at(0), at(24)).appointments.size() == 3);
}

TEST_CASE("the day book still reads what began the evening before - the walk starts at the longest appointment yet") {
  TempDir dir;
  auto db = seeded(dir);
  ManualClock clock(at(8, -1));
  book(*db, clock, "short", 7, at(21, -1));  // 90 minutes: over by 22:30 the day before
  auto longest = [&] { return db->sql().execAndGet("SELECT longest FROM appointment_longest").getInt64(); };
  CHECK(longest() == 90 * kMinute);
  SqliteDayBook days(*db);
  CHECK(days.day(at(0), at(24)).appointments.empty());
  // A night-long home visit written straight (as an import does): from 21:00 until 03:00.
  db->sql().exec("INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state, booked_by, booked_at,"
                 " kind) VALUES ('night', 8, 'beau', " + std::to_string(at(21, -1)) + ", " + std::to_string(at(3)) +
                 ", 'phone', 'booked', 'cash', 0, 'home_visit')");
  CHECK(longest() == 6 * kHour);
  BookedDay d = days.day(at(0), at(24));
  REQUIRE(d.appointments.size() == 1);
  CHECK(d.appointments[0].id == "night");
  // Made longer by a move of its end: the next day's read finds it too.
  db->sql().exec("UPDATE appointments SET end_at = " + std::to_string(at(1, 1)) + " WHERE id = 'night'");
  CHECK(longest() == 28 * kHour);
  REQUIRE(days.day(at(24), at(48)).appointments.size() == 1);
  // Shorter again: the longest stays (a wider walk is only slower, never wrong).
  db->sql().exec("UPDATE appointments SET end_at = " + std::to_string(at(2)) + " WHERE id = 'night'");
  CHECK(longest() == 28 * kHour);
  CHECK(days.day(at(24), at(48)).appointments.empty());
}

TEST_CASE("the day book's settings, services, contacts, pets and the roster") {
  TempDir dir;
  auto db = seeded(dir);
  SqliteDayBook days(*db);
  BookSettings unset = days.settings();
  CHECK(unset.hours.openMinute == 9 * 60);
  CHECK(unset.hours.closeMinute == 21 * 60);
  CHECK(unset.priorityTiers.empty());
  db->write([](SQLite::Database& s) {
    writeSetting(s, "appointments.open", "08:30");
    writeSetting(s, "appointments.close", "bad");
    writeSetting(s, "appointments.priority_tiers", "gold, platinum");
    writeSetting(s, "appointments.priority_holds", "* 18:00-21:00 24h");
  });
  BookSettings set = days.settings();
  CHECK(set.hours.openMinute == 8 * 60 + 30);
  CHECK(set.hours.closeMinute == 21 * 60);
  CHECK(set.priorityTiers == std::vector<std::string>{"gold", "platinum"});
  CHECK(set.priorityHolds == "* 18:00-21:00 24h");

  auto services = days.services();
  REQUIRE(services.size() == 2);  // services only, active or not
  CHECK(services[0].code == "S-FACIAL");
  CHECK(services[0].qualifiedStaff == std::vector<std::string>{"beau", "sup"});
  CHECK_FALSE(services[1].active);
  auto roster = rosterOf(days.staffList(), services, {"beau"});
  REQUIRE(roster.size() == 1);
  CHECK(roster[0].code == "beau");
  CHECK(roster[0].absent);

  CHECK(days.contact(7).name == "张三丰");
  CHECK(days.contact(7).marketing);
  CHECK(days.contact(99).name.empty());
  REQUIRE(days.pets(8).size() == 1);
  CHECK(days.pets(8)[0].name == "豆豆");
  CHECK(days.findCustomer("13900139000").id == 8);
  CHECK(days.customerNames({7, 8, 7}).at(8) == "李四");
}

TEST_CASE("an absence is recorded with its audit entry and outbox row in one transaction, once a day") {
  TempDir dir;
  auto db = seeded(dir);
  SqliteDayBook days(*db);
  days.recordAbsence("beau", kToday, "sick", auditOf(at(8), "cash", "staff.absent", "staff", "beau", "2026-11-23"));
  CHECK(days.absentOn(kToday) == std::vector<std::string>{"beau"});
  CHECK(days.absentOn({2026, 11, 24}).empty());
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'staff.absent'").getInt() == 1);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM outbox WHERE type = 'staff.absent'").getInt() == 1);
  days.recordAbsence("beau", kToday, "", auditOf(at(9), "cash", "staff.absent", "staff", "beau", "2026-11-23"));
  CHECK(db->sql().execAndGet("SELECT count(*) FROM staff_absences").getInt() == 1);
  // The second call records nothing new but its audit entry and outbox row.
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'staff.absent'").getInt() == 2);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM outbox WHERE type = 'staff.absent'").getInt() == 2);
}

TEST_CASE("the care lists' port: the newest outcome of an occasion and the lapse setting") {
  TempDir dir;
  auto db = seeded(dir);
  SqliteCareLists lists(*db);
  CHECK(lists.lastOutcome("reminder", "a1").empty());
  CHECK(lists.lapseDays() == 90);
  db->write([](SQLite::Database& s) {
    writeSetting(s, "care.lapse_days", "0");
    s.exec("INSERT INTO care_contacts (id, customer_id, kind, ref, channel, outcome, note, staff, at)"
           " VALUES ('c1', 7, 'reminder', 'a1', 'phone', 'no_answer', '', 'cash', 1),"
           "        ('c2', 7, 'reminder', 'a1', 'phone', 'done', '', 'cash', 2)");
  });
  CHECK(lists.lastOutcome("reminder", "a1") == "done");
  CHECK(lists.handled(7, "reminder", "a1"));
  CHECK(lists.lapseDays() == 1);
}

TEST_CASE("the Approvals screen's reads: names, a service's minutes and the complaint deadline") {
  TempDir dir;
  auto db = seeded(dir);
  SqliteApprovalsInbox inbox(*db);
  CHECK(inbox.itemName("S-FACIAL") == "深层清洁护理");
  CHECK(inbox.itemName("X-NONE") == "X-NONE");
  CHECK(inbox.serviceMinutes("深层清洁护理") == 60);
  CHECK(inbox.serviceMinutes("无") == 0);
  CHECK(inbox.staffName("beau") == kBeau.name);
  CHECK(inbox.staffName("").empty());
  CHECK(inbox.recordingRules().complaint == 48 * kHour);
  db->write([](SQLite::Database& s) { writeSetting(s, "complaint_hours", "24"); });
  CHECK(inbox.recordingRules().complaint == 24 * kHour);
  db->write([](SQLite::Database& s) { writeSetting(s, "complaint_hours", "x"); });
  CHECK(inbox.recordingRules().complaint == 48 * kHour);
  CHECK(inbox.pendingQueries().empty());
  CHECK(inbox.openLoans().empty());
}
