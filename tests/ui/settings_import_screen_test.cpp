// Settings → 数据导入 drawn headless at the kiosk's three sizes: every target at
// least 48 px and on screen, and the buttons stay where they are when a preview
// with many lines arrives (no layout jump).
#include <catch2/catch.hpp>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView importView() {
  KioskView v;
  v.screen = Screen::Settings;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.staffName = "王店长";
  v.settings.title = "设置";
  v.settings.sections = {SettingsSection::Catalog, SettingsSection::Staff, SettingsSection::Printer,
                         SettingsSection::Store,   SettingsSection::Backup, SettingsSection::HeadOffice,
                         SettingsSection::Import};
  v.settings.section = SettingsSection::Import;
  v.settings.moving.files = {{"/media/usb/members.csv", "members.csv  ·  /media/usb"}};
  v.settings.moving.file = "/media/usb/members.csv";
  return v;
}

const Tappable* find(Headless& h, const std::string& id) {
  for (const Tappable& t : h.record().tappables())
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("settings import: 48 px targets on screen at 800x600, 1024x768 and 1920x1080, no jump on preview") {
  for (auto [w, hgt] : {std::pair{800, 600}, std::pair{1024, 768}, std::pair{1920, 1080}}) {
    Headless h(w, hgt);
    KioskView v = importView();
    h.frame(v);
    h.frame(v);
    const Tappable* run = find(h, "settings.import.run");
    REQUIRE(run);
    const float before = run->y0;
    for (const Tappable& t : h.record().tappables()) {
      INFO(t.id << " at " << w << "x" << hgt);
      CHECK(t.y1 - t.y0 >= 48 * h.metrics().scale);
      CHECK(t.x1 - t.x0 >= 48 * h.metrics().scale);
      CHECK(t.y1 <= static_cast<float>(hgt) + 0.5f);
      CHECK(t.x1 <= static_cast<float>(w) + 0.5f);
    }
    v.settings.moving.previewed = true;
    for (int i = 0; i < 20; ++i) v.settings.moving.bad.push_back(std::to_string(i + 2) + ": phone_invalid: 123");
    v.settings.moving.totals = {"会员：3", "储值本金：¥1290.00 · 赠送 ¥50.50", "积分：0", "欠款：¥150.00"};
    v.settings.moving.badMore = "…… 另有错误行：17";
    v.settings.moving.importable = true;
    h.frame(v);
    h.frame(v);
    run = find(h, "settings.import.run");
    REQUIRE(run);
    CHECK(run->y0 == Approx(before));
    Intents tapped = h.tap(v, "settings.import.run");
    REQUIRE(tapped.size() == 1);
    CHECK(std::get<SettingsAct>(std::get<SettingsIntent>(tapped[0])).action == "import.run");
  }
}
