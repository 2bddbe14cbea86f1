// Headless: the checkout screen drawn by Dear ImGui without a window; taps
// become the desk's intents, the view model's texts are drawn, targets are big.
#include <catch2/catch.hpp>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;
using salon::test::checkoutIntent;

namespace {

KioskView cartView() {
  KioskView v;
  v.screen = Screen::Checkout;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.language = "zh-Hans";
  CheckoutView& c = v.checkout;
  c.customer = 2;
  c.bar.name = "陳美玲";
  c.bar.tier = "普通会员";
  c.bar.points = "120";
  c.bar.storedValue = "1200.00";
  c.bar.arrears = "0.00";
  c.bar.packages = {"补水护理10次卡 ×8"};
  c.categories = {{"ui.checkout.cat.hair", {{"S-CUT", "洗剪吹", "88.00"}, {"S-PERM", "烫发", "488.00"}}},
                  {"ui.checkout.cat.product", {{"P-SHAMPOO", "护色洗发水", "89.00"}}}};
  c.lines = {{1, "洗剪吹", 1, "林美容师", true, "88.00", "ui.checkout.benefit.member_tier", "-4.40", "83.60", ""},
             {2, "护色洗发水", 1, "陈前台", false, "89.00", "", "", "89.00", ""}};
  c.gross = "177.00";
  c.benefits = "4.40";
  c.total = "172.60";
  return v;
}

}  // namespace

TEST_CASE("checkout screen: the customer bar, the tiles and the cart with staff per line") {
  Headless h;
  KioskView v = cartView();
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("陳美玲"));
  CHECK(h.record().drew("储值 ¥1200.00"));
  CHECK(h.record().drew("补水护理10次卡 ×8"));
  CHECK(h.record().drew("¥172.60"));
  CHECK(h.record().drew("会员价 -4.40"));
  CHECK(h.record().drew("林美容师"));
  // Touch targets: at least the touch height (48 px at 1024×768) everywhere.
  for (const char* id : {"checkout.item.S-CUT", "checkout.pay", "checkout.line.1.remove", "checkout.line.1.staff",
                         "checkout.cat.2", "checkout.back"}) {
    const Tappable* t = h.record().find(id);
    REQUIRE(t);
    CHECK(t->y1 - t->y0 >= 48);
    CHECK(t->y1 <= 768);
  }
  auto added = h.tap(v, "checkout.item.S-PERM");
  REQUIRE(checkoutIntent<CheckoutAddItem>(added));
  CHECK(checkoutIntent<CheckoutAddItem>(added)->code == "S-PERM");
  auto removed = h.tap(v, "checkout.line.2.remove");
  REQUIRE(checkoutIntent<CheckoutRemoveLine>(removed));
  CHECK(checkoutIntent<CheckoutRemoveLine>(removed)->line == 2);
  auto category = h.tap(v, "checkout.cat.2");
  REQUIRE(checkoutIntent<CheckoutPickCategory>(category));
  CHECK(checkoutIntent<CheckoutPickCategory>(category)->index == 1);
  CHECK(checkoutIntent<CheckoutOpenTender>(h.tap(v, "checkout.pay")));
  // No discount button for a cashier; undo replaces it while a removal is recent.
  CHECK_FALSE(h.record().find("checkout.discount"));
  v.checkout.undoName = "护色洗发水";
  h.frame(v);
  CHECK(checkoutIntent<CheckoutUndoRemove>(h.tap(v, "checkout.undo")));
}

TEST_CASE("checkout screen: the health alert is shown until acknowledged: staff are chosen by tapping") {
  Headless h;
  KioskView v = cartView();
  v.checkout.bar.alert = "过敏：芒果、海鲜";
  v.checkout.askingStaffFor = 1;
  v.checkout.staffChoices = {{"beau", "林美容师"}, {"sup", "李主管"}};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("芒果、海鲜"));
  CHECK(h.record().drew("谁做的服务"));
  CHECK(checkoutIntent<CheckoutAcknowledgeAlert>(h.tap(v, "checkout.alert.ack")));
  auto chosen = h.tap(v, "checkout.staff.sup");
  REQUIRE(checkoutIntent<CheckoutChooseStaff>(chosen));
  CHECK(checkoutIntent<CheckoutChooseStaff>(chosen)->code == "sup");
  CHECK(checkoutIntent<CheckoutChooseStaff>(chosen)->line == 1);
  v.checkout.bar.alertAcknowledged = true;
  h.frame(v);
  CHECK_FALSE(h.record().find("checkout.alert.ack"));
}

TEST_CASE("checkout screen: the tender screen's keypad, quick cash, ways to pay and a scanned payment code") {
  Headless h;
  KioskView v = cartView();
  CheckoutView& c = v.checkout;
  c.stage = CheckoutStage::Tender;
  c.saleId = "5f0c1a9e-0000-4000-8000-000000000001";
  c.paid = "50.00";
  c.remaining = "122.60";
  c.tenders = {{"ui.checkout.tender.stored_value", "50.00", ""}};
  c.tenderOptions = {{"cash", ""}, {"card", ""}, {"wechat", ""}, {"alipay", ""}, {"stored_value", "1200.00"}};
  c.quickCash = {"122.60", "130.00", "150.00", "200.00"};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("¥122.60"));
  CHECK(h.record().drew("储值卡  ¥50.00"));
  auto keys = h.tap(v, "checkout.amount.5");
  REQUIRE(checkoutIntent<CheckoutAmountKeys>(keys));
  CHECK(checkoutIntent<CheckoutAmountKeys>(keys)->keys == "5");
  auto cash = h.tap(v, "checkout.cash.4");
  REQUIRE(checkoutIntent<CheckoutQuickCash>(cash));
  CHECK(checkoutIntent<CheckoutQuickCash>(cash)->amount == "200.00");
  auto sv = h.tap(v, "checkout.tender.stored_value");
  REQUIRE(checkoutIntent<CheckoutAddTender>(sv));
  CHECK(checkoutIntent<CheckoutAddTender>(sv)->type == "stored_value");
  CHECK(checkoutIntent<CheckoutSettle>(h.tap(v, "checkout.settle")));
  const Tappable* settle = h.record().find("checkout.settle");
  REQUIRE(settle);
  CHECK(settle->y1 <= 768);
  // A wedge reader's fast keys and Enter: the payment code, taken as typed.
  ImGuiIO& io = ImGui::GetIO();
  for (char ch : std::string("134567890123456789")) io.AddInputCharacter(static_cast<unsigned>(ch));
  h.frame(v);
  io.KeysDown[io.KeyMap[ImGuiKey_Enter]] = true;
  auto scanned = h.frame(v);
  io.KeysDown[io.KeyMap[ImGuiKey_Enter]] = false;
  h.frame(v);
  REQUIRE(checkoutIntent<CheckoutScanned>(scanned));
  CHECK(checkoutIntent<CheckoutScanned>(scanned)->payload == "134567890123456789");
}

TEST_CASE("checkout screen: the settled sale shows the receipt and offers print, then 重印") {
  Headless h;
  KioskView v = cartView();
  CheckoutView& c = v.checkout;
  c.stage = CheckoutStage::Settled;
  c.saleNo = "S01-20261122-11231a85";
  c.settledTotal = "172.60";
  c.change = "27.40";
  c.receiptText = "悦容美容美发沙龙\n销售小票\n洗剪吹";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("S01-20261122-11231a85"));
  CHECK(h.record().drew("销售小票"));
  CHECK(h.record().drew("¥27.40"));
  CHECK(h.record().find("checkout.print")->label == "打印小票");
  CHECK(checkoutIntent<CheckoutPrint>(h.tap(v, "checkout.print")));
  c.prints = 1;
  h.frame(v);
  CHECK(h.record().find("checkout.print")->label == "重印");
  for (const char* id : {"checkout.print", "checkout.next", "checkout.home"}) {
    const Tappable* t = h.record().find(id);
    REQUIRE(t);
    CHECK(t->y1 <= 768);
    CHECK(t->y1 - t->y0 >= 48);
  }
  CHECK(checkoutIntent<CheckoutNewSale>(h.tap(v, "checkout.next")));
}

TEST_CASE("checkout screen: 服务完成 on a served service line for those who may tap it, then the time it was done") {
  Headless h;
  KioskView v = cartView();
  h.frame(v);
  h.frame(v);
  CHECK_FALSE(h.record().find("checkout.line.1.finish"));  // a cashier: not offered
  v.checkout.mayFinishServices = true;
  h.frame(v);
  CHECK_FALSE(h.record().find("checkout.line.2.finish"));  // a product has no service to finish
  const Intents in = h.tap(v, "checkout.line.1.finish");
  REQUIRE(in.size() == 1);
  const auto* i = std::get_if<CheckoutIntent>(&in[0]);
  REQUIRE(i);
  REQUIRE(std::holds_alternative<CheckoutFinishService>(*i));
  CHECK(std::get<CheckoutFinishService>(*i).line == 1);
  v.checkout.lines[0].finishedAt = "14:05";
  h.frame(v);
  CHECK_FALSE(h.record().find("checkout.line.1.finish"));
  CHECK(h.record().drew("已完成 14:05"));
  // Done stays shown to a cashier too.
  v.checkout.mayFinishServices = false;
  h.frame(v);
  CHECK(h.record().drew("已完成 14:05"));
}

// Issue 15: WeChat / Alipay paid to the store's own QR code: the button switches
// the keypad to the transaction number's digits, and the tender shows them named.
TEST_CASE("checkout screen: the static QR button, the digits in the amount box, the tender named 店码") {
  Headless h;
  KioskView v = cartView();
  CheckoutView& c = v.checkout;
  c.stage = CheckoutStage::Tender;
  c.saleId = "5f0c1a9e-0000-4000-8000-000000000002";
  c.remaining = "122.60";
  c.tenderOptions = {{"cash", ""}, {"card", ""}, {"wechat", ""}, {"alipay", ""}};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("顾客扫了本店收款码"));
  CHECK(checkoutIntent<CheckoutStaticQr>(h.tap(v, "checkout.static_qr")));
  c.staticQr = true;
  c.staticQrDigits = "5678";
  c.tenders = {{"ui.checkout.tender.wechat", "20.00", "static:1234"}};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("交易单号后几位"));
  CHECK(h.record().drew("5678"));
  CHECK(h.record().drew("改回扫顾客付款码"));
  CHECK(h.record().drew("微信  ¥20.00  店码 1234   ✕"));
}
