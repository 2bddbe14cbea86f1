// A member's figures at the checkout's customer bar and the check-in greeting
// (issue 18), against a real SQLite file with the demo salon: the store's own
// figures when it is not enrolled; when it is, the store's own at once (marked)
// and head office's once the Lookups lane answers; an answer for a customer who
// is no longer at the counter is dropped. Each look is audited with its purpose
// and source, as `member show` does.
#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <stdexcept>

#include "app/core/error.h"
#include "app/core/member_card.h"
#include "app/core/uuid.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/checkout_store.h"
#include "storage/customer_directory.h"
#include "storage/day_store.h"
#include "storage/member_card_store.h"
#include "storage/sale_store.h"
#include "storage/sync_store.h"
#include "support/fake_head_office.h"
#include "support/held_tasks.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

// 2027-12-31 12:00 at +08:00.
constexpr Instant kExpires = 1830225600000;

using test::HeldTasks;

// Head office's figures: 陳美玲 (M00000002) with more stored value than the store
// has; anyone else with ¥100.
struct HeadOfficeFigures : HeadOfficeLines {
  int asked = 0;
  bool down = false;
  bool broken = false;  // an error nobody expected (not a DomainError)
  struct Line : test::QuietHeadOffice {
    HeadOfficeFigures& hq;
    explicit Line(HeadOfficeFigures& h) : hq(h) {}
    std::optional<MemberBalance> memberBalance(const std::string& no, const std::string&, const std::string&) override {
      ++hq.asked;
      if (hq.down) throw DomainError("hq_unreachable", "timeout");
      if (hq.broken) throw std::runtime_error("line broke");
      MemberBalance b;
      b.memberNo = no;
      b.homeStore = "S01";
      b.principal = Money::yuan(no == "M00000002" ? 1500 : 100);
      b.bonus = Money::yuan(300);
      b.points = 880;
      b.packages = {{"x/1", "S-FACIAL", 6, "2027-12-31"}};
      b.asOf = 1'780'000'000'000;
      b.source = BalanceSource::HeadOffice;
      b.hqStoredThrough = 1'000'000;  // holds everything the store sent
      return b;
    }
  };
  HeadOfficeAddress readEnrolmentCode(const std::string&) const override { return {}; }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress&) override { return std::make_unique<Line>(*this); }
};

struct Fixture : test::KioskFixture {
  CustomerId meiling = 0, zhang = 0;
  HeldTasks held{backroom};
  HeadOfficeFigures hq;

  Fixture() {
    seedCatalog();
    storage::openBusinessDay(*db, "cash", Money(), clock.now(), storage::readZone(db->sql()));
    meiling = storage::findCustomerId(db->sql(), "13912345678");
    zhang = storage::findCustomerId(db->sql(), "13800138000");
    topUp(meiling);
    // A 10-session 补水护理 package with 7 left.
    db->sql().exec("INSERT INTO customer_packages (id, customer_id, sale_id, package_code, service_code, sessions_total,"
                   " sessions_left, paid, session_list_price, expires_at) VALUES ('p1/1', " + std::to_string(meiling) +
                   ", 'p1', 'K-FACIAL10', 'S-FACIAL', 10, 7, 98000, 12800, " + std::to_string(kExpires) + ")");
    start(600);
    kiosk->setMemberFiguresLines(&hq);
    signIn("cash", "3456");
  }
  // 1000 yuan topped up (+200 bonus), as the counter sells it.
  void topUp(CustomerId who) {
    auto setup = storage::loadCheckoutSetup(db->sql());
    SaleRequest r;
    r.id = newUuid();
    r.customer = who;
    r.lines.push_back({"V-1000", 1, {"cash"}, {}, {}, {}});
    r.tenders.push_back({TenderType::Card, Money::yuan(1000), std::nullopt, ""});
    storage::SaleStore(*db, setup).settle(r, Staff{"cash", "陈前台", Role::Cashier, "前台", true}, clock.now());
  }
  void enrol() {
    storage::SqliteSyncStore(*db).enrol({"https://127.0.0.1:8443", "S01", "secret-token-secret-token-secret-token-abc",
                                         "ab12"},
                                        auditOf(clock.now(), "admin", "sync.enrol", "sync", "S01"));
  }
  void checkout(CustomerId who) { kiosk->apply(ui::Navigate{ui::Screen::Checkout, who}); }
  const ui::MemberFiguresView& bar() const { return kiosk->view().checkout.bar.figures; }
  const ui::MemberFiguresView& greeting() const { return kiosk->view().checkIn.card.figures; }
  int looks(const std::string& purpose, const std::string& sections) {
    return count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_type = 'member'"
                 " AND reason = '" + purpose + "' AND sections = '" + sections + "'");
  }
  std::string qr(const std::string& memberNo) {
    storage::SqliteMemberCardStore cards(*db);
    return signCard(cardKeyFromSeed(cards.signingSeed()), memberNo, 1);
  }
};

}  // namespace

TEST_CASE("counter figures: not enrolled, the store's own figures on the checkout bar and the check-in greeting") {
  Fixture f;
  f.checkout(f.meiling);
  REQUIRE(f.kiosk->view().screen == ui::Screen::Checkout);
  const ui::MemberFiguresView& b = f.bar();
  REQUIRE(b.shown);
  CHECK(b.principal == "1000.00");
  CHECK(b.bonus == "200.00");
  REQUIRE(b.packages.size() == 1);
  CHECK(b.packages[0] == "深层补水护理 ×7");
  CHECK(b.morePackages == 0);
  CHECK(b.arrears.empty());
  CHECK_FALSE(b.headOffice);
  CHECK_FALSE(b.asking);
  CHECK(b.asOf == formatLocalDateTime(f.clock.now(), StoreZone{}).substr(11));
  CHECK(f.hq.asked == 0);  // not enrolled: head office is not asked
  CHECK(f.looks("checkout", "balances,local") == 1);
  // Display only: the tender side still prices and pays from the store's account.
  CHECK(f.kiosk->view().checkout.bar.storedValue == "1200.00");

  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{f.qr("M00000002")});
  REQUIRE(f.kiosk->view().checkIn.card.id == f.meiling);
  REQUIRE(f.greeting().shown);
  CHECK(f.greeting().principal == "1000.00");
  CHECK(f.greeting().packages == std::vector<std::string>{"深层补水护理 ×7"});
  CHECK_FALSE(f.greeting().headOffice);
  CHECK(f.looks("check-in", "balances,local") == 1);
  // Not me: the greeting and its figures are cleared for the next customer.
  f.kiosk->apply(ui::RejectMatches{});
  CHECK_FALSE(f.greeting().shown);

  // A walk-in at checkout: nobody's figures on the bar.
  f.checkout(0);
  CHECK_FALSE(f.bar().shown);
}

TEST_CASE("counter figures: enrolled, the store's own at once and marked, head office's when the lane answers") {
  Fixture f;
  f.enrol();
  f.kiosk->setTasks(&f.held);
  f.checkout(f.meiling);
  REQUIRE(f.bar().shown);
  CHECK(f.bar().asking);
  CHECK_FALSE(f.bar().headOffice);
  CHECK(f.bar().principal == "1000.00");
  CHECK(f.hq.asked == 0);  // nothing on the frame: the question waits on its lane
  REQUIRE(f.held.waiting.size() == 1);
  CHECK(f.held.waiting.front().lane == Lane::Lookups);

  f.held.runAll();
  CHECK(f.hq.asked == 1);
  CHECK(f.bar().headOffice);
  CHECK_FALSE(f.bar().asking);
  CHECK(f.bar().principal == "1500.00");
  CHECK(f.bar().bonus == "300.00");
  CHECK(f.bar().points == "880");
  CHECK(f.bar().packages == std::vector<std::string>{"深层补水护理 ×6"});
  CHECK(f.looks("checkout", "balances,hq") == 1);
  CHECK(f.looks("checkout", "balances,local") == 0);

  // Head office down: the store's own figures stay, no longer marked; audited why.
  f.hq.down = true;
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{f.qr("M00000002")});
  CHECK(f.greeting().asking);
  f.held.runAll();
  CHECK_FALSE(f.greeting().asking);
  CHECK_FALSE(f.greeting().headOffice);
  CHECK(f.greeting().principal == "1000.00");
  CHECK(f.looks("check-in", "balances,local,hq_unreachable") == 1);

  // The lane's look failed outright: the store's figures stay, and their view is
  // audited on the main thread with what went wrong.
  f.hq.down = false;
  f.hq.broken = true;
  f.kiosk->apply(ui::RejectMatches{});
  f.kiosk->apply(ui::ScanPayload{f.qr("M00000002")});
  f.held.runAll();
  CHECK_FALSE(f.greeting().asking);
  CHECK(f.greeting().principal == "1000.00");
  CHECK(f.looks("check-in", "balances,local,line broke") == 1);
}

TEST_CASE("counter figures: an answer for a customer no longer at the counter is dropped") {
  Fixture f;
  f.enrol();
  f.kiosk->setTasks(&f.held);
  f.held.started = true;  // the first look is already on its way when the next customer is picked
  f.checkout(f.meiling);
  REQUIRE(f.bar().asking);
  f.kiosk->apply(ui::CheckoutIntent{ui::CheckoutScanned{"M00000001"}});  // 张三's card at the counter
  REQUIRE(f.kiosk->view().checkout.customer == f.zhang);
  CHECK(f.bar().asking);
  CHECK(f.bar().principal == "0.00");
  REQUIRE(f.held.waiting.size() == 2);
  f.held.runOne();  // 陳美玲's answer: not shown on 张三's bar
  CHECK(f.bar().asking);
  CHECK_FALSE(f.bar().headOffice);
  CHECK(f.bar().principal == "0.00");
  f.held.runOne();  // 张三's own
  CHECK(f.kiosk->view().checkout.customer == f.zhang);
  CHECK(f.bar().headOffice);
  CHECK(f.bar().principal == "100.00");
  CHECK(f.looks("checkout", "balances,hq") == 2);  // both looks happened and were audited

  // A look still waiting on its lane is cancelled instead; the store's figures it
  // showed were seen, so that view is audited.
  f.held.started = false;
  f.checkout(f.meiling);
  f.checkout(0);
  CHECK(f.held.waiting.empty());
  CHECK_FALSE(f.bar().shown);
  CHECK(f.looks("checkout", "balances,local") == 1);
  CHECK(f.hq.asked == 2);

  // A lock while a look waits: cancelled too, the view audited for who looked.
  f.checkout(f.meiling);
  REQUIRE(f.held.waiting.size() == 1);
  f.kiosk->apply(ui::LockKiosk{});
  CHECK_FALSE(f.kiosk->staff());
  CHECK(f.held.waiting.empty());
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_type = 'member'"
                " AND sections = 'balances,local' AND staff = 'cash'") == 2);
  CHECK(f.hq.asked == 2);
}
