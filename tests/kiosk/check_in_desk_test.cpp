// Check-in at the kiosk against a real SQLite file with the demo salon: a signed
// member QR greets by name with today's appointment and the balances; a forged
// or reissued-away card is refused; a phone number alone stays masked.
#include <catch2/catch.hpp>

#include "app/core/member_card.h"
#include "app/core/money.h"
#include "app/core/uuid.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/appointment_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/member_card_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  storage::SqliteMemberCardStore cards{*db};

  Fixture() { start(5); }
  const ui::CheckInView& view() const { return kiosk->view().checkIn; }
  CustomerId idOf(const std::string& memberNo) {
    return db->sql().execAndGet("SELECT id FROM customers WHERE member_no = '" + memberNo + "'").getInt64();
  }
  std::string qr(const std::string& memberNo, int version = 1) {
    return signCard(cardKeyFromSeed(cards.signingSeed()), memberNo, version);
  }
};

}  // namespace

TEST_CASE("a signed member QR greets by name with today's appointment, points and balance and confirm joins the queue") {
  Fixture f;
  const CustomerId zhang = f.idOf("M00000001");
  f.db->sql().exec("INSERT INTO member_balances (customer_id, points, sv_principal, sv_bonus) VALUES (" +
                   std::to_string(zhang) + ", 1280, 100000, 20000)");
  Appointment a;
  a.id = newUuid();
  a.customer = zhang;
  a.services = {{"FACIAL", "深层清洁面部护理", 60, {}}};
  a.staff = "beau";
  a.start = f.clock.now() + 2 * kHour;
  a.end = a.start + 60 * kMinute;
  a.bookedBy = "cash";
  a.bookedAt = f.clock.now();
  storage::SqliteAppointmentStore(*f.db).save(a, auditOf(f.clock.now(), "cash", "appointment.book", "appointment", a.id));

  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{f.qr("M00000001")});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  const ui::CheckInCard& card = f.view().card;
  REQUIRE(card.id == zhang);
  CHECK(card.name == "张三");
  CHECK(card.method == "qr");
  CHECK(card.points == "1280");
  CHECK(card.balance == formatYuan(Money(120000)));
  REQUIRE(card.today.size() == 1);
  CHECK(card.today[0] == formatLocalDateTime(a.start, StoreZone{}).substr(11) + " 深层清洁面部护理");
  // Showing the balances is a view of personal data: audited; nobody is queued yet.
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_id = '" +
                std::to_string(zhang) + "' AND sections LIKE '%stored_value%'") == 1);
  CHECK(f.count("SELECT count(*) FROM checkins") == 0);

  f.kiosk->apply(ui::ConfirmCheckIn{zhang + 1});  // not what is shown: ignored
  CHECK(f.count("SELECT count(*) FROM checkins") == 0);
  f.kiosk->apply(ui::ConfirmCheckIn{zhang});
  CHECK(f.view().welcomedName == "欢迎您，张三");
  CHECK(f.view().card.id == 0);  // the balances are gone from the screen
  CHECK(f.count("SELECT count(*) FROM checkins WHERE method = 'qr'") == 1);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'customer.checked_in' AND payload LIKE '%\"method\":\"qr\"%'") == 1);
  f.clock.advance(9 * kSecond);
  CHECK(f.kiosk->tick());
  CHECK(f.view().welcomedName.empty());
}

TEST_CASE("a card number from a swipe greets by name too and the balances clear themselves if nobody confirms") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{"M00000002"});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  CHECK_FALSE(f.kiosk->takeScanOutcome());  // once
  CHECK(f.view().card.name == "陳美玲");
  CHECK(f.view().card.method == "card");
  CHECK(f.view().card.points == "0");
  CHECK(f.view().card.today.empty());
  f.clock.advance(44 * kSecond);
  CHECK_FALSE(f.kiosk->tick());
  f.clock.advance(2 * kSecond);
  CHECK(f.kiosk->tick());
  CHECK(f.view().card.id == 0);
  CHECK(f.count("SELECT count(*) FROM checkins") == 0);
  // "Not me" clears the card at once.
  f.kiosk->apply(ui::ScanPayload{"M00000003"});
  CHECK(f.view().card.name == "欧阳娜娜");
  f.kiosk->apply(ui::RejectMatches{});
  CHECK(f.view().card.id == 0);
}

TEST_CASE("a forged QR is refused with a clear message and logged, no name shown") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  const CardKeyPair other = cardKeyFromSeed(std::string(32, 'x'));
  f.kiosk->apply(ui::ScanPayload{signCard(other, "M00000001", 1)});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(false));
  CHECK(f.view().card.id == 0);
  CHECK(f.view().welcomedName.empty());
  CHECK(f.view().message == "无法验证此会员码，请到前台出示会员卡");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'card.refused' AND reason = 'card_forged'") == 1);
  CHECK(f.count("SELECT count(*) FROM checkins") == 0);
  // Garbage and unknown cards: the plain refusal.
  f.kiosk->apply(ui::ScanPayload{"M99999999"});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(false));
  CHECK(f.view().message == "无法识别此卡，请到前台");
}

TEST_CASE("a card reissued away is refused and the new card works") {
  Fixture f;
  f.signIn("sup", "2345");
  REQUIRE(f.kiosk->staff());
  storage::SqliteAuditLog audit(*f.db);
  MemberCards cards(f.cards, audit, f.clock);
  const std::string first = cards.reprint(*f.kiosk->staff(), "M00000001", "first card").payload;
  const std::string second = cards.reissue(*f.kiosk->staff(), "M00000001", "card lost").payload;
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{first});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(false));
  CHECK(f.view().card.id == 0);
  CHECK(f.view().message == "此卡已补办，旧卡已作废，请出示新卡或到前台");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'card.refused' AND reason = 'card_revoked'") == 1);
  f.kiosk->apply(ui::ScanPayload{second});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  CHECK(f.view().card.name == "张三");
  CHECK(f.view().message.empty());
}

TEST_CASE("by phone the name stays masked with no balances, also when a reader types the phone number") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::PhoneKeys{"5678="});
  REQUIRE(f.view().matches.size() == 1);
  CHECK(f.view().matches[0].maskedName == "陳**");
  CHECK(f.view().card.id == 0);
  f.kiosk->apply(ui::ScanPayload{"13800138000"});
  REQUIRE(f.view().matches.size() == 1);
  CHECK(f.view().matches[0].maskedName == "张*");
  CHECK(f.view().card.id == 0);
  CHECK(f.view().card.balance.empty());
  f.kiosk->apply(ui::ConfirmCheckIn{f.view().matches[0].id});
  CHECK(f.view().welcomedName == "张*");
  CHECK(f.count("SELECT count(*) FROM checkins WHERE method = 'phone'") == 1);
}

TEST_CASE("last 4 digits shared by more customers than the screen shows ask for the whole number") {
  Fixture f;
  f.seedCustomers(40, 11);
  // Seven files share the last four digits 4321; six names fit the screen.
  f.db->sql().exec("UPDATE customers SET phone = substr(phone, 1, length(phone) - 4) || '4321', phone_last4 = '4321' "
                   "WHERE id IN (SELECT id FROM customers WHERE phone LIKE '1%' ORDER BY id DESC LIMIT 7)");
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  const int viewsBefore = f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view'");
  f.kiosk->apply(ui::PhoneKeys{"4321="});
  CHECK(f.view().matches.empty());
  CHECK(f.view().message == "多位顾客的号码有这几位数字，请输入完整手机号码");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view'") == viewsBefore);  // nobody's name was shown
  const std::string whole = f.db->sql().execAndGet("SELECT phone FROM customers WHERE phone_last4 = '4321' LIMIT 1").getString();
  f.kiosk->apply(ui::PhoneKeys{"C" + whole + "="});
  CHECK(f.view().matches.size() == 1);
  CHECK(f.view().message.empty());
}

TEST_CASE("a scan on a screen that takes none is ignored without a sound and a payment code is not a member") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::ScanPayload{"M00000001"});  // home: no desk takes scans
  CHECK_FALSE(f.kiosk->takeScanOutcome());
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{"134567890123456789"});  // a WeChat payment code
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(false));
  CHECK(f.view().card.id == 0);
  CHECK(f.view().matches.empty());
}

TEST_CASE("customer mode: 返回 from check-in asks for the staff PIN, a wrong one stays, cancel stays") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::PhoneKeys{"5678="});
  REQUIRE(f.view().matches.size() == 1);
  f.kiosk->apply(ui::LeaveCheckIn{});
  CHECK(f.view().leaving);
  CHECK(f.view().matches.empty());  // nobody's name stays behind the PIN
  f.kiosk->apply(ui::PhoneKeys{"1234="});  // a typed phone does nothing now
  CHECK(f.view().matches.empty());
  f.kiosk->apply(ui::LeavePinKeys{"1111="});
  CHECK(f.kiosk->view().screen == ui::Screen::CheckIn);
  CHECK(f.view().leaveMessage == "密码错误");
  CHECK(f.view().leavePinDigits == 0);
  f.kiosk->apply(ui::LeaveCheckIn{true});
  CHECK_FALSE(f.view().leaving);
  CHECK(f.kiosk->view().screen == ui::Screen::CheckIn);
  f.kiosk->apply(ui::LeaveCheckIn{});
  f.kiosk->apply(ui::LeavePinKeys{"34"});
  CHECK(f.view().leavePinDigits == 2);
  f.kiosk->apply(ui::LeavePinKeys{"56="});
  CHECK(f.kiosk->view().screen == ui::Screen::Home);
  REQUIRE(f.kiosk->staff());
  CHECK(f.kiosk->staff()->code == "cash");
}
