// The appointments desk against a real SQLite file with the demo salon: the day
// book, drag to move (through core's conflict checks), tap to check in, no-shows,
// booking from the screen, and the lists staff work through.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/appointment.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/appointment_store.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_rows.h"
#include "storage/settings_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;
namespace ab = salon::ui::ab;

namespace {

const Staff kCash{"cash", "陈前台", Role::Cashier, "前台", true};

struct Fixture : test::KioskFixture {
  StoreZone zone;
  CivilDate today{2026, 6, 1};  // a Monday

  Fixture() {
    zone = storage::storeZone(db->sql());
    db->write([&](SQLite::Database& s) {
      CatalogItem facial;
      facial.code = "S-FACIAL";
      facial.name = "深层补水护理";
      facial.category = "face";
      facial.durationMinutes = 60;
      facial.qualifiedStaff = {"beau", "sup"};
      storage::saveItem(s, facial, 0);
      CatalogItem cut = facial;
      cut.code = "S-CUT";
      cut.name = "洗剪吹";
      cut.category = "hair";
      cut.durationMinutes = 45;
      cut.qualifiedStaff = {};
      storage::saveItem(s, cut, 0);
    });
    clock.set(at(8, 30));
    start(60);
  }
  Instant at(int hour, int minute = 0, int day = 0) const {
    return startOfLocalDay(civilFromDays(daysFromCivil(today) + day), zone) + hour * kHour + minute * kMinute;
  }
  CustomerId customer(const std::string& phone) {
    SQLite::Statement q(db->sql(), "SELECT id FROM customers WHERE phone = ?");
    q.bind(1, phone);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
  }
  // Seeds an appointment through core, as the CLI or another kiosk would.
  std::string seed(const std::string& id, const std::string& phone, const std::string& staff, Instant start) {
    storage::SqliteAppointmentStore store(*db);
    storage::SqliteAuditLog audit(*db);
    Guard guard(audit, clock);
    Appointments book(store, guard, clock, zone);
    BookingRequest r;
    r.id = id;
    r.customer = customer(phone);
    r.services = {{"S-FACIAL", "深层补水护理", 60, {"beau", "sup"}}};
    r.staff = staff;
    r.start = start;
    r.channel = "phone";
    return book.book(kCash, r).id;
  }
  void apply(ui::AppointmentsIntent i) { kiosk->apply(ui::Intent{i}); }
  const ui::AppointmentsView& view() const { return kiosk->view().appointments; }
  Appointment stored(const std::string& id) {
    storage::SqliteAppointmentStore store(*db);
    auto a = store.appointment(id);
    REQUIRE(a);
    return *a;
  }
  const ab::BookBlock* block(const std::string& id) const {
    for (const auto& b : view().day.blocks)
      if (b.id == id) return &b;
    return nullptr;
  }
  int column(const std::string& staff) const {
    const auto& cols = view().day.columns;
    for (std::size_t i = 0; i < cols.size(); ++i)
      if (cols[i].staff == staff) return static_cast<int>(i);
    return -1;
  }
};

}  // namespace

TEST_CASE("the day book lists the demo's appointments per staff member, the home badge counts those not arrived") {
  Fixture f;
  f.seed("a1", "13800138000", "beau", f.at(10));
  f.seed("a2", "13912345678", "sup", f.at(11));
  f.seed("t1", "13698761234", "beau", f.at(10, 0, 1));  // tomorrow
  f.signIn("cash", "3456");
  auto tile = std::find_if(f.kiosk->view().home.tiles.begin(), f.kiosk->view().home.tiles.end(),
                           [](const auto& t) { return t.screen == ui::Screen::Appointments; });
  REQUIRE(tile != f.kiosk->view().home.tiles.end());
  CHECK(tile->badge == 2);
  // Today's bookings are on the home screen too, earliest first; tomorrow's are not.
  const auto& today = f.kiosk->view().home.appointments;
  REQUIRE(today.size() == 2);
  CHECK(today[0].time == "10:00");
  CHECK(today[0].name == "张三");
  CHECK(today[0].detail == "深层补水护理 · 林美容师");
  CHECK(today[1].time == "11:00");
  CHECK(today[1].name == "陳美玲");

  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});
  const auto& v = f.view();
  CHECK(v.tab == ab::AppointmentsTab::Day);
  CHECK(v.day.today);
  CHECK(v.day.dateLabel == "2026-06-01 周一");
  REQUIRE(f.column("beau") >= 0);
  REQUIRE(f.column("sup") >= 0);
  REQUIRE(v.day.blocks.size() == 2);
  const ab::BookBlock* a1 = f.block("a1");
  REQUIRE(a1);
  CHECK(a1->customer == "张三");
  CHECK(a1->services == "深层补水护理");
  CHECK(a1->column == f.column("beau"));
  CHECK(a1->startMinute == 600);
  CHECK(a1->endMinute == 660);
  CHECK(a1->stateLabel == "已预约");
  CHECK(a1->category == "face");  // 深层补水护理's category: the block's colour
  CHECK(v.day.nowMinute == 8 * 60 + 30);
  // The names on the book are a view of personal data: audited once for the day.
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_type = 'appointments'") == 1);

  f.apply(ab::ShiftDay{1});
  CHECK(f.view().day.blocks.size() == 1);
  CHECK(f.view().day.dateLabel == "2026-06-02 周二");
  f.apply(ab::ShiftDay{0});
  CHECK(f.view().day.blocks.size() == 2);

  // The week of one staff member.
  f.apply(ab::ShowWeek{"beau"});
  CHECK(f.view().tab == ab::AppointmentsTab::Week);
  REQUIRE(f.view().week.days.size() == 7);
  CHECK(f.view().week.days[0].lines.size() == 1);
  CHECK(f.view().week.days[1].lines.size() == 1);
  CHECK(f.view().week.days[1].lines[0].find("10:00 欧阳娜娜") == 0);
}

// Issue 15: a block's colour is its first service's category by the service's
// code: a renamed service, or another category's service of the same name, does
// not change it.
TEST_CASE("a block's category follows its first service's code, not its name") {
  Fixture f;
  f.db->write([&](SQLite::Database& s) {
    CatalogItem twin;  // same name, another category, a code that sorts first
    twin.code = "S-A-TWIN";
    twin.name = "深层补水护理";
    twin.category = "hair";
    twin.durationMinutes = 60;
    storage::saveItem(s, twin, 0);
  });
  f.seed("a1", "13800138000", "beau", f.at(10));
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});
  const ab::BookBlock* a1 = f.block("a1");
  REQUIRE(a1);
  CHECK(a1->services == "深层补水护理");
  CHECK(a1->category == "face");
  CHECK(f.count("SELECT count(*) FROM appointments WHERE id = 'a1' AND first_service = 'S-FACIAL'") == 1);
}

TEST_CASE("dragging a block moves it through core's checks, a clash is refused and the block snaps back") {
  Fixture f;
  f.seed("a1", "13800138000", "beau", f.at(10));
  f.seed("a2", "13912345678", "sup", f.at(11));
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});

  f.apply(ab::MoveBlock{"a1", "sup", 14 * 60});
  CHECK_FALSE(f.view().messageIsError);
  CHECK(f.stored("a1").staff == "sup");
  CHECK(f.stored("a1").start == f.at(14));
  CHECK(f.block("a1")->column == f.column("sup"));
  CHECK(f.block("a1")->startMinute == 14 * 60);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'appointment.moved'") == 1);

  // Onto 张三's… no: onto 陳美玲's 11:00 with sup: refused, shown, nothing changed.
  f.apply(ab::MoveBlock{"a1", "sup", 11 * 60 + 30});
  CHECK(f.view().messageIsError);
  CHECK(f.view().message == f.kiosk->catalog().text("error.slot_taken"));
  CHECK(f.stored("a1").start == f.at(14));
  CHECK(f.block("a1")->startMinute == 14 * 60);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'appointment.moved'") == 1);

  // Members' priority hold: a non-member (李小龙) cannot be moved into it, a member (张三) can.
  f.seed("a3", "13511112222", "beau", f.at(15));
  f.db->write([](SQLite::Database& s) { storage::writeSetting(s, "appointments.priority_holds", "* 18:00-21:00 0h"); });
  f.apply(ab::MoveBlock{"a3", "beau", 18 * 60});
  CHECK(f.view().message == f.kiosk->catalog().text("error.held_for_members"));
  CHECK(f.stored("a3").start == f.at(15));
  f.apply(ab::MoveBlock{"a1", "beau", 18 * 60});
  CHECK_FALSE(f.view().messageIsError);
  CHECK(f.stored("a1").start == f.at(18));
}

TEST_CASE("tap to check in: the customer joins today's queue, a no-show needs a second tap and is counted") {
  Fixture f;
  f.seed("a1", "13800138000", "beau", f.at(10));
  f.seed("a2", "13912345678", "sup", f.at(9));
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});
  f.apply(ab::ChooseBlock{"a1"});
  CHECK(f.view().chosen.id == "a1");
  CHECK(f.view().chosen.mayCheckIn);
  CHECK_FALSE(f.view().chosen.mayNoShow);  // not started yet
  f.apply(ab::CheckInBlock{"a1"});
  CHECK(f.count("SELECT count(*) FROM checkins WHERE id = 'a1'") == 1);
  CHECK(f.stored("a1").state == "checked_in");
  CHECK(f.block("a1")->stateLabel == "已到店");
  f.apply(ab::CheckInBlock{"a1"});  // a double tap adds nothing
  CHECK(f.count("SELECT count(*) FROM checkins") == 1);

  f.clock.set(f.at(9, 40));
  f.apply(ab::ChooseBlock{"a2"});
  CHECK(f.view().chosen.mayNoShow);
  f.apply(ab::NoShowBlock{"a2"});
  CHECK(f.view().chosen.confirmNoShow);
  CHECK(f.stored("a2").state == "booked");
  f.apply(ab::NoShowBlock{"a2"});
  CHECK(f.stored("a2").state == "no_show");
  CHECK(f.count("SELECT count(*) FROM appointments WHERE state = 'no_show' AND customer_id = " +
                std::to_string(f.customer("13912345678"))) == 1);
  CHECK(f.view().chosen.id == "a2");
  CHECK(f.view().chosen.detail.find("爽约次数 1") != std::string::npos);

  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  CHECK(f.kiosk->view().home.queue.size() == 1);
}

TEST_CASE("booking from the screen: customer by phone, services, staff, time, a double booking is refused") {
  Fixture f;
  f.seed("a1", "13800138000", "beau", f.at(10));
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});
  f.apply(ab::ShowTab{ab::AppointmentsTab::Book});
  f.apply(ab::BookingKeys{"13912345678="});
  REQUIRE(f.view().booking.customer == f.customer("13912345678"));
  CHECK(f.view().booking.customerLine.find("陳美玲") == 0);
  CHECK_FALSE(f.view().booking.ready);
  f.apply(ab::BookingPick{ab::BookingPick::Service, "S-FACIAL"});
  f.apply(ab::BookingPick{ab::BookingPick::Staff, "beau"});
  f.apply(ab::BookingPick{ab::BookingPick::Channel, "wechat"});
  f.apply(ab::BookingPick{ab::BookingPick::Time, std::to_string(10 * 60 + 30)});
  CHECK(f.view().booking.summary == "10:30–11:30 (60分钟)");
  REQUIRE(f.view().booking.ready);
  f.apply(ab::ConfirmBooking{});
  CHECK(f.view().messageIsError);
  CHECK(f.view().message == f.kiosk->catalog().text("error.slot_taken"));
  CHECK(f.count("SELECT count(*) FROM appointments") == 1);

  f.apply(ab::BookingPick{ab::BookingPick::Time, std::to_string(11 * 60)});
  f.apply(ab::ConfirmBooking{});
  CHECK_FALSE(f.view().messageIsError);
  CHECK(f.view().tab == ab::AppointmentsTab::Day);
  REQUIRE(f.count("SELECT count(*) FROM appointments") == 2);
  CHECK(f.count("SELECT count(*) FROM appointments WHERE staff = 'beau' AND channel = 'wechat' AND customer_id = " +
                std::to_string(f.customer("13912345678"))) == 1);
  CHECK(f.view().day.blocks.size() == 2);

  // "Any qualified": beau is busy at 10:00, so sup gets it.
  f.apply(ab::ShowTab{ab::AppointmentsTab::Book});
  f.apply(ab::BookingKeys{"13698761234="});
  f.apply(ab::BookingPick{ab::BookingPick::Service, "S-FACIAL"});
  f.apply(ab::BookingPick{ab::BookingPick::Time, std::to_string(10 * 60)});
  f.apply(ab::ConfirmBooking{});
  CHECK(f.count("SELECT count(*) FROM appointments WHERE staff = 'sup'") == 1);
}

TEST_CASE("the lists: tomorrow's reminders recorded, late arrivals, rebooking an absent staff member, the briefing") {
  Fixture f;
  f.seed("t1", "13800138000", "beau", f.at(10, 0, 1));
  f.seed("a1", "13912345678", "beau", f.at(9));
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});
  f.clock.set(f.at(9, 20));
  f.apply(ab::ShowTab{ab::AppointmentsTab::Calls});
  const auto& secs = f.view().sections;
  REQUIRE(secs.size() == 3);
  REQUIRE(secs[0].rows.size() == 1);  // late: 陳美玲, 20 minutes
  CHECK(secs[0].rows[0].title.find("陳美玲") != std::string::npos);
  REQUIRE(secs[1].rows.size() == 1);  // tomorrow's reminder
  CHECK(secs[1].rows[0].title.find("张三") != std::string::npos);
  CHECK(secs[1].rows[0].status.empty());
  f.apply(ab::OpenWorkRow{secs[1].rows[0].key});
  CHECK(f.view().sections[1].rows[0].open);
  f.apply(ab::RecordContact{"done", "phone"});
  CHECK(f.count("SELECT count(*) FROM care_contacts WHERE kind = 'reminder' AND ref = 't1' AND outcome = 'done'") == 1);
  CHECK(f.view().sections[1].rows[0].status == "已联系");
  // A message only to those who opted in to marketing (陳美玲 did not… check the row's flag).
  CHECK(f.view().sections[0].rows[0].mayMessage ==
        (f.count("SELECT marketing_opt_in FROM customers WHERE phone = '13912345678'") == 1));

  // beau absent tomorrow: t1 is to rebook.
  f.apply(ab::ShowTab{ab::AppointmentsTab::Day});
  f.apply(ab::ShiftDay{1});
  f.apply(ab::ChooseColumn{"beau"});
  f.apply(ab::MarkAbsent{"beau"});
  CHECK(f.view().confirmAbsent);
  f.apply(ab::MarkAbsent{"beau"});
  CHECK(f.view().tab == ab::AppointmentsTab::Calls);
  REQUIRE(f.view().sections[2].rows.size() == 1);
  CHECK(f.view().sections[2].rows[0].key == "rebook.t1");

  f.apply(ab::ShowTab{ab::AppointmentsTab::Briefing});
  REQUIRE(f.view().sections.size() == 1);
  REQUIRE(f.view().sections[0].rows.size() == 1);
  CHECK(f.view().sections[0].rows[0].title.find("张三") != std::string::npos);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND reason LIKE '%service%'") >= 1);
}

TEST_CASE("care lists on the screen: a note in the staff member's own words is typed and logged with the call") {
  Fixture f;
  f.db->write([&](SQLite::Database& s) {
    s.exec("UPDATE customers SET birthday = '1990-06-01', marketing_opt_in = 1 WHERE phone = '13800138000'");
  });
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});
  f.apply(ab::ShowTab{ab::AppointmentsTab::Care});
  auto rows = f.view().sections[0].rows;
  auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.title.find("张三") != std::string::npos; });
  REQUIRE(it != rows.end());
  f.apply(ab::NoteKeys{"abc"});  // no row open, no keyboard: nothing
  CHECK(f.view().note.empty());
  f.apply(ab::OpenWorkRow{it->key});
  CHECK_FALSE(f.view().writingNote);
  const std::string preset = f.view().notes[0].label;
  f.apply(ab::PickNote{preset});  // a preset to start from
  f.apply(ab::WriteNote{});
  CHECK(f.view().writingNote);
  CHECK(f.view().note == preset);
  f.apply(ab::NoteKeys{" 3pm<<"});  // typed, then two erased (no pinyin engine in tests: letters go in as typed)
  CHECK(f.view().note == preset + " 3");
  f.apply(ab::NotePick{"点后再打"});
  CHECK(f.view().note == preset + " 3点后再打");
  f.apply(ab::NoteKeys{"="});  // done: the keyboard goes, the note stays
  CHECK_FALSE(f.view().writingNote);
  CHECK(f.view().note == preset + " 3点后再打");
  f.apply(ab::RecordContact{"no_answer", "phone"});
  CHECK(f.count("SELECT count(*) FROM care_contacts WHERE note = '" + preset + " 3点后再打' AND outcome = 'no_answer'") == 1);
  CHECK(f.view().note.empty());
  CHECK_FALSE(f.view().writingNote);
}

TEST_CASE("care lists on the screen: a birthday greeting done with a note leaves the list") {
  Fixture f;
  f.db->write([&](SQLite::Database& s) {
    s.exec("UPDATE customers SET birthday = '1990-06-01', marketing_opt_in = 1 WHERE phone = '13800138000'");
  });
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Appointments});
  f.apply(ab::ShowTab{ab::AppointmentsTab::Care});
  REQUIRE(f.view().sections.size() == 1);
  auto rows = f.view().sections[0].rows;
  auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.title.find("张三") != std::string::npos; });
  REQUIRE(it != rows.end());
  CHECK(it->mayMessage);
  f.apply(ab::OpenWorkRow{it->key});
  f.apply(ab::RecordContact{"skipped", "phone"});  // skipping needs a note
  CHECK(f.view().message == f.kiosk->catalog().text("error.note_required"));
  f.apply(ab::PickNote{f.view().notes[0].label});
  f.apply(ab::RecordContact{"done", "sms"});
  CHECK(f.count("SELECT count(*) FROM care_contacts WHERE kind = 'birthday_greeting' AND channel = 'sms'") == 1);
  rows = f.view().sections[0].rows;
  CHECK(std::none_of(rows.begin(), rows.end(), [](const auto& r) { return r.title.find("张三") != std::string::npos; }));
}
