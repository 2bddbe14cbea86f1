// The counter's daily defects (issue 15): a member scan picks the customer on
// every screen that chooses one (the path check-in uses), and a top-up is never
// offered tenders core refuses for it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/member_card.h"
#include "app/core/uuid.h"
#include "app/kiosk/kiosk_controller.h"
#include "app/core/service_record.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/day_store.h"
#include "storage/member_card_store.h"
#include "storage/member_store.h"
#include "storage/recording_store.h"
#include "storage/sale_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  storage::SqliteMemberCardStore cards{*db};
  CustomerId meiling = 0;

  Fixture() {
    seedCatalog();
    storage::openBusinessDay(*db, "cash", Money(), clock.now(), storage::readZone(db->sql()));
    meiling = storage::findCustomerId(db->sql(), "13912345678");
    start(5);
  }
  std::string qr(const std::string& memberNo, int version = 1) {
    return signCard(cardKeyFromSeed(cards.signingSeed()), memberNo, version);
  }
  void apply(ui::CheckoutIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::CheckoutView& v() const { return kiosk->view().checkout; }
  bool offers(const std::string& type) const {
    const auto& o = v().tenderOptions;
    return std::any_of(o.begin(), o.end(), [&](const auto& t) { return t.type == type; });
  }
  std::optional<bool> scan(const std::string& payload) {
    kiosk->apply(ui::ScanPayload{payload});
    return kiosk->takeScanOutcome();
  }
};

}  // namespace

TEST_CASE("counter: a member QR scanned at checkout picks the member - a forged one is refused") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  CHECK(f.scan(f.qr("M00000001")) == std::optional<bool>(true));
  CHECK(f.v().bar.name == "张三");
  CHECK(f.v().message.empty());
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  const std::string forged = "SK1.M00000001.1." + std::string(86, 'A');  // a signature the store never made
  CHECK(f.scan(forged) == std::optional<bool>(false));
  CHECK(f.v().bar.name.empty());
  CHECK(f.v().message == "会员码签名不符：可能是伪造的卡，请核实顾客身份");
  // A card number as the reader types it, and a payment code (never a member).
  CHECK(f.scan("M00000001") == std::optional<bool>(true));
  CHECK(f.v().bar.name == "张三");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  CHECK(f.scan("134567890123456789") == std::optional<bool>(false));
  CHECK(f.v().bar.name.empty());
}

TEST_CASE("counter: a member QR scanned on Members opens that member, not the search box") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, 0});
  CHECK(f.scan(f.qr("M00000001")) == std::optional<bool>(true));
  const ui::MembersView& m = f.kiosk->view().members;
  CHECK(m.customer != 0);
  CHECK(m.memberNo == "M00000001");
  CHECK(m.search.query.empty());
  // A genuine card of no member on file is refused, said on the search screen.
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, 0});
  CHECK(f.scan(f.qr("M09999999")) == std::optional<bool>(false));
  CHECK(f.kiosk->view().members.customer == 0);
  CHECK_FALSE(f.kiosk->view().members.message.empty());
}

TEST_CASE("counter: a top-up is not offered stored value, points or arrears - a stale tap is refused") {
  Fixture f;
  f.db->sql().exec("INSERT OR REPLACE INTO member_balances (customer_id, points, sv_principal, sv_bonus) VALUES (" +
                   std::to_string(f.meiling) + ", 500, 10000, 0)");
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "sup"});
  f.apply(ui::CheckoutOpenTender{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Tender);
  CHECK(f.offers("arrears"));  // a service may run up arrears
  f.apply(ui::CheckoutBackToCart{});
  f.apply(ui::CheckoutAddItem{"V-1000"});
  f.apply(ui::CheckoutOpenTender{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Tender);
  CHECK(f.offers("cash"));
  CHECK(f.offers("card"));
  CHECK_FALSE(f.offers("arrears"));
  CHECK_FALSE(f.offers("points"));
  CHECK_FALSE(f.offers("stored_value"));
  f.apply(ui::CheckoutAddTender{"arrears"});
  CHECK(f.v().tenders.empty());
  CHECK(f.v().message == "储值充值须用现金类付款，不能用储值、积分或欠费");
}

TEST_CASE("counter: the tender buttons show what is left of stored value and points once some was used") {
  Fixture f;
  f.db->sql().exec("INSERT OR REPLACE INTO member_balances (customer_id, points, sv_principal, sv_bonus) VALUES (" +
                   std::to_string(f.meiling) + ", 500, 10000, 0)");
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  f.apply(ui::CheckoutAddItem{"S-PERM"});
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "sup"});
  f.apply(ui::CheckoutOpenTender{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Tender);
  auto note = [&](const std::string& type) {
    for (const auto& o : f.v().tenderOptions)
      if (o.type == type) return o.note;
    return std::string("(none)");
  };
  CHECK(note("stored_value") == "100.00");
  CHECK(note("points") == "500");
  f.apply(ui::CheckoutAmountKeys{"40"});
  f.apply(ui::CheckoutAddTender{"stored_value"});
  REQUIRE(f.v().tenders.size() == 1);
  CHECK(note("stored_value") == "60.00");
  f.apply(ui::CheckoutAmountKeys{"2"});
  f.apply(ui::CheckoutAddTender{"points"});
  REQUIRE(f.v().tenders.size() == 2);
  CHECK(note("points") == "300");  // ¥2 of points at 1 fen a point
  f.apply(ui::CheckoutRemoveTender{0});
  CHECK(note("stored_value") == "100.00");
}

TEST_CASE("counter: the auto-lock parks an open ticket and the next sign-in gives it back") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  f.apply(ui::CheckoutAddItem{"S-PERM"});
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "sup"});
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  const std::string total = f.v().total;
  REQUIRE(f.v().lines.size() == 2);
  f.clock.advance(6 * kMinute);
  REQUIRE(f.kiosk->tick());  // locked
  CHECK(f.kiosk->view().screen == ui::Screen::SignIn);
  CHECK(f.v().lines.empty());  // nothing of the ticket is on screen while locked
  f.signIn("cash", "3456");
  CHECK(f.kiosk->view().screen == ui::Screen::Checkout);
  REQUIRE(f.v().lines.size() == 2);
  CHECK_FALSE(f.v().lines[0].staffName.empty());  // who serves it is kept
  CHECK(f.v().total == total);
  CHECK(f.v().customer == f.meiling);
  CHECK(f.v().message == "已取回未结的账单");
  CHECK(f.v().parked.empty());
  CHECK(f.count("SELECT count(*) FROM sales") == 0);  // parked is not posted
}

TEST_CASE("counter: 挂单 puts a ticket aside, the next customer starts empty, a chip takes it back") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  const std::string total = f.v().total;
  f.apply(ui::CheckoutPark{});
  CHECK(f.v().lines.empty());
  CHECK(f.v().customer == 0);
  REQUIRE(f.v().parked.size() == 1);
  CHECK(f.v().parked[0].total == total);
  CHECK(f.v().message == "已挂单，可随时点选取回");
  // Going home and back does not bring a ticket the cashier parked on its own.
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  CHECK(f.v().lines.empty());
  // A walk-in's ticket on the counter trades places with the parked one.
  f.apply(ui::CheckoutAddItem{"S-PERM"});
  f.apply(ui::CheckoutResume{0});
  CHECK(f.v().customer == f.meiling);
  CHECK(f.v().total == total);
  REQUIRE(f.v().parked.size() == 1);
  CHECK(f.v().parked[0].name.empty());
  // Leaving the screen with an open ticket keeps it for when the screen opens again.
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  CHECK(f.v().customer == f.meiling);
  CHECK(f.v().total == total);
  for (int i = 0; i < 6; ++i) f.apply(ui::CheckoutResume{99});  // a stale chip does nothing
  CHECK(f.v().parked.size() == 1);
}

TEST_CASE("counter: the queue shows who is waiting, who is in service (a ticket parked for them) and who has paid") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::PhoneKeys{"5678="});
  REQUIRE(f.kiosk->view().checkIn.matches.size() == 1);
  f.kiosk->apply(ui::ConfirmCheckIn{f.kiosk->view().checkIn.matches[0].id});
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  REQUIRE(f.kiosk->view().home.queue.size() == 1);
  CHECK(f.kiosk->view().home.queue[0].stateKey == "ui.queue.waiting");
  // Her ticket opened when the service began, and parked: in service.
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  f.apply(ui::CheckoutPark{});
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  CHECK(f.kiosk->view().home.queue[0].stateKey == "ui.queue.in_service");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  f.apply(ui::CheckoutResume{0});
  REQUIRE(f.v().customer == f.meiling);
  REQUIRE(f.v().lines.size() == 1);
  f.apply(ui::CheckoutRemoveLine{f.v().lines[0].id});
  f.apply(ui::CheckoutAddItem{"P-SERUM"});
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutAddTender{"card"});
  f.apply(ui::CheckoutSettle{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Settled);
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  CHECK(f.kiosk->view().home.queue[0].stateKey == "ui.queue.paid");
  // Back later the same day: one row, waiting again until the next sale.
  f.clock.advance(2 * kHour);
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::PhoneKeys{"5678="});
  f.kiosk->apply(ui::ConfirmCheckIn{f.kiosk->view().checkIn.matches[0].id});
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  REQUIRE(f.kiosk->view().home.queue.size() == 1);
  CHECK(f.kiosk->view().home.queue[0].stateKey == "ui.queue.waiting");
}

TEST_CASE("counter: 服务完成 on a cart line starts the details clock at the tap, once, for its performer") {
  Fixture f;
  f.signIn("sup", "2345");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  CHECK(f.v().mayFinishServices);
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  const int line = f.v().lines[0].id;
  // No one chosen yet: the tap asks for who served it first.
  f.apply(ui::CheckoutFinishService{line});
  CHECK(f.v().message == "请先选择服务员工，再点服务完成");
  CHECK(f.count("SELECT count(*) FROM service_endings") == 0);
  f.apply(ui::CheckoutChooseStaff{line, "sup"});
  const Instant tapped = f.clock.now();
  f.apply(ui::CheckoutFinishService{line});
  CHECK(f.v().message == "已记录服务完成，服务详情从现在起计时");
  f.apply(ui::CheckoutFinishService{line});  // a double tap's second press
  CHECK(f.v().lines[0].finishedAt == formatLocalDateTime(tapped, storage::readZone(f.db->sql())).substr(11));
  CHECK(f.count("SELECT count(*) FROM service_endings WHERE staff = 'sup' AND item = 'S-CUT' AND customer_id = " +
                std::to_string(f.meiling)) == 1);
  // Who performed it is fixed once it is done.
  f.apply(ui::CheckoutAskStaff{line});
  CHECK(f.v().askingStaffFor == 0);
  CHECK(f.v().message == "服务已完成，服务员工不能再更换");
  // Settled 20 minutes later: the details are due 30 minutes after the tap, not after settlement.
  f.clock.advance(20 * kMinute);
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutQuickCash{f.v().total});
  f.apply(ui::CheckoutSettle{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Settled);
  storage::SqliteAuditLog audit(*f.db);
  Guard guard{audit, f.clock};
  storage::SqliteServiceRecords store(*f.db);
  auto due = ServiceRecords(store, guard, f.clock).due("sup");
  REQUIRE(due.size() == 1);
  CHECK(due[0].dueAt == tapped + 30 * kMinute);
}

TEST_CASE("counter: a cashier is not offered 服务完成 and a tap from a stale screen is refused") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  CHECK_FALSE(f.v().mayFinishServices);
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "sup"});
  f.apply(ui::CheckoutFinishService{f.v().lines[0].id});
  CHECK(f.v().messageIsError);
  CHECK(f.v().lines[0].finishedAt.empty());
  CHECK(f.count("SELECT count(*) FROM service_endings") == 0);
}
