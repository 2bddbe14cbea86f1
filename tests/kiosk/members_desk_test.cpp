// The members screen's desk against a real SQLite file with the demo salon:
// card reprint/reissue with a reason through the print queue, and a stored-value
// top-up that is settled once however often it is tapped.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/core/error.h"
#include "app/core/member_card.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/audit_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/day_store.h"
#include "storage/member_card_store.h"
#include "storage/settings_store.h"
#include "support/kiosk_fixture.h"
#include "support/print_spool.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {

  Fixture() {
    seedCatalog();
    start(5);
    spool.wire(*kiosk);
  }
  test::PrintSpoolForTests spool{*db, clock};
  CustomerId zhangSan() { return directory.search("13800138000", 1).at(0).id; }
  std::int64_t get(const std::string& sql) { return db->sql().execAndGet(sql).getInt64(); }
  const ui::MembersView& members() const { return kiosk->view().members; }
  void members(ui::MembersIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  // Whether a card of this version is still accepted at the counter.
  std::string check(int version) {
    storage::SqliteMemberCardStore cards(*db);
    storage::SqliteAuditLog audit(*db);
    MemberCards service(cards, audit, clock);
    try {
      service.verify(signCard(cardKeyFromSeed(cards.signingSeed()), "M00000001", version));
      return "ok";
    } catch (const DomainError& e) {
      return e.code();
    }
  }
};

}  // namespace

TEST_CASE("a reissue needs a reason, refuses the old card, and says when no printer is set up") {
  Fixture f;
  {  // 张三's first card was printed earlier
    storage::SqliteMemberCardStore cards(*f.db);
    storage::SqliteAuditLog audit(*f.db);
    MemberCards(cards, audit, f.clock).reprint(Staff{"cash", "陈前台", Role::Cashier, "", true}, "M00000001", "首次制卡");
  }
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, f.zhangSan()});
  CHECK(f.kiosk->view().screen == ui::Screen::Members);
  CHECK(f.members().name == "张三");
  CHECK(f.members().memberNo == "M00000001");
  CHECK(f.members().printer.empty());
  CHECK(f.members().cardVersion == 1);
  CHECK(f.check(1) == "ok");

  f.members(ui::ChooseCardAction{"reissue"});
  f.members(ui::ConfirmCard{});  // no reason
  CHECK(f.members().messageIsError);
  CHECK(f.members().message == f.kiosk->catalog().text("error.reason_required"));
  CHECK(f.check(1) == "ok");
  CHECK(f.get("SELECT count(*) FROM audit_log WHERE action = 'card.reissue'") == 0);

  f.members(ui::CardReason{"ui.members.reason.lost"});
  f.members(ui::ConfirmCard{});
  CHECK_FALSE(f.members().messageIsError);
  CHECK(f.members().cardVersion == 2);
  CHECK(f.members().message.find("旧卡已停用") != std::string::npos);
  CHECK(f.members().message.find("未设置打印机") != std::string::npos);
  CHECK(f.check(1) == "card_revoked");
  CHECK(f.check(2) == "ok");
  CHECK(f.get("SELECT count(*) FROM audit_log WHERE action = 'card.reissue' AND reason = '卡丢失'") == 1);
  // Without a printer a reprint does nothing at all.
  f.members(ui::ChooseCardAction{"reprint"});
  f.members(ui::CardReason{"ui.members.reason.damaged"});
  f.members(ui::ConfirmCard{});
  CHECK(f.members().messageIsError);
  CHECK(f.get("SELECT count(*) FROM audit_log WHERE action IN ('card.reprint', 'card.issue')") == 1);
}

TEST_CASE("a card goes through the persistent print queue to the configured printer") {
  Fixture f;
  const std::string out = f.dir.file("card.bin");
  storage::writeSetting(f.db->sql(), "printer.card", "file:" + out);
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, f.zhangSan()});
  CHECK(f.members().printer == "file:" + out);
  f.members(ui::ChooseCardAction{"reissue"});  // a cashier may only reprint
  f.members(ui::CardReason{"ui.members.reason.lost"});
  f.members(ui::ConfirmCard{});
  CHECK(f.members().messageIsError);
  CHECK(f.check(1) == "ok");
  f.members(ui::ChooseCardAction{"reprint"});
  f.members(ui::CardReason{"ui.members.reason.first_card"});
  f.members(ui::ConfirmCard{});
  CHECK_FALSE(f.members().messageIsError);
  CHECK(f.members().printing);  // on the shared spool: the desk does not wait for it
  f.spool.deliver(*f.kiosk);
  CHECK_FALSE(f.members().printing);
  CHECK(f.members().message.find("已打印") != std::string::npos);
  CHECK(f.get("SELECT count(*) FROM print_jobs WHERE kind = 'member_card' AND state = 'printed'") == 1);
  CHECK(f.get("SELECT count(*) FROM print_jobs WHERE kind = 'member_card' AND title = '会员卡 M00000001 v1'") == 1);
  CHECK(std::filesystem::file_size(out) > 100);
  CHECK(f.check(1) == "ok");
  CHECK(f.members().cardVersion == 1);
  // The first card ever printed for a member is its issue, whatever was tapped.
  CHECK(f.members().message.find(f.kiosk->catalog().text("ui.members.issued")) != std::string::npos);
}

TEST_CASE("a stored-value top-up changes the balance once however often it is tapped") {
  Fixture f;
  f.signIn("cash", "3456");
  const CustomerId id = f.zhangSan();
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, id});
  f.members(ui::ShowMemberTab{"top_up"});
  REQUIRE(f.members().plans.size() == 2);
  f.members(ui::AmountKeys{"20000<"});
  CHECK(f.members().amountDigits == "2000");
  CHECK(f.members().topUpSummary.find("× 2") != std::string::npos);
  f.members(ui::AmountKeys{"C1500"});
  f.members(ui::ConfirmTopUp{});
  CHECK(f.members().message == f.kiosk->catalog().text("ui.members.no_plan"));
  f.members(ui::PickTopUpPlan{"V-1000"});
  CHECK(f.members().amountDigits == "1000");

  f.members(ui::ConfirmTopUp{});  // the business day is not open yet
  CHECK(f.members().message == f.kiosk->catalog().text("error.day_not_open"));
  CHECK(f.get("SELECT count(*) FROM stored_value_ledger") == 0);

  storage::openBusinessDay(*f.db, "cash", Money(0), f.clock.now(), StoreZone{});
  f.members(ui::ConfirmTopUp{});
  f.members(ui::ConfirmTopUp{});
  CHECK(f.get("SELECT count(*) FROM stored_value_ledger WHERE customer_id = " + std::to_string(id)) == 1);
  CHECK(f.get("SELECT sv_principal FROM member_balances WHERE customer_id = " + std::to_string(id)) == 100000);
  CHECK(f.get("SELECT sv_bonus FROM member_balances WHERE customer_id = " + std::to_string(id)) == 20000);
  CHECK(f.get("SELECT count(*) FROM sales WHERE customer_id = " + std::to_string(id)) == 1);
  CHECK(f.members().storedValue == "¥1200.00");
  CHECK(f.members().message.find("未重复入账") != std::string::npos);
  REQUIRE(f.members().storedValueHistory.size() == 1);
  CHECK(f.members().storedValueHistory[0].title == "充值");

  // A new top-up is a new entry.
  f.members(ui::NewTopUp{});
  f.members(ui::PickTopUpPlan{"V-1000"});
  f.members(ui::ChooseTopUpTender{"card"});
  f.members(ui::ConfirmTopUp{});
  CHECK(f.get("SELECT count(*) FROM stored_value_ledger WHERE customer_id = " + std::to_string(id)) == 2);
  CHECK(f.get("SELECT count(*) FROM sale_tenders WHERE type = 'card'") == 1);
}

TEST_CASE("a beautician may not top up, and members are found by search first") {
  Fixture f;
  f.signIn("beau", "4567");
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, 0});
  CHECK(f.members().customer == 0);
  f.members(ui::MemberSearchKeys{"13800138000"});
  REQUIRE(f.members().search.found.size() == 1);
  f.members(ui::OpenMember{f.members().search.found[0].id});
  CHECK(f.members().name == "张三");
  CHECK(f.get("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND sections LIKE '%stored_value%'") == 1);
  storage::openBusinessDay(*f.db, "cash", Money(0), f.clock.now(), StoreZone{});
  f.members(ui::PickTopUpPlan{"V-1000"});
  f.members(ui::ConfirmTopUp{});
  CHECK(f.members().message == f.kiosk->catalog().text("error.permission_denied"));
  CHECK(f.get("SELECT count(*) FROM stored_value_ledger") == 0);
}
