// The customer's own file at the check-in screen (issue 19, the counter part):
// a member card plus the last 4 digits of the phone open the customer's file,
// who viewed it and why, and their statement; a correction becomes a change
// request; wrong digits are logged and lock; nothing lingers for the next customer.
#include <catch2/catch.hpp>

#include "app/core/member_card.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/member_card_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  storage::SqliteMemberCardStore cards{*db};

  Fixture() {
    seedPastSales(40, 7);
    start(30);
    signIn("cash", "3456");
    kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  }
  const ui::CheckInView& view() const { return kiosk->view().checkIn; }
  const ui::OwnFileView& own() const { return kiosk->view().checkIn.ownFile; }
  void tap(ui::OwnFileIntent i) { kiosk->apply(ui::Intent(i)); }
  std::string qr(const std::string& memberNo) { return signCard(cardKeyFromSeed(cards.signingSeed()), memberNo, 1); }
  void scan(const std::string& memberNo) {
    kiosk->apply(ui::ScanPayload{qr(memberNo)});
    REQUIRE(view().card.id != 0);
  }
};

}  // namespace

TEST_CASE("a card and the last 4 digits open the customer's own file, views and statement, each look logged") {
  Fixture f;
  f.scan("M00000001");  // 张三, 13800138000
  f.tap(ui::OwnFileOpen{});
  REQUIRE(f.own().step == ui::OwnFileStep::Last4);
  CHECK(f.own().name == "张三");
  f.tap(ui::OwnFileKeys{"80"});
  CHECK(f.own().digits == 2);
  f.tap(ui::OwnFileKeys{"00"});
  REQUIRE(f.own().step == ui::OwnFileStep::File);
  CHECK(f.own().message.empty());
  // Name and the masked phone come first; the phone is never shown whole.
  REQUIRE(f.own().fields.size() >= 3);
  CHECK(f.own().fields[0].value == "张三");
  CHECK(f.own().fields[1].field == "phone");
  CHECK(f.own().fields[1].value.find("13800138000") == std::string::npos);
  CHECK(f.own().fields[1].value.substr(f.own().fields[1].value.size() - 4) == "8000");
  // The scan's own view of the balances is listed, by the cashier, with its purpose.
  REQUIRE_FALSE(f.own().views.empty());
  CHECK(f.own().views[0].who == "陈前台");
  CHECK(f.own().views[0].purpose == "会员码签到");
  CHECK(f.own().views[0].roleKey == "ui.settings.role.cashier");
  // The statement: the demo's sales of 张三, newest first, with the net total.
  const int sales = f.count("SELECT count(*) FROM sales s JOIN customers c ON c.id = s.customer_id"
                            " WHERE c.member_no = 'M00000001'");
  CHECK(static_cast<int>(f.own().statement.size()) == sales);
  if (f.own().statement.size() > 1) CHECK(f.own().statement[0].at >= f.own().statement[1].at);
  CHECK_FALSE(f.own().net.empty());
  // The look itself is in the file's access log as the customer's own.
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.self_view' AND staff = ''"
                " AND record_id = (SELECT file_no FROM customers WHERE member_no = 'M00000001')") == 1);
  f.tap(ui::OwnFileShow{ui::OwnFileStep::Statement});
  CHECK(f.own().step == ui::OwnFileStep::Statement);
  f.tap(ui::OwnFileClose{});
  CHECK(f.own().step == ui::OwnFileStep::None);
  CHECK(f.own().fields.empty());
  CHECK(f.view().card.id == 0);
}

TEST_CASE("wrong last 4 digits are refused, logged, and lock the file's self-service after five") {
  Fixture f;
  f.scan("M00000002");  // 陳美玲, 13912345678
  f.tap(ui::OwnFileOpen{});
  for (int i = 0; i < 5; ++i) {
    f.tap(ui::OwnFileKeys{"1111"});
    CHECK(f.own().step == ui::OwnFileStep::Last4);
    CHECK(f.own().messageIsError);
    CHECK(f.own().digits == 0);
    CHECK(f.own().fields.empty());
  }
  CHECK(f.own().message == "号码后四位与档案不符，请再试一次");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.self_identify_failed'") == 5);
  // Now even the right digits are refused for 15 minutes.
  f.tap(ui::OwnFileKeys{"5678"});
  CHECK(f.own().step == ui::OwnFileStep::Last4);
  CHECK(f.own().message == "错误次数过多，本机已锁定您的档案15分钟，请到前台咨询");
  f.clock.advance(16 * kMinute);
  f.scan("M00000002");
  f.tap(ui::OwnFileOpen{});
  f.tap(ui::OwnFileKeys{"5678="});
  CHECK(f.own().step == ui::OwnFileStep::File);
}

TEST_CASE("a correction typed by the customer becomes a change request, and the file is untouched until approved") {
  Fixture f;
  f.scan("M00000001");
  f.tap(ui::OwnFileOpen{});
  f.tap(ui::OwnFileKeys{"8000"});
  REQUIRE(f.own().step == ui::OwnFileStep::File);
  int row = -1;
  for (std::size_t i = 0; i < f.own().fields.size(); ++i)
    if (f.own().fields[i].field == "birthday") row = static_cast<int>(i);
  REQUIRE(row >= 0);
  f.tap(ui::OwnFileCorrect{row});
  REQUIRE(f.own().step == ui::OwnFileStep::Correct);
  f.tap(ui::OwnFileCorrectKeys{"19880315"});  // the on-screen keyboard has no '-'
  CHECK(f.own().correction.text == "19880315");
  f.tap(ui::OwnFileSubmit{});
  CHECK(f.own().step == ui::OwnFileStep::File);
  CHECK_FALSE(f.own().messageIsError);
  CHECK(f.count("SELECT count(*) FROM change_requests WHERE field = 'birthday' AND new_value = '1988-03-15'"
                " AND by_customer = 1 AND state = 'pending' AND requested_by = 'cash'") == 1);
  CHECK(f.count("SELECT count(*) FROM customers WHERE member_no = 'M00000001' AND birthday = '1988-03-14'") == 1);
  // A value the file would refuse is refused now, with the rule's message.
  f.tap(ui::OwnFileCorrect{row});
  f.tap(ui::OwnFileCorrectKeys{"1988-13-45="});
  CHECK(f.own().step == ui::OwnFileStep::Correct);
  CHECK(f.own().messageIsError);
  CHECK(f.count("SELECT count(*) FROM change_requests") == 1);
}

TEST_CASE("the own file closes itself when left alone, and a new scan or a lock never shows the last customer") {
  Fixture f;
  f.scan("M00000001");
  f.tap(ui::OwnFileOpen{});
  f.tap(ui::OwnFileKeys{"8000"});
  REQUIRE(f.own().step == ui::OwnFileStep::File);
  f.clock.advance(59 * kSecond);
  CHECK_FALSE(f.kiosk->tick());
  CHECK(f.own().step == ui::OwnFileStep::File);
  f.clock.advance(2 * kSecond);
  CHECK(f.kiosk->tick());
  CHECK(f.own().step == ui::OwnFileStep::None);
  CHECK(f.view().card.id == 0);

  f.scan("M00000001");
  f.tap(ui::OwnFileOpen{});
  f.tap(ui::OwnFileKeys{"8000"});
  REQUIRE(f.own().step == ui::OwnFileStep::File);
  f.scan("M00000002");  // the next customer's card
  CHECK(f.own().step == ui::OwnFileStep::None);
  CHECK(f.own().fields.empty());
  CHECK(f.view().card.name == "陳美玲");
  // Keys for a panel that is not open do nothing.
  f.tap(ui::OwnFileKeys{"8000"});
  CHECK(f.own().step == ui::OwnFileStep::None);
  f.tap(ui::OwnFileOpen{});
  f.tap(ui::OwnFileKeys{"5678"});
  REQUIRE(f.own().step == ui::OwnFileStep::File);
  f.kiosk->apply(ui::LockKiosk{});
  CHECK(f.own().step == ui::OwnFileStep::None);
  CHECK(f.own().fields.empty());
}
