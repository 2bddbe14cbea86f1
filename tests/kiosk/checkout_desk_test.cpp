// The checkout desk against a real SQLite file with the demo salon: intents in,
// the view model, sales, balances, audit and print jobs out.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/uuid.h"
#include "app/kiosk/kiosk_controller.h"
#include "devices/escpos/paper_preview.h"
#include "devices/escpos/profile.h"
#include "devices/print_queue.h"
#include "storage/audit_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_store.h"
#include "storage/day_store.h"
#include "storage/member_store.h"
#include "storage/print_job_store.h"
#include "storage/sale_store.h"
#include "storage/settings_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  CustomerId meiling = 0;

  explicit Fixture(bool dayOpen = true) {
    seedCatalog();  // the catalog, prices and tiers
    if (dayOpen) storage::openBusinessDay(*db, "cash", Money(), clock.now(), storage::readZone(db->sql()));
    meiling = storage::findCustomerId(db->sql(), "13912345678");
    start(5);
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
  void allergic(CustomerId who, const std::string& what) {
    storage::SqliteCustomerFileStore(*db).setField(
        who, "allergies", FieldValue::of(what), auditOf(clock.now(), "mgr", "customer.edit", "customer", "x", "test"),
        {newUuid(), "customer.edited", "{}", clock.now()});
  }
  void apply(ui::CheckoutIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::CheckoutView& v() const { return kiosk->view().checkout; }
};

}  // namespace

TEST_CASE("checkout: a member's bar, tiles by category, a service needs its staff, member prices as core computes") {
  Fixture f;
  f.topUp(f.meiling);
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  REQUIRE(f.kiosk->view().screen == ui::Screen::Checkout);
  CHECK(f.v().bar.name == "陳美玲");
  CHECK(f.v().bar.storedValue == "1200.00");
  CHECK(f.v().bar.alert.empty());
  // The avatar's colour follows the file number.
  CHECK(f.v().bar.fileNo ==
        f.db->sql().execAndGet("SELECT file_no FROM customers WHERE id = " + std::to_string(f.meiling)).getString());
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND reason = 'checkout'"
                " AND record_type = 'customer'") == 1);
  // The member's figures on the bar are a look of their own (issue 18): the store's, not enrolled.
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND reason = 'checkout'"
                " AND record_type = 'member' AND sections = 'balances,local'") == 1);
  REQUIRE(!f.v().categories.empty());
  CHECK(f.v().categories.front().key == "ui.checkout.cat.hair");
  CHECK(f.v().categories.back().key == "ui.checkout.cat.stored_value");
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  REQUIRE(f.v().lines.size() == 1);
  CHECK(f.v().askingStaffFor == f.v().lines[0].id);
  CHECK(std::none_of(f.v().staffChoices.begin(), f.v().staffChoices.end(), [](const auto& s) { return s.code == "admin"; }));
  // Paying before the staff member is chosen is refused and asks again.
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "admin"});
  CHECK(f.v().lines[0].staffName.empty());
  f.apply(ui::CheckoutOpenTender{});
  CHECK(f.v().stage == ui::CheckoutStage::Cart);
  CHECK(f.v().message == "服务项目至少需要一位员工");
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "beau"});
  CHECK(f.v().lines[0].staffName == "林美容师");
  // A product goes to the signed-in staff member at once.
  f.apply(ui::CheckoutAddItem{"P-SHAMPOO"});
  f.apply(ui::CheckoutAddItem{"P-SHAMPOO"});
  REQUIRE(f.v().lines.size() == 2);
  CHECK(f.v().lines[1].qty == 2);
  CHECK(f.v().lines[1].staffName == "陈前台");
  // 陳美玲's tier discount: the basic tier takes 5 % off hair.
  CHECK(f.v().lines[0].gross == "88.00");
  CHECK(f.v().lines[0].benefitKey == "ui.checkout.benefit.member_tier");
  CHECK(f.v().lines[0].net == "83.60");
  CHECK(f.v().total == "261.60");
}

TEST_CASE("checkout: a health alert must be acknowledged before a service is added") {
  Fixture f;
  f.allergic(f.meiling, "芒果、海鲜");
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  CHECK(f.v().bar.alert == "过敏：芒果、海鲜");
  CHECK_FALSE(f.v().bar.alertAcknowledged);
  f.apply(ui::CheckoutAddItem{"S-FACIAL"});
  CHECK(f.v().lines.empty());
  CHECK(f.v().message == "请先阅知顾客的健康提示，再添加服务");
  // A product is not a service: it may be sold at once.
  f.apply(ui::CheckoutAddItem{"P-MASK"});
  CHECK(f.v().lines.size() == 1);
  // The alert follows the kiosk's language.
  f.kiosk->apply(ui::SwitchLanguage{"en"});
  CHECK(f.v().bar.alert == "Allergies: 芒果、海鲜");
  f.apply(ui::CheckoutAcknowledgeAlert{});
  CHECK(f.v().bar.alertAcknowledged);
  f.apply(ui::CheckoutAddItem{"S-FACIAL"});
  CHECK(f.v().lines.size() == 2);
}

TEST_CASE("checkout: split tender with stored value and cash settles once however often 结账 is tapped") {
  Fixture f;
  f.topUp(f.meiling);
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, f.meiling});
  f.apply(ui::CheckoutAddItem{"S-CUT"});
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "sup"});
  f.apply(ui::CheckoutAddItem{"P-SHAMPOO"});
  f.apply(ui::CheckoutOpenTender{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Tender);
  const std::string saleId = f.v().saleId;
  CHECK(isUuid(saleId));
  CHECK(f.v().total == "172.60");  // 5 % off the haircut (basic tier, hair); the shampoo at list price
  // More stored value than is due is capped at what is due.
  f.apply(ui::CheckoutAmountKeys{"100"});
  f.apply(ui::CheckoutAddTender{"stored_value"});
  REQUIRE(f.v().tenders.size() == 1);
  CHECK(f.v().remaining == "72.60");
  CHECK(f.v().quickCash == std::vector<std::string>{"72.60", "80.00", "100.00"});
  // WeChat without a scanned payment code asks for the scan; nothing is entered.
  f.apply(ui::CheckoutAddTender{"wechat"});
  CHECK(f.v().message == "请扫描顾客的微信/支付宝付款码");
  CHECK(f.v().tenders.size() == 1);
  // She hands over 100: 27.40 change.
  f.apply(ui::CheckoutQuickCash{"100.00"});
  CHECK(f.v().fullyPaid);
  CHECK(f.v().change == "27.40");
  CHECK(f.v().tenders.size() == 2);
  f.apply(ui::CheckoutSettle{});
  f.apply(ui::CheckoutSettle{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Settled);
  CHECK(f.count("SELECT count(*) FROM sales WHERE id = '" + saleId + "'") == 1);
  CHECK(f.count("SELECT count(*) FROM sales WHERE kind = 'sale' AND customer_id = " + std::to_string(f.meiling)) == 2);
  CHECK(f.v().change == "27.40");
  CHECK(f.v().bar.storedValue == "1100.00");
  auto acct = storage::loadAccount(f.db->sql(), f.meiling, CheckoutPolicy{}, f.clock.now());
  REQUIRE(acct);
  CHECK((acct->svPrincipal + acct->svBonus).fen == 110000);
  // The same sale, settled again through the store, is that sale (not a second one).
  auto setup = storage::loadCheckoutSetup(f.db->sql());
  auto again = storage::SaleStore(*f.db, setup).settle(f.kiosk->checkoutDesk().request(), *f.kiosk->staff(), f.clock.now());
  CHECK(again.replayed);
  CHECK(f.count("SELECT count(*) FROM sales") == 2);
  // Tests run background work at once: the receipt text is there.
  CHECK_FALSE(f.v().receiptText.empty());
  CHECK(f.v().saleNo.find(saleId.substr(0, 8)) != std::string::npos);
}

TEST_CASE("checkout: a removed line can be undone while the removal is recent") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  CHECK(f.v().bar.name.empty());
  f.apply(ui::CheckoutAddItem{"P-SERUM"});
  f.apply(ui::CheckoutAddItem{"P-MASK"});
  REQUIRE(f.v().lines.size() == 2);
  int serum = f.v().lines[0].id;
  f.apply(ui::CheckoutRemoveLine{serum});
  CHECK(f.v().lines.size() == 1);
  CHECK(f.v().undoName == "玻尿酸精华");
  CHECK(f.v().total == "128.00");
  f.apply(ui::CheckoutUndoRemove{});
  REQUIRE(f.v().lines.size() == 2);
  CHECK(f.v().lines[0].id == serum);
  CHECK(f.v().undoName.empty());
  // Too late: after the undo time the chance is gone.
  f.apply(ui::CheckoutRemoveLine{serum});
  f.clock.advance(CheckoutDesk::kUndoFor);
  CHECK(f.kiosk->tick());
  CHECK(f.v().undoName.empty());
  f.apply(ui::CheckoutUndoRemove{});
  CHECK(f.v().lines.size() == 1);
}

TEST_CASE("checkout: a cashier may not give a manual discount: a manager may") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  f.apply(ui::CheckoutAddItem{"P-SERUM"});
  CHECK_FALSE(f.v().mayDiscount);
  f.apply(ui::CheckoutOpenDiscount{});
  CHECK(f.v().entry == ui::CheckoutEntry::None);
  CHECK(f.v().message == f.kiosk->catalog().text("error.permission_denied"));
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'cash'") == 1);
  // The cashier locks and the manager signs in: the open ticket comes back to them.
  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("mgr", "1234");
  CHECK(f.kiosk->view().screen == ui::Screen::Checkout);
  REQUIRE(f.v().lines.size() == 1);
  CHECK(f.v().mayDiscount);
  f.apply(ui::CheckoutOpenDiscount{});
  REQUIRE(f.v().entry == ui::CheckoutEntry::Discount);
  f.apply(ui::CheckoutEntryKeys{"20="});
  CHECK(f.v().total == "279.00");
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutAddTender{"card"});
  f.apply(ui::CheckoutSettle{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Settled);
  CHECK(f.count("SELECT count(*) FROM sales WHERE approved_by = 'mgr'") == 1);
}

TEST_CASE("checkout: a walk-in finds a member by phone: arrears beyond the limit are refused") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  // A member card scanned at the counter: that member at once.
  f.apply(ui::CheckoutScanned{"M00000001"});
  CHECK(f.v().bar.name == "张三");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  // A payment code is not a member card.
  f.apply(ui::CheckoutScanned{"134567890123456789"});
  CHECK(f.v().message == "扫描到的是付款码：付款码只用于收款，不能用于查找会员");
  CHECK(f.v().bar.name.empty());
  f.apply(ui::CheckoutFindMember{});
  f.apply(ui::CheckoutEntryKeys{"13912345678="});
  REQUIRE(f.v().found.size() == 1);
  CHECK(f.v().found[0].maskedPhone == "139****5678");
  f.apply(ui::CheckoutPickCustomer{f.v().found[0].id});
  CHECK(f.v().customer == f.meiling);
  CHECK(f.v().bar.name == "陳美玲");
  f.apply(ui::CheckoutAddItem{"S-PERM"});
  f.apply(ui::CheckoutChooseStaff{f.v().lines[0].id, "sup"});
  f.apply(ui::CheckoutAddItem{"S-COLOR"});
  f.apply(ui::CheckoutChooseStaff{f.v().lines[1].id, "sup"});
  f.apply(ui::CheckoutOpenTender{});
  // No stored value: using it anyway is refused, translated, nothing entered.
  CHECK(std::none_of(f.v().tenderOptions.begin(), f.v().tenderOptions.end(),
                     [](const auto& o) { return o.type == "stored_value"; }));
  f.apply(ui::CheckoutAddTender{"stored_value"});
  CHECK(f.v().message == "储值余额不足");
  CHECK(f.v().tenders.empty());
  f.apply(ui::CheckoutAddTender{"arrears"});
  CHECK(f.v().message == "超出该顾客的欠费额度");
  CHECK(f.v().tenders.empty());
  // A payment code scanned at the tender screen pays what is left by WeChat.
  f.apply(ui::CheckoutScanned{"134567890123456789"});
  REQUIRE(f.v().tenders.size() == 1);
  CHECK(f.v().tenders[0].typeKey == "ui.checkout.tender.wechat");
  CHECK(f.v().tenders[0].ref == "134567890123456789");
  CHECK(f.v().fullyPaid);
}

// Issue 15: a customer who paid by scanning the store's own QR code has no payment
// code to scan: the cashier types the end of the transaction number, and it is
// kept as the tender's reference.
TEST_CASE("checkout: a WeChat payment to the store's static QR code takes the transaction number's digits") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  f.apply(ui::CheckoutAddItem{"P-MASK"});
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutAmountKeys{"10"});  // an amount typed before: kept for the tender
  f.apply(ui::CheckoutStaticQr{});
  CHECK(f.v().staticQr);
  CHECK(f.v().message == "请输入顾客手机上交易单号的后4位或更多，再点微信或支付宝");
  f.apply(ui::CheckoutAmountKeys{"123"});
  CHECK(f.v().staticQrDigits == "123");
  CHECK(f.v().amountEntry == "10");
  f.apply(ui::CheckoutAddTender{"wechat"});  // three digits are not enough
  CHECK(f.v().tenders.empty());
  CHECK(f.v().message == "交易单号至少输入后4位数字（最多32位）");
  f.apply(ui::CheckoutAmountKeys{"4"});
  f.apply(ui::CheckoutAddTender{"wechat"});
  REQUIRE(f.v().tenders.size() == 1);
  CHECK(f.v().tenders[0].typeKey == "ui.checkout.tender.wechat");
  CHECK(f.v().tenders[0].ref == "static:1234");
  CHECK(f.v().tenders[0].amount == "10.00");
  CHECK_FALSE(f.v().staticQr);  // back to amounts for the rest
  CHECK(f.v().staticQrDigits.empty());
  // A second tap on the button leaves the mode without a tender.
  f.apply(ui::CheckoutStaticQr{});
  f.apply(ui::CheckoutAmountKeys{"99"});
  f.apply(ui::CheckoutStaticQr{});
  CHECK_FALSE(f.v().staticQr);
  f.apply(ui::CheckoutAddTender{"cash"});
  CHECK(f.v().fullyPaid);
  f.apply(ui::CheckoutSettle{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Settled);
  CHECK(f.count("SELECT count(*) FROM sale_tenders WHERE type = 'wechat' AND ref = 'static:1234' AND amount = 1000") == 1);
}

TEST_CASE("checkout: print and reprint go through the persistent print queue: no printer is said on screen") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  f.apply(ui::CheckoutAddItem{"P-MASK"});
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutAddTender{"cash"});
  f.apply(ui::CheckoutSettle{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Settled);
  f.apply(ui::CheckoutPrint{});
  CHECK(f.v().message == "未设置小票打印机（设置 → 打印机），小票未打印");
  CHECK_FALSE(f.v().printing);

  devices::PaperPreview preview(*devices::profileByName("58mm"));
  int uploads = 0;
  f.kiosk->checkoutDesk().setTickets(&preview, [&](const TicketPicture& p, std::uintptr_t) {
    ++uploads;
    CHECK(p.width == 384);
    return std::uintptr_t{7};
  });
  auto printDb = storage::Database::open(f.db->path(), {storage::OpenMode::Existing});
  storage::SqlitePrintJobStore store(*printDb);
  std::vector<devices::PrintOutcome> outcomes;
  devices::PrintQueue q(store, f.clock, {}, [&](const devices::PrintOutcome& o) { outcomes.push_back(o); });
  f.kiosk->setPrintSpool(&q);
  f.db->write([&](SQLite::Database& s) { storage::writeSetting(s, "printer.receipt", "file:" + f.dir.file("r.bin") + "?profile=58mm"); });
  // The next sale shows its picture, then prints twice: the second says 重印.
  f.apply(ui::CheckoutNewSale{});
  f.apply(ui::CheckoutAddItem{"P-MASK"});
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutAddTender{"card"});
  f.apply(ui::CheckoutSettle{});
  CHECK(uploads == 1);
  CHECK(f.v().receiptTexture == 7);
  CHECK(f.v().receiptText.find("补水面膜") != std::string::npos);
  f.apply(ui::CheckoutPrint{});
  CHECK(f.v().printing);
  REQUIRE(q.waitIdle(20000));
  REQUIRE(outcomes.size() == 1);
  f.kiosk->checkoutDesk().printFinished(outcomes[0].jobId, outcomes[0].state, outcomes[0].reason);
  CHECK(f.v().message == "小票已打印");
  f.apply(ui::CheckoutPrint{});
  CHECK(f.v().message == "正在重印…");
  REQUIRE(q.waitIdle(20000));
  auto jobs = store.recentJobs(5);
  REQUIRE(jobs.size() == 2);
  auto second = store.findJob(jobs[0].id);
  REQUIRE(second);
  CHECK(second->bytes.find("\xd6\xd8\xd3\xa1") != std::string::npos);  // 重印 in GB18030
}

TEST_CASE("checkout: before the day is opened the screen offers 开班 with its float: then the sale settles") {
  Fixture f(false);
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
  CHECK_FALSE(f.v().dayOpen);
  f.apply(ui::CheckoutAddItem{"P-MASK"});
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutAddTender{"card"});
  f.apply(ui::CheckoutSettle{});
  CHECK(f.v().stage == ui::CheckoutStage::Tender);
  CHECK(f.v().message == "营业日未开启，请先开班");
  CHECK(f.count("SELECT count(*) FROM sales") == 0);
  f.apply(ui::CheckoutBackToCart{});
  f.apply(ui::CheckoutOpenDay{});
  REQUIRE(f.v().entry == ui::CheckoutEntry::OpeningFloat);
  f.apply(ui::CheckoutEntryKeys{"500="});
  CHECK(f.v().dayOpen);
  CHECK(f.count("SELECT opening_float FROM business_days WHERE closed_at IS NULL") == 50000);
  f.apply(ui::CheckoutOpenTender{});
  f.apply(ui::CheckoutAddTender{"card"});
  f.apply(ui::CheckoutSettle{});
  CHECK(f.v().stage == ui::CheckoutStage::Settled);
  CHECK(f.count("SELECT count(*) FROM sales") == 1);
}
