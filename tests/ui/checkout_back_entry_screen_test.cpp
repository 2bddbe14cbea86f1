// Headless: 补录 on the checkout screen (issue 15). The editor in the catalog's
// place, the banner over the totals and the keypad for a time of today: every
// target 48 px or more and inside the window at every size and language, the
// buttons where a finger left them whatever is chosen, taps become the intents.
#include <catch2/catch.hpp>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;
using salon::test::checkoutIntent;

namespace {

KioskView backEntryView(const char* language) {
  KioskView v;
  v.screen = Screen::Checkout;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.language = language;
  v.status.staffName = "陈前台";
  CheckoutView& c = v.checkout;
  c.lines = {{1, "洗剪吹", 1, "林美容师", true, "88.00", "", "", "88.00", ""}};
  c.gross = c.total = "88.00";
  c.benefits = "0.00";
  c.entry = CheckoutEntry::BackEntry;
  c.backEntry.earliest = "09:00";
  return v;
}

void checkTargets(Headless& ui, int w, int h, const char* language, const char* state) {
  REQUIRE_FALSE(ui.record().tappables().empty());
  for (const Tappable& t : ui.record().tappables()) {
    INFO(t.id << " at " << w << "x" << h << " in " << language << " (" << state << "): " << t.x0 << "," << t.y0
              << " - " << t.x1 << "," << t.y1);
    if (!t.cut) {  // a cart line cut by the cart's edge shows whole when scrolled
      CHECK(t.y1 - t.y0 >= 47.5f);
      CHECK(t.x1 - t.x0 >= 47.5f);
    }
    CHECK(t.x1 <= w + 0.5f);
    CHECK(t.y1 <= h + 0.5f);
  }
}

}  // namespace

TEST_CASE("checkout back-entry: every target is 48 px or more and inside the window, at every size and language") {
  for (auto [w, h] : {std::pair{800, 600}, std::pair{1024, 768}, std::pair{768, 1024}, std::pair{1920, 1080}}) {
    for (const char* language : {"zh-Hans", "zh-Hant", "en"}) {
      Headless ui(w, h, language);
      KioskView v = backEntryView(language);
      v.checkout.backEntry.choice = 1;
      v.checkout.backEntry.draftAt = "14:05";
      v.checkout.backEntry.draftLate = true;
      v.checkout.backEntry.draftReason = "forgot";
      ui.frame(v);
      ui.frame(v);
      checkTargets(ui, w, h, language, "chips");
      CHECK(ui.record().find("checkout.back_entry.reason.customer_left"));
      CHECK(ui.record().find("checkout.back_entry.ok"));
      v.checkout.backEntry.typing = true;
      v.checkout.backEntry.typed = "14:0";
      ui.frame(v);
      ui.frame(v);
      checkTargets(ui, w, h, language, "keypad");
      CHECK(ui.record().find("checkout.back_entry.key.0"));
      CHECK(ui.record().find("checkout.back_entry.chips"));
      v.checkout.entry = CheckoutEntry::None;
      v.checkout.backEntry = {};
      v.checkout.backEntry.active = true;
      v.checkout.backEntry.at = "14:05";
      v.checkout.backEntry.reasonKey = "ui.checkout.back_entry.reason.customer_left";
      v.checkout.backEntry.late = true;
      ui.frame(v);
      ui.frame(v);
      checkTargets(ui, w, h, language, "banner");
      CHECK(ui.record().find("checkout.back_entry.clear"));
    }
  }
}

TEST_CASE("checkout back-entry: a choice does not move the buttons, and taps become the desk's intents") {
  Headless ui(800, 600);
  KioskView v = backEntryView("zh-Hans");
  ui.frame(v);
  ui.frame(v);
  CHECK(ui.record().drew("补录：服务完成于"));
  CHECK(ui.record().drew("不早于开班 09:00"));
  const Tappable before = *ui.record().find("checkout.back_entry.ok");
  const Tappable chipBefore = *ui.record().find("checkout.back_entry.reason.forgot");
  const Intents chip = ui.tap(v, "checkout.back_entry.time.2");
  REQUIRE(checkoutIntent<CheckoutBackEntryTime>(chip));
  CHECK(checkoutIntent<CheckoutBackEntryTime>(chip)->choice == 1);
  v.checkout.backEntry.choice = 1;
  v.checkout.backEntry.draftAt = "14:05";
  v.checkout.backEntry.draftLate = true;
  v.checkout.backEntry.draftReason = "forgot";
  ui.frame(v);
  ui.frame(v);
  CHECK(ui.record().drew("完成于 14:05"));
  CHECK(ui.record().drew("将记为超时补录"));
  const Tappable after = *ui.record().find("checkout.back_entry.ok");
  const Tappable chipAfter = *ui.record().find("checkout.back_entry.reason.forgot");
  CHECK(after.y0 == Approx(before.y0));
  CHECK(after.x0 == Approx(before.x0));
  CHECK(chipAfter.y0 == Approx(chipBefore.y0));
  const Intents reason = ui.tap(v, "checkout.back_entry.reason.customer_left");
  REQUIRE(checkoutIntent<CheckoutBackEntryReason>(reason));
  CHECK(checkoutIntent<CheckoutBackEntryReason>(reason)->code == "customer_left");
  CHECK(checkoutIntent<CheckoutApplyBackEntry>(ui.tap(v, "checkout.back_entry.ok")));
  CHECK(checkoutIntent<CheckoutCancelBackEntry>(ui.tap(v, "checkout.back_entry.cancel")));
  // The keypad types the time of today; its OK is '='.
  v.checkout.backEntry.typing = true;
  ui.frame(v);
  ui.frame(v);
  const Intents seven = ui.tap(v, "checkout.back_entry.key.7");
  REQUIRE(checkoutIntent<CheckoutBackEntryKeys>(seven));
  CHECK(checkoutIntent<CheckoutBackEntryKeys>(seven)->keys == "7");
  CHECK(checkoutIntent<CheckoutBackEntryKeys>(ui.tap(v, "checkout.back_entry.key.ok"))->keys == "=");
  CHECK(checkoutIntent<CheckoutBackEntryTime>(ui.tap(v, "checkout.back_entry.chips"))->choice == -1);
}

TEST_CASE("checkout back-entry: the banner says when and why, the tender and the settled sale too") {
  Headless ui(1024, 768);
  KioskView v = backEntryView("zh-Hans");
  v.checkout.entry = CheckoutEntry::None;
  ui.frame(v);
  ui.frame(v);
  CHECK(checkoutIntent<CheckoutOpenBackEntry>(ui.tap(v, "checkout.back_entry.open")));
  CHECK_FALSE(ui.record().find("checkout.back_entry.clear"));
  v.checkout.backEntry.active = true;
  v.checkout.backEntry.at = "14:05";
  v.checkout.backEntry.reasonKey = "ui.checkout.back_entry.reason.forgot";
  v.checkout.backEntry.late = true;
  ui.frame(v);
  ui.frame(v);
  CHECK(ui.record().drew("补录 · 完成于 14:05"));
  CHECK(ui.record().drew("忘记录入 · 将记为超时补录"));
  CHECK(checkoutIntent<CheckoutCancelBackEntry>(ui.tap(v, "checkout.back_entry.clear")));
  v.checkout.stage = CheckoutStage::Tender;
  ui.frame(v);
  ui.frame(v);
  CHECK(ui.record().drew("补录 · 完成于 14:05 · 忘记录入 · 将记为超时补录"));
  v.checkout.stage = CheckoutStage::Settled;
  v.checkout.settledAt = "14:05";
  v.checkout.settledLate = true;
  ui.frame(v);
  ui.frame(v);
  CHECK(ui.record().drew("补录 · 完成于 14:05 · 已记为超时补录"));
}
