// A member's figures (issue 18) drawn headless on the checkout's customer bar and
// the check-in greeting: stored value as principal + bonus, points, packages,
// arrears and whose figures they are (总部 / 本店) with the time; everything
// inside its panel and every target big enough at every counter size.
#include <catch2/catch.hpp>

#include <cstring>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

const std::pair<int, int> kSizes[] = {{800, 600}, {1024, 768}, {1920, 1080}, {768, 1024}};

MemberFiguresView figures(bool headOffice, bool asking) {
  MemberFiguresView f;
  f.shown = true;
  f.principal = "750.00";
  f.bonus = "150.00";
  f.points = "1,280";
  f.packages = {"深层补水护理 ×7", "肩颈按摩 ×3"};
  f.morePackages = 1;
  f.arrears = "80.00";
  f.headOffice = headOffice;
  f.asking = asking;
  f.asOf = "14:05";
  return f;
}

KioskView checkoutView(const std::string& language) {
  KioskView v;
  v.screen = Screen::Checkout;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.staffName = "陈前台";
  v.status.language = language;
  CheckoutView& c = v.checkout;
  c.customer = 2;
  c.bar.name = "陳美玲";
  c.bar.memberNo = "M00000002";
  c.bar.tier = "金卡会员";
  c.bar.fileNo = "S01-2026-000002";
  c.bar.figures = figures(true, false);
  c.categories = {{"ui.checkout.cat.hair", {{"S-CUT", "洗剪吹", "88.00"}, {"S-PERM", "烫发", "488.00"}}},
                  {"ui.checkout.cat.face", {{"S-FACIAL", "深层补水护理", "128.00"}}}};
  c.lines = {{1, "洗剪吹", 1, "林美容师", true, "88.00", "", "", "88.00", ""}};
  c.gross = c.total = "88.00";
  c.benefits = "0.00";
  return v;
}

KioskView checkInView(const std::string& language) {
  KioskView v;
  v.screen = Screen::CheckIn;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.language = language;
  v.status.customerFacing = true;
  v.checkIn.card = {2, "qr", "陳美玲", "金卡会员", {"14:00 深层补水护理"}, "1,280", "¥900.00"};
  v.checkIn.card.figures = figures(false, true);
  return v;
}

// Every window drawn this frame whose name holds `part`: what was drawn in it
// stays inside it (a clipped figure would be a figure not seen).
void checkInside(const char* part, int w, int h) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  int found = 0;
  for (ImGuiWindow* win : g.Windows) {
    if (!win->Active || !std::strstr(win->Name, part)) continue;
    ++found;
    INFO(win->Name << " at " << w << "x" << h);
    CHECK(win->DC.CursorMaxPos.x <= win->InnerRect.Max.x + 1);
    CHECK(win->DC.CursorMaxPos.y <= win->InnerRect.Max.y + 1);
    CHECK(win->Pos.x + win->Size.x <= w + 0.5f);
    CHECK(win->Pos.y + win->Size.y <= h + 0.5f);
  }
  CHECK(found > 0);
}

void checkTargets(const Headless& ui, int w, int h) {
  for (const Tappable& t : ui.record().tappables()) {
    INFO(t.id << " at " << w << "x" << h << ": " << t.x0 << "," << t.y0 << " - " << t.x1 << "," << t.y1);
    CHECK(t.y1 - t.y0 >= 48 * ui.metrics().scale - 0.5f);
    CHECK(t.x1 - t.x0 >= 48 * ui.metrics().scale - 0.5f);
    CHECK(t.x1 <= w + 0.5f);
    CHECK(t.y1 <= h + 0.5f);
  }
}

}  // namespace

TEST_CASE("member figures: the checkout bar says principal + bonus, points, packages, arrears and 总部 with the time") {
  Headless h;
  KioskView v = checkoutView("zh-Hans");
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("储值 ¥750.00 + 赠送 ¥150.00"));
  CHECK(h.record().drew("积分 1,280"));
  CHECK(h.record().drew("疗程 深层补水护理 ×7、肩颈按摩 ×3 等1项"));
  CHECK(h.record().drew("欠费 ¥80.00"));
  CHECK(h.record().drew("总部 · 14:05"));
  // The store's own while head office is asked, then the store's own for good.
  v.checkout.bar.figures = figures(false, true);
  h.frame(v);
  CHECK(h.record().drew("本店 · 14:05 · 正在问总部…"));
  v.checkout.bar.figures.asking = false;
  h.frame(v);
  CHECK(h.record().drew("本店 · 14:05"));
  CHECK_FALSE(h.record().drew("正在问总部"));
  // Without figures (a customer who is not a member) the bar is as before.
  v.checkout.bar.figures = {};
  v.checkout.bar.points = "120";
  v.checkout.bar.storedValue = "1200.00";
  h.frame(v);
  CHECK(h.record().drew("储值 ¥1200.00"));
  CHECK_FALSE(h.record().drew("总部"));
}

TEST_CASE("member figures: the check-in greeting shows them with the source") {
  Headless h;
  KioskView v = checkInView("zh-Hans");
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("欢迎您，陳美玲"));
  CHECK(h.record().drew("1,280"));
  CHECK(h.record().drew("¥750.00"));
  CHECK(h.record().drew("赠送余额 ¥150.00"));
  CHECK(h.record().drew("疗程 深层补水护理 ×7"));
  CHECK(h.record().drew("欠费 ¥80.00"));
  CHECK(h.record().drew("本店 · 14:05 · 正在问总部…"));
  REQUIRE(h.record().find("checkin.confirm"));
}

TEST_CASE("member figures: the bar and the greeting fit at every counter size and language, targets 48 px") {
  for (auto [w, hgt] : kSizes) {
    for (const char* language : {"zh-Hans", "zh-Hant", "en"}) {
      Headless ui(w, hgt, language);
      KioskView v = checkoutView(language);
      v.checkout.bar.alert = "过敏：芒果";
      v.checkout.bar.alertAcknowledged = true;
      v.checkout.bar.suspended = true;
      ui.frame(v);
      ui.frame(v);
      checkInside("checkout.bar", w, hgt);
      checkTargets(ui, w, hgt);
      REQUIRE(ui.record().find("checkout.pay"));
      v.checkout.bar.figures = figures(false, true);  // the longest chip
      ui.frame(v);
      checkInside("checkout.bar", w, hgt);

      KioskView c = checkInView(language);
      ui.frame(c);
      ui.frame(c);
      checkInside("checkin.left", w, hgt);
      checkTargets(ui, w, hgt);
      REQUIRE(ui.record().find("checkin.own_file"));
    }
  }
}
