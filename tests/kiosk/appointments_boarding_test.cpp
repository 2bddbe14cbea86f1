// 寄养 on the appointments screen against a real SQLite file: the pets arriving,
// going home and staying, checked in and out with a tap (once for a double tap),
// the nights and the fee said.
#include <catch2/catch.hpp>

#include <SQLiteCpp/VariadicBind.h>

#include "app/core/boarding.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/boarding_store.h"
#include "support/appointments_fixture.h"

using namespace salon;
namespace ab = salon::ui::ab;
using salon::kiosk::plusDays;

namespace {

const Staff kCash = test::AppointmentsFixture::cashier();

struct Fixture : test::AppointmentsFixture {
  CustomerId owner = 0;
  std::int64_t dog = 0, cat = 0, rabbit = 0;

  Fixture() {
    owner = db->sql().execAndGet("SELECT id FROM customers WHERE phone = '13800138000'").getInt64();
    dog = pet("旺财", "dog");
    cat = pet("咪咪", "cat");
    rabbit = pet("小白", "rabbit");
    clock.set(at(-1, 9));
    book("stay-b", cat, "K2", -1, 0);  // came yesterday, goes home today
    book("stay-c", rabbit, "K3", -1, 3);
    checkIn("stay-b");
    checkIn("stay-c");
    clock.set(at(0, 9));
    book("stay-a", dog, "K1", 0, 2);  // arrives today
    openAppointments(ab::AppointmentsTab::Boarding);
  }
  std::int64_t pet(const std::string& name, const std::string& species) {
    SQLite::Statement q(db->sql(), "INSERT INTO pets (customer_id, name, species, created_at) VALUES (?, ?, ?, 0)");
    SQLite::bind(q, owner, name, species);
    q.exec();
    return db->sql().getLastInsertRowid();
  }
  Boarding service() { return Boarding(boardingStore, guard, clock, zone); }
  void book(const std::string& id, std::int64_t p, const std::string& kennel, int from, int to) {
    BoardingStay s;
    s.id = id;
    s.customer = owner;
    s.pet = p;
    s.kennel = kennel;
    s.checkInOn = plusDays(today, from);
    s.checkOutOn = plusDays(today, to);
    s.nightlyRate = Money::yuan(120);
    s.feeding = "早晚各一次";
    service().book(kCash, s);
  }
  void checkIn(const std::string& id) { service().checkIn(kCash, id); }
  std::string state(const std::string& id) { return boardingStore.stay(id)->state; }
  storage::SqliteBoardingStore boardingStore{*db};
};

}  // namespace

TEST_CASE("boarding board: arriving, going home and staying, each with its one step") {
  Fixture f;
  REQUIRE(f.view().sections.size() == 3);
  const auto& arriving = f.view().sections[0];
  const auto& leaving = f.view().sections[1];
  const auto& staying = f.view().sections[2];
  REQUIRE(arriving.rows.size() == 1);
  CHECK(arriving.rows[0].title.find("K1  旺财") == 0);
  CHECK(arriving.rows[0].detail.find("06-01 → 06-03 · 2晚 · ¥240.00") == 0);
  CHECK(arriving.rows[0].detail.find("早晚各一次") != std::string::npos);
  CHECK(arriving.rows[0].action == "check_in");
  REQUIRE(leaving.rows.size() == 1);
  CHECK(leaving.rows[0].title.find("K2  咪咪") == 0);
  CHECK(leaving.rows[0].action == "check_out");
  REQUIRE(staying.rows.size() == 1);
  CHECK(staying.rows[0].title.find("K3  小白") == 0);
  CHECK(staying.rows[0].status == "在店");
}

TEST_CASE("boarding board: a tap checks the dog in once, going home says the nights and the fee") {
  Fixture f;
  f.apply(ab::RowAction{"stay-a"});  // a row not opened: nothing
  CHECK(f.state("stay-a") == "booked");
  f.apply(ab::OpenWorkRow{"stay-a"});
  CHECK(f.view().sections[0].rows[0].open);
  f.apply(ab::RowAction{"stay-a"});
  f.apply(ab::RowAction{"stay-a"});  // the second tap of a double tap
  CHECK(f.state("stay-a") == "in");
  CHECK(f.view().message == "K1 已入住");
  CHECK(f.view().sections[0].rows.empty());
  CHECK(f.view().sections[2].rows.size() == 2);  // the dog and the rabbit stay
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'boarding.checked_in' AND record_id = 'stay-a'") == 1);

  f.apply(ab::OpenWorkRow{"stay-b"});
  f.apply(ab::RowAction{"stay-b"});
  CHECK(f.state("stay-b") == "out");
  CHECK(f.view().message == "K2 已离店，寄养费 1晚 ¥120.00");
  CHECK(f.view().sections[1].rows.empty());
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'boarding.checked_out' AND staff = 'cash'") == 1);
}

TEST_CASE("boarding board: a stay booked on the booking form - a free kennel, the nights, the fee, once") {
  Fixture f;
  f.apply(ab::ShowTab{ab::AppointmentsTab::Book});
  f.apply(ab::BookingPick{ab::BookingPick::Kind, "boarding"});
  f.apply(ab::BookingKeys{"13800138000="});
  const ab::BookingForm& form = f.view().booking;
  REQUIRE(form.boarding);
  REQUIRE(form.pets.size() == 3);  // no "without a pet" for a stay
  auto kennels = [&] {
    std::vector<std::string> out;
    for (const ab::Choice& c : f.view().booking.kennels) out.push_back(c.code);
    return out;
  };
  // Tonight K1 (the dog, arriving) and K3 (the rabbit) are taken; K2 is free (the cat goes home).
  CHECK(kennels() == std::vector<std::string>{"K2", "K4", "K5", "K6"});
  f.apply(ab::BookingPick{ab::BookingPick::Nights, "3"});
  f.apply(ab::BookingPick{ab::BookingPick::Kennel, "K4"});
  CHECK_FALSE(f.view().booking.ready);  // no pet yet
  f.apply(ab::BookingPick{ab::BookingPick::Pet, std::to_string(f.dog)});
  REQUIRE(f.view().booking.ready);
  CHECK(f.view().booking.summary == "06-01 → 06-04 · 3晚 × ¥120.00 = ¥360.00");
  f.apply(ab::ConfirmBooking{});  // the dog has a stay on those nights already
  CHECK(f.view().message == "该寄养笼位或宠物在这些日期已有预订");
  CHECK(f.count("SELECT count(*) FROM boarding_stays") == 3);

  f.apply(ab::BookingPick{ab::BookingPick::Pet, std::to_string(f.cat)});
  f.apply(ab::ConfirmBooking{});
  f.apply(ab::ConfirmBooking{});  // the second tap of a double tap
  CHECK(f.count("SELECT count(*) FROM boarding_stays WHERE kennel = 'K4' AND state = 'booked'") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'boarding.booked'") == 4);  // the fixture's three and this one
  CHECK(f.view().message == "K4 寄养已预订 06-01 → 06-04 · 3晚 · ¥360.00");
  REQUIRE(f.view().tab == ab::AppointmentsTab::Boarding);
  const auto& arriving = f.view().sections[0];
  REQUIRE(arriving.rows.size() == 2);
  CHECK(arriving.rows[1].title.find("K4  咪咪") == 0);
}

TEST_CASE("boarding board: the store's kennels and rate come from its settings") {
  CHECK(kennelsFrom(std::nullopt) == std::vector<std::string>{"K1", "K2", "K3", "K4", "K5", "K6"});
  CHECK(kennelsFrom(std::string("A1, A2,,B1")) == std::vector<std::string>{"A1", "A2", "B1"});
  CHECK(nightlyRateFrom(std::string("8800")) == Money(8800));
  CHECK(nightlyRateFrom(std::string("12.5")) == Money::yuan(120));
  CHECK(nightlyRateFrom(std::nullopt) == Money::yuan(120));
}
