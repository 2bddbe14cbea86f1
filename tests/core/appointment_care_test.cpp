// Appointments and care beyond the booking rules: priority-hold settings, home
// visits, check-in into today's queue, pets (vaccinations, boarding), the
// contact log's rules, follow-ups and satisfaction, events, the day view and
// the briefing.
#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <map>

#include "app/core/appointment.h"
#include "app/core/boarding.h"
#include "app/core/briefing.h"
#include "app/core/care.h"
#include "app/core/care_contact.h"
#include "app/core/day_view.h"
#include "app/core/error.h"

using namespace salon;
using salon::test::codeOf;
using salon::test::kCash;

namespace {

const StoreZone kZone{480};
const Staff kFin{"fin", "赵财务", Role::Finance, "财务部", true};
Instant at(int hour, int minute = 0) { return startOfLocalDay({2026, 11, 23}, kZone) + hour * kHour + minute * kMinute; }

struct Refusals : AuditLog {
  void append(const AuditEntry& e) override { entries.push_back(e); }
  std::vector<AuditEntry> entries;
};

struct Book : AppointmentStore {
  std::optional<Appointment> appointment(const std::string& id) override {
    return all.count(id) ? std::optional<Appointment>(all[id]) : std::nullopt;
  }
  std::vector<Appointment> clashes(const Appointment&) override {
    std::vector<Appointment> out;
    for (auto& [id, a] : all) out.push_back(a);
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
    actions.push_back(e.action);
  }
  int noShows(CustomerId) override { return 0; }
  std::map<std::string, Appointment> all;
  std::vector<std::string> actions;
};

struct Queue : CheckInQueue {
  void add(const CheckIn& c, const AuditEntry&) override {
    for (const auto& q : rows)
      if (q.checkIn.id == c.id) return;
    rows.push_back({c, "", ""});
  }
  std::vector<QueuedCustomer> between(Instant, Instant) override { return rows; }
  std::vector<QueuedCustomer> rows;
};

BookingRequest request(const std::string& id, Instant start) {
  BookingRequest r;
  r.id = id;
  r.customer = 7;
  r.services = {{"S-BATH", "洗澡", 60, {}}};
  r.staff = "beau";
  r.start = start;
  return r;
}

}  // namespace

TEST_CASE("priority holds are read from the store setting, and bad entries are named") {
  auto holds = parsePriorityHolds("sat 10:00-12:00 48h; * 18:00-21:00 24h;");
  REQUIRE(holds.size() == 2);
  CHECK(holds[0].weekday == 5);
  CHECK(holds[0].fromMinute == 600);
  CHECK(holds[0].toMinute == 720);
  CHECK(holds[0].releaseBefore == 48 * kHour);
  CHECK(holds[1].weekday == -1);
  CHECK(parsePriorityHolds("").empty());
  CHECK(codeOf([] { parsePriorityHolds("sat 12:00-10:00 4h"); }) == "setting_invalid");
  CHECK(codeOf([] { parsePriorityHolds("someday 10:00-12:00 4h"); }) == "setting_invalid");
  CHECK(codeOf([] { parsePriorityHolds("mon 10:00-12:00 4"); }) == "setting_invalid");
  CHECK(codeOf([] { parsePriorityHolds("mon 10:00-12:00 4h extra"); }) == "setting_invalid");
  // Monday 2026-11-23 10:00 is not in a Saturday hold; a Monday hold holds it.
  ManualClock clock(at(8));
  Refusals audit;
  Guard guard(audit, clock);
  Book store;
  CHECK_FALSE(Appointments(store, guard, clock, kZone, holds).heldForMembers(at(10)));
  CHECK(Appointments(store, guard, clock, kZone, parsePriorityHolds("mon 09:00-11:00 1h")).heldForMembers(at(10)));
  CHECK_FALSE(Appointments(store, guard, clock, kZone, parsePriorityHolds("mon 09:00-11:00 4h")).heldForMembers(at(10)));
}

TEST_CASE("a home visit needs an address and takes no room, channels are checked") {
  ManualClock clock(at(8));
  Refusals audit;
  Guard guard(audit, clock);
  Book store;
  Appointments book(store, guard, clock, kZone);
  BookingRequest home = request("h1", at(10));
  home.kind = "home_visit";
  CHECK(codeOf([&] { book.book(kCash, home); }) == "address_required");
  home.address = "静安区南京西路1号";
  home.room = "VIP1";
  CHECK(codeOf([&] { book.book(kCash, home); }) == "bad_input");
  home.room.clear();
  Appointment a = book.book(kCash, home);
  CHECK(a.kind == "home_visit");
  CHECK(a.address == "静安区南京西路1号");
  BookingRequest fax = request("h2", at(14));
  fax.channel = "fax";
  CHECK(codeOf([&] { book.book(kCash, fax); }) == "bad_input");
  BookingRequest marathon = request("h3", at(14));
  marathon.services = {{"S-ALL", "全套", 13 * 60, {}}};
  CHECK(codeOf([&] { book.book(kCash, marathon); }) == "bad_input");
}

TEST_CASE("checking in an appointment puts the customer in today's queue, once") {
  ManualClock clock(at(8));
  Refusals audit;
  Guard guard(audit, clock);
  Book store;
  Queue queue;
  Appointments book(store, guard, clock, kZone);
  book.book(kCash, request("c1", at(10)));
  book.book(kCash, request("c2", at(10) + kDay));
  clock.set(at(9, 50));
  Appointment in = book.checkIn(kCash, "c1", queue, "phone");
  CHECK(in.state == "checked_in");
  REQUIRE(queue.rows.size() == 1);
  CHECK(queue.rows[0].checkIn.id == "c1");
  CHECK(queue.rows[0].checkIn.customer == 7);
  CHECK(queue.rows[0].checkIn.at == at(9, 50));
  CHECK(book.checkIn(kCash, "c1", queue, "phone").state == "checked_in");  // a retry
  CHECK(queue.rows.size() == 1);
  CHECK(codeOf([&] { book.checkIn(kCash, "c2", queue, "phone"); }) == "not_today");
  CHECK(codeOf([&] { book.checkIn(kCash, "c2", queue, "telepathy"); }) == "bad_input");
  CHECK(codeOf([&] { book.checkIn(kFin, "c2", queue, "phone"); }) == "permission_denied");
  CHECK(queue.rows.size() == 1);
}

TEST_CASE("vaccination warnings: the newest record per vaccine, expired or expiring soon") {
  std::vector<Vaccination> given = {
      {1, "狂犬疫苗", {2025, 1, 1}, {2026, 1, 1}},   // replaced by the next one
      {2, "狂犬疫苗", {2026, 1, 2}, {2027, 1, 2}},   // fine
      {3, "八联疫苗", {2025, 6, 1}, {2026, 11, 1}},  // expired
      {4, "驱虫", {2026, 10, 1}, {2026, 12, 10}},    // within 30 days
  };
  auto w = vaccinationWarnings(given, {2026, 11, 23});
  REQUIRE(w.size() == 2);
  CHECK(w[0].vaccine == "八联疫苗");
  CHECK(w[0].expired);
  CHECK(w[1].vaccine == "驱虫");
  CHECK_FALSE(w[1].expired);
  CHECK(vaccinationWarnings(given, {2026, 11, 23}, 10).size() == 1);
}

namespace {

struct Kennels : BoardingStore {
  std::optional<BoardingStay> stay(const std::string& id) override {
    return all.count(id) ? std::optional<BoardingStay>(all[id]) : std::nullopt;
  }
  std::vector<BoardingStay> clashes(const BoardingStay& c) override {
    std::vector<BoardingStay> out;
    for (auto& [id, s] : all)
      if (s.kennel == c.kennel || s.pet == c.pet) out.push_back(s);
    return out;
  }
  std::vector<BoardingStay> onNight(const CivilDate&) override { return {}; }
  void save(const BoardingStay& s, const AuditEntry&) override { all[s.id] = s; }
  std::map<std::string, BoardingStay> all;
};

BoardingStay stay(const std::string& id, const std::string& kennel, std::int64_t pet, CivilDate in, CivilDate out) {
  BoardingStay s;
  s.id = id;
  s.customer = 7;
  s.pet = pet;
  s.kennel = kennel;
  s.checkInOn = in;
  s.checkOutOn = out;
  s.nightlyRate = Money::yuan(120);
  s.feeding = "早晚各一次，狗粮80克";
  return s;
}

}  // namespace

TEST_CASE("boarding: nights and price, no kennel or pet booked twice for a night, check-in and out") {
  ManualClock clock(at(9));
  Refusals audit;
  Guard guard(audit, clock);
  Kennels store;
  Boarding boarding(store, guard, clock, kZone);
  BoardingStay s = boarding.book(kCash, stay("b1", "K1", 3, {2026, 11, 24}, {2026, 11, 27}));
  CHECK(s.nights() == 3);
  CHECK(s.total() == Money::yuan(360));
  CHECK(codeOf([&] { boarding.book(kCash, stay("b2", "K1", 4, {2026, 11, 26}, {2026, 11, 28})); }) == "kennel_taken");
  CHECK(codeOf([&] { boarding.book(kCash, stay("b3", "K2", 3, {2026, 11, 25}, {2026, 11, 26})); }) == "kennel_taken");
  CHECK(boarding.book(kCash, stay("b4", "K1", 4, {2026, 11, 27}, {2026, 11, 29})).state == "booked");  // same day out/in
  CHECK(codeOf([&] { boarding.book(kCash, stay("b5", "K3", 5, {2026, 11, 24}, {2026, 11, 24})); }) == "bad_input");
  CHECK(codeOf([&] { boarding.book(kCash, stay("b6", "K3", 5, {2026, 11, 20}, {2026, 11, 24})); }) == "bad_input");
  CHECK(codeOf([&] { boarding.checkOut(kCash, "b1"); }) == "already_decided");
  CHECK(boarding.checkIn(kCash, "b1").state == "in");
  CHECK(boarding.checkOut(kCash, "b1").state == "out");
  CHECK(codeOf([&] { boarding.cancel(kCash, "b4", ""); }) == "reason_required");
  CHECK(boarding.cancel(kCash, "b4", "行程取消").state == "cancelled");
  CHECK(boarding.book(kCash, stay("b7", "K1", 4, {2026, 11, 27}, {2026, 11, 29})).state == "booked");
}

namespace {

struct Contacts : CareContactStore {
  std::optional<CareContact> contact(const std::string& id) override {
    return all.count(id) ? std::optional<CareContact>(all[id]) : std::nullopt;
  }
  std::optional<bool> marketingOptIn(CustomerId c) override {
    if (c == 1) return true;
    if (c == 2) return false;
    return std::nullopt;
  }
  std::optional<std::string> visitStaff(CustomerId c, std::int64_t visit) override {
    if (c == 1 && visit == 55) return std::string("beau");
    return std::nullopt;
  }
  void append(const CareContact& c, const AuditEntry&) override { all[c.id] = c; }
  std::map<std::string, CareContact> all;
};

CareContact contact(CustomerId who, const std::string& kind, const std::string& outcome, const std::string& note = "") {
  CareContact c;
  c.customer = who;
  c.kind = kind;
  c.outcome = outcome;
  c.note = note;
  return c;
}

}  // namespace

TEST_CASE("the contact log: marketing only to the opted-in, notes and satisfaction where they matter") {
  ManualClock clock(at(9));
  Refusals audit;
  Guard guard(audit, clock);
  Contacts store;
  CareContacts log(store, guard, clock);
  CHECK(codeOf([&] { log.record(kCash, contact(2, "event_invite", "done")); }) == "no_marketing_consent");
  CHECK(codeOf([&] { log.record(kCash, contact(2, "care_reminder", "done")); }) == "no_marketing_consent");
  CHECK(log.record(kCash, contact(2, "reminder", "done")).staff == "cash");  // a booking reminder is service
  CHECK(log.record(kCash, contact(1, "event_invite", "done")).at == at(9));
  CHECK(codeOf([&] { log.record(kCash, contact(9, "reminder", "done")); }) == "customer_not_found");
  CHECK(codeOf([&] { log.record(kCash, contact(1, "lapsed", "done")); }) == "note_required");
  CHECK(log.record(kCash, contact(1, "lapsed", "done", "搬家了，离店远")).note == "搬家了，离店远");
  CHECK(codeOf([&] { log.record(kCash, contact(1, "birthday_gift", "skipped")); }) == "note_required");
  CHECK(codeOf([&] { log.record(kCash, contact(1, "birthday", "done")); }) == "bad_input");
  CareContact follow = contact(1, "followup", "done");
  follow.ref = "55";
  CHECK(codeOf([&] { log.record(kCash, follow); }) == "satisfaction_required");
  follow.satisfaction = 4;
  follow.aboutStaff = "someone else";
  CareContact logged = log.record(kCash, follow);
  CHECK(logged.aboutStaff == "beau");  // from the visit, not from the caller
  follow.ref = "56";
  CHECK(codeOf([&] { log.record(kCash, follow); }) == "not_found");
  CareContact noisy = contact(1, "reminder", "done");
  noisy.satisfaction = 3;
  CHECK(codeOf([&] { log.record(kCash, noisy); }) == "bad_input");
  CHECK(codeOf([&] { log.record(kFin, contact(1, "reminder", "done")); }) == "permission_denied");
  CareContact retry = contact(1, "reminder", "no_answer");
  retry.id = "fixed";
  log.record(kCash, retry);
  std::size_t n = store.all.size();
  log.record(kCash, retry);
  CHECK(store.all.size() == n);
}

TEST_CASE("satisfaction per staff member counts only answered follow-ups") {
  auto f = [](const std::string& staff, int score) {
    CareContact c;
    c.kind = "followup";
    c.aboutStaff = staff;
    c.satisfaction = score;
    return c;
  };
  auto rows = satisfactionByStaff({f("beau", 5), f("beau", 4), f("lin", 2), f("lin", 0), f("beau", 3)});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].staff == "beau");
  CHECK(rows[0].answered == 3);
  CHECK(rows[0].average() == Approx(4.0));
  CHECK(rows[0].counts[4] == 1);
  CHECK(rows[1].answered == 1);
  CHECK(rows[1].counts[1] == 1);
}

TEST_CASE("follow-ups are due from the day after a visit, for a week, until done") {
  Instant now = at(11);
  std::vector<VisitToFollow> visits = {
      {1, 7, "张三", "138", at(15) - kDay, "面部护理", "beau", false},      // yesterday
      {2, 8, "李四", "139", at(10), "美甲", "lin", false},                  // today: not yet
      {3, 9, "王五", "137", at(10) - 9 * kDay, "按摩", "beau", false},     // too old
      {4, 10, "赵六", "136", at(10) - 3 * kDay, "面部护理", "beau", true},  // already done
      {5, 11, "钱七", "135", at(10) - 8 * kDay, "洗发", "lin", false},     // the last day
  };
  auto due = followUpsDue(visits, now, kZone);
  REQUIRE(due.size() == 2);
  CHECK(due[0].visitId == 5);
  CHECK(due[1].visitId == 1);
}

TEST_CASE("event invitations: opted-in customers whose interests name the topic, not twice") {
  std::vector<CareCandidate> people(4);
  people[0] = {1, "张三", "138", {}, {}, 0, true, "护肤讲座, 美甲", ""};
  people[1] = {2, "李四", "139", {}, {}, 0, false, "护肤", ""};  // not opted in
  people[2] = {3, "王五", "137", {}, {}, 0, true, "Yoga, SKINCARE", ""};
  people[3] = {4, "赵六", "136", {}, {}, 0, true, "美发", ""};
  auto invite = eventInvitees(people, "护肤", {});
  REQUIRE(invite.size() == 1);
  CHECK(invite[0].id == 1);
  CHECK(eventInvitees(people, "skincare", {}).size() == 1);
  CHECK(eventInvitees(people, "护肤", {1}).empty());
  CHECK(std::string(seasonOf({2026, 11, 23})) == "autumn");
  CHECK(std::string(seasonOf({2026, 1, 5})) == "winter");
}

TEST_CASE("the day view: a column per staff member with slots in order and the free gaps") {
  auto appt = [](const std::string& id, const std::string& staff, Instant from, int minutes, const std::string& state) {
    Appointment a;
    a.id = id;
    a.customer = 7;
    a.staff = staff;
    a.start = from;
    a.end = from + minutes * kMinute;
    a.state = state;
    a.services = {{"S-FACIAL", "面部护理", minutes, {}}};
    return a;
  };
  std::vector<Appointment> list = {appt("a2", "beau", at(13), 60, "booked"), appt("a1", "beau", at(9), 90, "checked_in"),
                                   appt("a3", "beau", at(11), 60, "cancelled"), appt("a4", "lin", at(20, 50), 30, "booked"),
                                   appt("a5", "guest", at(10), 30, "no_show")};
  DayView v = buildDayView({2026, 11, 23}, kZone, {{"beau", "林美容师", false}, {"lin", "小林", false}, {"off", "休", true}},
                           list, {{7, "张三丰"}});
  REQUIRE(v.columns.size() == 4);
  const StaffColumn& beau = v.columns[0];
  REQUIRE(beau.slots.size() == 2);
  CHECK(beau.slots[0].appointmentId == "a1");
  CHECK(beau.slots[0].startMinute == 540);
  CHECK(beau.slots[0].endMinute == 630);
  CHECK(beau.slots[0].customerName == "张三丰");
  REQUIRE(beau.gaps.size() == 2);
  CHECK(beau.gaps[0].startMinute == 630);
  CHECK(beau.gaps[0].endMinute == 780);
  CHECK(beau.gaps[1].startMinute == 840);
  CHECK(beau.gaps[1].endMinute == 1260);
  const StaffColumn& lin = v.columns[1];
  REQUIRE(lin.gaps.size() == 1);  // 20:50–21:00 is too short to offer
  CHECK(lin.gaps[0].endMinute == 20 * 60 + 50);
  CHECK(v.columns[2].gaps.empty());  // absent
  CHECK(v.columns[3].staff == "guest");
  CHECK(v.columns[3].gaps.size() == 1);  // a no-show frees its time
  CHECK(v.live == 3);
}

TEST_CASE("the briefing gathers health, care plan, preferences, recommendations and pet warnings") {
  CustomerFile f;
  f.summary.name = "张三丰";
  f.summary.fileNo = "S01-2026-000007";
  f.summary.memberNo = "M00000001";
  for (const auto& spec : fileFields()) f.fields[spec.key] = FieldValue{};
  f.fields["allergies"] = FieldValue::of("果酸过敏");
  f.fields["care_products"] = FieldValue::of("玻尿酸精华");
  f.fields["next_push_items"] = FieldValue::of("眼部护理");
  f.fields["pressure"] = FieldValue::of("light");
  VisitRecord v;
  v.service = "深层清洁";
  v.effect = "毛孔改善";
  v.staff = "beau";
  f.visits.push_back(v);
  Pet p;
  p.id = 3;
  p.name = "豆豆";
  p.vaccinations = {{1, "狂犬疫苗", {2025, 1, 1}, {2026, 1, 1}}};
  Pet other;
  other.id = 4;
  f.pets = {p, other};
  Appointment a;
  a.pet = 3;
  Briefing b = briefingOf(a, f, 2, {2026, 11, 24});
  CHECK(b.healthAlert());
  CHECK(b.allergies == "果酸过敏");
  CHECK(b.careProducts == "玻尿酸精华");
  CHECK(b.nextPushItems == "眼部护理");
  CHECK(b.pressure == "light");
  CHECK(b.lastEffect == "毛孔改善");
  CHECK(b.member);
  CHECK(b.noShows == 2);
  REQUIRE(b.pets.size() == 1);
  REQUIRE(b.pets[0].warnings.size() == 1);
  CHECK(b.pets[0].warnings[0].expired);
}
