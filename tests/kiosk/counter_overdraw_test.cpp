// Head office turned this store's offline overdraw into arrears (issue 18,
// member.overdraw posted by storage/sync_overdraws): Today says it to whoever may
// settle sales, with the member, the overdraw and what they owe now; the checkout's
// member bar says what of it the member still owes. Paid back: gone from both.
#include <catch2/catch.hpp>

#include "app/core/uuid.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/day_store.h"
#include "storage/sale_store.h"
#include "storage/sync_overdraws.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  CustomerId meiling = 0;
  std::string sale;

  Fixture() {
    seedCatalog();
    storage::openBusinessDay(*db, "cash", Money(), clock.now(), storage::readZone(db->sql()));
    meiling = storage::findCustomerId(db->sql(), "13912345678");
    sale = newUuid();  // the offline sale head office found overdrew her
    SaleRequest r;
    r.id = sale;
    r.customer = meiling;
    r.lines.push_back({"S-CUT", 1, {"beau"}, {}, {}, {}});
    r.tenders.push_back({TenderType::Card, Money(8360), std::nullopt, ""});
    storage::SaleStore(*db, storage::loadCheckoutSetup(db->sql()))
        .settle(r, Staff{"cash", "陈前台", Role::Cashier, "前台", true}, clock.now());
    start(600);
  }
  void overdraw(std::int64_t arrears) {
    const std::string body = R"({"sale": ")" + sale + R"(", "member_no": "M00000002", "arrears": )" +
                             std::to_string(arrears) + R"(, "points": 0})";
    SQLite::Transaction t(db->sql());
    storage::postOverdraw(db->sql(), {"member.overdraw", sale, body}, clock.now());
    t.commit();
  }
  void owes(std::int64_t fen) {
    db->sql().exec("UPDATE member_balances SET arrears = " + std::to_string(fen) +
                   " WHERE customer_id = " + std::to_string(meiling));
  }
  void home() { kiosk->apply(ui::Navigate{ui::Screen::Home, 0}); }
  const std::vector<ui::HomeOverdraw>& today() const { return kiosk->view().home.overdraws; }
  const ui::CheckoutCustomerBar& bar() const { return kiosk->view().checkout.bar; }
};

}  // namespace

TEST_CASE("counter overdraw: Today lists the member head office turned an overdraw into arrears") {
  Fixture f;
  f.signIn("cash", "3456");
  f.home();
  CHECK(f.today().empty());
  f.overdraw(60000);
  f.home();
  REQUIRE(f.today().size() == 1);
  const ui::HomeOverdraw& o = f.today()[0];
  CHECK(o.customer == f.meiling);
  CHECK(o.name.find("M00000002") != std::string::npos);
  CHECK(o.arrears == "600.00");
  CHECK(o.owes == "600.00");
  CHECK(o.when.size() == 11);  // "12-06 14:00"
  // Tapping it opens the checkout for her: the bar says what of the overdraw she owes.
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  CHECK(f.bar().overdraw == "600.00");
  CHECK(f.bar().hasArrears);
  // Part paid back: the bar and Today say what is left of it.
  f.owes(20000);
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  CHECK(f.bar().overdraw == "200.00");
  f.home();
  REQUIRE(f.today().size() == 1);
  CHECK(f.today()[0].owes == "200.00");
  // All paid back: no line, nothing on the bar.
  f.owes(0);
  f.home();
  CHECK(f.today().empty());
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  CHECK(f.bar().overdraw.empty());
}

TEST_CASE("counter overdraw: staff who do not settle sales are not shown it - another member's bar says nothing") {
  Fixture f;
  f.overdraw(60000);
  f.signIn("beau", "4567");
  f.home();
  CHECK(f.today().empty());
  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("sup", "2345");
  f.home();
  CHECK(f.today().size() == 1);
  const CustomerId zhang = storage::findCustomerId(f.db->sql(), "13800138000");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, zhang});
  CHECK_FALSE(f.bar().name.empty());
  CHECK(f.bar().overdraw.empty());
}
