// 经理授权 at the checkout (issue 18): head office cannot be reached, the member's
// offline allowance is spent, and a manager's PIN (checked on the PIN lane) lets
// the sale through once with approved_by recorded as `salon-kiosk sale` records it:
// the sale, its chain_spends row, the audit entry. A wrong PIN or a non-manager is
// said and writes nothing; the store's and the sale's caps offer no PIN.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/error.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/day_store.h"
#include "storage/sync_store.h"
#include "support/fake_head_office.h"
#include "support/held_tasks.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

// Head office does not answer: neither the member's figures nor a debit.
struct UnreachableHeadOffice : HeadOfficeLines {
  int debits = 0;
  struct Line : test::QuietHeadOffice {
    UnreachableHeadOffice& hq;
    explicit Line(UnreachableHeadOffice& h) : hq(h) {}
    std::optional<MemberBalance> memberBalance(const std::string&, const std::string&, const std::string&) override {
      throw DomainError("hq_unreachable", "timeout");
    }
    std::optional<ChainDebitAnswer> debitMember(const ChainDebit&) override {
      ++hq.debits;
      throw DomainError("hq_unreachable", "timeout");
    }
  };
  HeadOfficeAddress readEnrolmentCode(const std::string&) const override { return {}; }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress&) override { return std::make_unique<Line>(*this); }
};

struct Fixture : test::KioskFixture {
  CustomerId meiling = 0;
  test::HeldTasks held{backroom};
  UnreachableHeadOffice hq;

  Fixture() {
    seedCatalog();
    storage::openBusinessDay(*db, "cash", Money(), clock.now(), storage::readZone(db->sql()));
    meiling = storage::findCustomerId(db->sql(), "13912345678");
    db->sql().exec("INSERT OR REPLACE INTO member_balances (customer_id, points, sv_principal, sv_bonus) VALUES (" +
                   std::to_string(meiling) + ", 0, 100000, 0)");
    storage::SqliteSyncStore sync(*db);
    sync.enrol({"https://127.0.0.1:8443", "S01", "secret-token-secret-token-secret-token-abc", "ab12"},
               auditOf(clock.now(), "admin", "sync.enrol", "sync", "S01"));
    sync.noteContact(clock.now() - kHour, 0);  // head office was last reached an hour ago
    setting("chain.offline.member_fen", "10000");  // ¥100 a member offline
    start(600);
    kiosk->setMemberFiguresLines(&hq);
    signIn("cash", "3456");
    kiosk->setTasks(&held);
  }
  void setting(const std::string& key, const std::string& value) {
    db->sql().exec("INSERT OR REPLACE INTO store_settings (key, value) VALUES ('" + key + "', '" + value + "')");
  }
  void apply(ui::CheckoutIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::CheckoutView& v() const { return kiosk->view().checkout; }
  const ui::CheckoutApprovalView& approval() const { return v().approval; }
  // 染发 for 陳美玲 paid from her stored value, 结账, the Lookups lane run: refused offline.
  void refusedOffline() {
    kiosk->apply(ui::Navigate{ui::Screen::Checkout, meiling});
    held.runAll();  // the member's figures: head office does not answer
    apply(ui::CheckoutAddItem{"S-COLOR"});
    apply(ui::CheckoutChooseStaff{v().lines[0].id, "sup"});
    apply(ui::CheckoutOpenTender{});
    REQUIRE(v().stage == ui::CheckoutStage::Tender);
    apply(ui::CheckoutAddTender{"stored_value"});
    REQUIRE(v().tenders.size() == 1);
    apply(ui::CheckoutSettle{});
    REQUIRE(held.waiting.size() == 1);
    CHECK(held.waiting.front().lane == Lane::Lookups);
    held.runAll();
  }
  int sales() { return count("SELECT count(*) FROM sales"); }
  int spends() { return count("SELECT count(*) FROM chain_spends"); }
};

}  // namespace

TEST_CASE("counter approval: past the member's offline allowance a manager's PIN lets the sale through once") {
  Fixture f;
  f.refusedOffline();
  CHECK(f.v().stage == ui::CheckoutStage::Tender);
  CHECK(f.v().messageIsError);
  CHECK(f.v().message.find("此会员离线还可用： ¥100.00") != std::string::npos);
  CHECK(f.approval().offered);
  CHECK(f.approval().left == "100.00");
  CHECK(f.sales() == 0);
  CHECK(f.spends() == 0);

  f.apply(ui::CheckoutAskApproval{});
  REQUIRE(f.approval().open);
  REQUIRE(f.approval().managers.size() == 1);  // only the role the CLI's Guard action allows
  CHECK(f.approval().managers[0].code == "mgr");
  f.apply(ui::CheckoutChooseApprover{"mgr"});
  CHECK(f.approval().managerName == "王店长");
  f.apply(ui::CheckoutApprovalKeys{"12"});
  CHECK(f.approval().pinDigits == 2);
  f.apply(ui::CheckoutApprovalKeys{"34="});
  // The PIN is checked on the PIN lane, not on the frame; a second OK waits for it.
  REQUIRE(f.held.waiting.size() == 1);
  CHECK(f.held.waiting.front().lane == Lane::Pins);
  CHECK(f.approval().checking);
  f.apply(ui::CheckoutApprovalKeys{"1234="});
  f.apply(ui::CheckoutSettle{});  // a tap on 结账 meanwhile settles without the approval: refused again
  f.held.runOne();                // the PIN: approved, 结账 again on the Lookups lane
  CHECK_FALSE(f.approval().open);
  f.held.runAll();
  CHECK(f.v().stage == ui::CheckoutStage::Settled);
  CHECK(f.sales() == 1);
  CHECK(f.count("SELECT count(*) FROM sales WHERE approved_by = 'mgr' AND cashier = 'cash'") == 1);
  CHECK(f.count("SELECT count(*) FROM chain_spends WHERE mode = 'offline' AND approved_by = 'mgr'") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'sale.settle' AND reason LIKE 'approved by mgr%'") == 1);
  CHECK(f.hq.debits >= 2);  // head office was asked first each time

  // A second tap on 结账 after it settled writes nothing more.
  f.apply(ui::CheckoutSettle{});
  f.held.runAll();
  CHECK(f.sales() == 1);
  CHECK(f.spends() == 1);
  // The next sale for her is refused again: the approval was for that one sale.
  f.apply(ui::CheckoutNewSale{});
  f.refusedOffline();
  CHECK(f.approval().offered);
  CHECK(f.sales() == 1);
}

TEST_CASE("counter approval: a wrong PIN or a non-manager is said and nothing is written") {
  Fixture f;
  f.refusedOffline();
  f.apply(ui::CheckoutAskApproval{});
  f.apply(ui::CheckoutChooseApprover{"mgr"});
  f.apply(ui::CheckoutApprovalKeys{"9999="});
  f.held.runAll();
  CHECK(f.approval().open);
  CHECK(f.approval().message == "密码错误");
  CHECK(f.sales() == 0);
  // A supervisor's right PIN (a stale tile: only managers are listed) does not approve.
  f.apply(ui::CheckoutCancelApproval{});  // back to the managers' names
  CHECK(f.approval().open);
  CHECK(f.approval().managerCode.empty());
  f.apply(ui::CheckoutChooseApprover{"sup"});
  f.apply(ui::CheckoutApprovalKeys{"2345="});
  f.held.runAll();
  CHECK(f.approval().message == "只有店长可以授权超出离线额度，未记录任何消费");
  CHECK(f.v().stage == ui::CheckoutStage::Tender);
  CHECK(f.sales() == 0);
  CHECK(f.spends() == 0);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action LIKE 'sale.%' AND reason LIKE 'approved by%'") == 0);
  // Cancelled: the entry closes, the offer stays for this sale.
  f.apply(ui::CheckoutCancelApproval{});
  f.apply(ui::CheckoutCancelApproval{});
  CHECK_FALSE(f.approval().open);
  CHECK(f.approval().offered);
}

TEST_CASE("counter approval: other payments forget the offer - an answer after cancel is dropped") {
  Fixture f;
  f.refusedOffline();
  f.apply(ui::CheckoutAskApproval{});
  f.apply(ui::CheckoutChooseApprover{"mgr"});
  f.apply(ui::CheckoutApprovalKeys{"1234="});
  f.apply(ui::CheckoutCancelApproval{});  // while the PIN lane checks
  f.held.runAll();
  CHECK_FALSE(f.approval().open);
  CHECK(f.sales() == 0);  // the late answer settles nothing
  CHECK(f.approval().offered);
  f.apply(ui::CheckoutRemoveTender{0});
  CHECK_FALSE(f.approval().offered);
  f.apply(ui::CheckoutAskApproval{});
  CHECK_FALSE(f.approval().open);
}

TEST_CASE("counter approval: the sale's and the store's caps and too long offline offer no manager's PIN") {
  Fixture f;
  f.setting("chain.offline.sale_fen", "5000");
  f.refusedOffline();
  CHECK(f.v().message.find("总部离线：单笔最多只能使用这么多连锁余额") != std::string::npos);
  CHECK(f.v().message.find("（此限额不能由店长授权解除）") != std::string::npos);
  CHECK_FALSE(f.approval().offered);
  f.apply(ui::CheckoutAskApproval{});
  CHECK_FALSE(f.approval().open);

  f.setting("chain.offline.sale_fen", "100000");
  f.setting("chain.offline.store_fen", "5000");
  f.apply(ui::CheckoutSettle{});
  f.held.runAll();
  CHECK(f.v().message.find("总部离线：本店的离线总额度已用完") != std::string::npos);
  CHECK_FALSE(f.approval().offered);

  f.setting("chain.offline.store_fen", "500000");
  f.setting("chain.offline.max_hours", "0");  // head office was last reached an hour ago
  f.apply(ui::CheckoutSettle{});
  f.held.runAll();
  CHECK(f.v().message.find("与总部失联太久") != std::string::npos);
  CHECK_FALSE(f.approval().offered);
  CHECK(f.sales() == 0);
}
