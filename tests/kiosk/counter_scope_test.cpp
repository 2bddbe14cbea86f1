// Where each kind of a member's value may be spent (issue 18, chain.scope.*): the
// tender screen offers what head office says this store may use ("usable_here"):
// another store's bonus and packages are not offered where the scope says
// selling_store, instead of 结账 learning it from head office's 409 not_usable_here.
// A head office that does not say it: all of its figures, as before.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/kiosk/kiosk_controller.h"
#include "storage/day_store.h"
#include "storage/sync_store.h"
#include "support/fake_head_office.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

constexpr Instant kExpires = 1830225600000;  // 2027-12-31 12:00 at +08:00

// 陳美玲 at head office: ¥1,500 + ¥300 bonus, 880 points, the package p1/1; with
// `scoped`, the bonus and the package were sold by another store and may not be used here.
struct ScopedHeadOffice : HeadOfficeLines {
  bool scoped = true;
  struct Line : test::QuietHeadOffice {
    ScopedHeadOffice& hq;
    explicit Line(ScopedHeadOffice& h) : hq(h) {}
    std::optional<MemberBalance> memberBalance(const std::string& no, const std::string&, const std::string&) override {
      MemberBalance b;
      b.memberNo = no;
      b.homeStore = "S02";
      b.principal = Money::yuan(1500);
      b.bonus = Money::yuan(300);
      b.points = 880;
      b.packages = {{"p1/1", "S-FACIAL", 7, "2027-12-31"}};
      b.asOf = 1'780'000'000'000;
      b.source = BalanceSource::HeadOffice;
      b.hqStoredThrough = 1'000'000;  // holds everything the store sent
      if (hq.scoped) b.usableHere = UsableHere{Money::yuan(1500), Money(), 880, {"p1/1"}};
      return b;
    }
  };
  HeadOfficeAddress readEnrolmentCode(const std::string&) const override { return {}; }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress&) override { return std::make_unique<Line>(*this); }
};

struct Fixture : test::KioskFixture {
  CustomerId meiling = 0;
  ScopedHeadOffice hq;

  Fixture() {
    seedCatalog();
    storage::openBusinessDay(*db, "cash", Money(), clock.now(), storage::readZone(db->sql()));
    meiling = storage::findCustomerId(db->sql(), "13912345678");
    db->sql().exec("INSERT OR REPLACE INTO member_balances (customer_id, points, sv_principal, sv_bonus) VALUES (" +
                   std::to_string(meiling) + ", 880, 150000, 30000)");
    db->sql().exec("INSERT INTO customer_packages (id, customer_id, sale_id, package_code, service_code, sessions_total,"
                   " sessions_left, paid, session_list_price, expires_at) VALUES ('p1/1', " + std::to_string(meiling) +
                   ", 'p1', 'K-FACIAL10', 'S-FACIAL', 10, 7, 98000, 12800, " + std::to_string(kExpires) + ")");
    storage::SqliteSyncStore(*db).enrol({"https://127.0.0.1:8443", "S01", "secret-token-secret-token-secret-token-abc",
                                         "ab12"},
                                        auditOf(clock.now(), "admin", "sync.enrol", "sync", "S01"));
    start(600);
    kiosk->setMemberFiguresLines(&hq);
    signIn("cash", "3456");
  }
  void apply(ui::CheckoutIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::CheckoutView& v() const { return kiosk->view().checkout; }
  // A facial for her at the tender screen.
  void atTender() {
    kiosk->apply(ui::Navigate{ui::Screen::Checkout, meiling});
    apply(ui::CheckoutAddItem{"S-FACIAL"});
    apply(ui::CheckoutChooseStaff{v().lines[0].id, "beau"});
    apply(ui::CheckoutOpenTender{});
    REQUIRE(v().stage == ui::CheckoutStage::Tender);
  }
  std::string note(const std::string& type) const {
    for (const auto& o : v().tenderOptions)
      if (o.type == type) return o.note;
    return "(not offered)";
  }
};

}  // namespace

TEST_CASE("counter scope: another store's bonus and package are not offered where head office says selling_store") {
  Fixture f;
  f.atTender();
  CHECK(f.v().bar.figures.shown);
  CHECK(f.note("stored_value") == "1500.00");  // the principal only: the bonus was sold elsewhere
  CHECK(f.note("points") == "880");
  CHECK(f.v().packageOptions.empty());
  f.apply(ui::CheckoutUsePackage{"p1/1"});  // a stale tap: not offered, not taken
  CHECK(f.v().tenders.empty());
}

TEST_CASE("counter scope: a head office that does not say what is usable here offers all of its figures") {
  Fixture f;
  f.hq.scoped = false;
  f.atTender();
  CHECK(f.note("stored_value") == "1800.00");
  REQUIRE(f.v().packageOptions.size() == 1);
  CHECK(f.v().packageOptions[0].id == "p1/1");
}
