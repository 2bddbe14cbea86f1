// Headless: the Settings screen draws its sections, lists and editor, and turns
// taps into its intents.
#include <catch2/catch.hpp>

#include <optional>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView settingsView() {
  KioskView v;
  v.screen = Screen::Settings;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.staffName = "王店长";
  v.status.language = "zh-Hans";
  SettingsView& s = v.settings;
  s.title = "设置";
  s.sections = {SettingsSection::Catalog, SettingsSection::Staff, SettingsSection::Printer, SettingsSection::Store,
                SettingsSection::Backup};
  s.categories = {{"hair", "美发"}, {"face", "面部护理"}};
  s.items = {{"S-CUT", "洗剪吹", "ui.settings.kind.service", "美发", "¥88.00", "", true},
             {"S-PERM", "烫发", "ui.settings.kind.service", "美发", "¥488.00", "-10%", false}};
  s.tiers = {"金卡:  美发 -20%"};
  return v;
}

// The first intent of type T a tap produced (a copy: the intents are temporaries).
template <typename T>
std::optional<T> settingsIntentOf(const Intents& in) {
  for (const Intent& i : in)
    if (auto* s = std::get_if<SettingsIntent>(&i))
      if (auto* t = std::get_if<T>(s)) return *t;
  return std::nullopt;
}

}  // namespace

TEST_CASE("settings screen: sections, the price list, choosing an item and changing its price") {
  Headless h;
  KioskView v = settingsView();
  h.frame(v);
  h.frame(v);
  for (const char* t : {"项目与价格", "员工与角色", "小票打印机", "门店信息", "备份密码", "洗剪吹", "¥88.00", "-10%",
                        "已停用", "会员等级折扣", "金卡:  美发 -20%"})
    CHECK(h.record().drew(t));
  CHECK_FALSE(h.record().find("settings.item.price"));  // nothing chosen yet

  const auto chosen = settingsIntentOf<SettingsChoose>(h.tap(v, "settings.item.S-CUT"));
  REQUIRE(chosen);
  CHECK(chosen->what == "item");
  CHECK(chosen->value == "S-CUT");
  const auto staffTab = settingsIntentOf<SettingsOpenSection>(h.tap(v, "settings.section.staff"));
  REQUIRE(staffTab);
  CHECK(staffTab->section == SettingsSection::Staff);

  v.settings.chosenItem = "S-CUT";
  h.frame(v);
  const auto edit = settingsIntentOf<SettingsEdit>(h.tap(v, "settings.item.price"));
  REQUIRE(edit);
  CHECK(edit->field == "item.price");

  v.settings.editor.kind = EditKind::Money;
  v.settings.editor.field = "item.price";
  v.settings.editor.label = "新价格";
  v.settings.editor.shown = "¥98.00";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("¥98.00"));
  const auto keys = settingsIntentOf<SettingsKeys>(h.tap(v, "settings.key.7"));
  REQUIRE(keys);
  CHECK(keys->keys == "7");
  CHECK(settingsIntentOf<SettingsCancelEdit>(h.tap(v, "settings.edit.cancel")));
}

TEST_CASE("settings screen: a price is typed on checkout's money keypad and confirmed old → new") {
  Headless h;
  KioskView v = settingsView();
  v.settings.chosenItem = "S-CUT";
  v.settings.editor = {EditKind::Money, "item.price", "新价格", "¥19.8", "", {}, false, ""};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("¥19.8"));
  // The yuan keypad: a '.' key, an erase key, OK beside it.
  const auto dot = settingsIntentOf<SettingsKeys>(h.tap(v, "settings.key.dot"));
  REQUIRE(dot);
  CHECK(dot->keys == ".");
  const auto ok = settingsIntentOf<SettingsKeys>(h.tap(v, "settings.key.ok"));
  REQUIRE(ok);
  CHECK(ok->keys == "=");
  v.settings.editor = {};
  v.settings.priceChange = {true, "染发", "¥388.00", "¥198.00"};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("¥388.00  →  ¥198.00"));
  CHECK(h.record().drew("染发"));
  CHECK_FALSE(h.record().find("settings.item.price"));  // nothing else to tap meanwhile
  const auto confirm = settingsIntentOf<SettingsAct>(h.tap(v, "settings.price.confirm"));
  REQUIRE(confirm);
  CHECK(confirm->action == "price.confirm");
  const auto cancel = settingsIntentOf<SettingsAct>(h.tap(v, "settings.price.cancel"));
  REQUIRE(cancel);
  CHECK(cancel->action == "price.cancel");
}

TEST_CASE("settings screen: a secret shows dots, the keyboard has symbols for addresses and passwords") {
  Headless h;
  KioskView v = settingsView();
  v.settings.section = SettingsSection::Backup;
  v.settings.editor = {EditKind::Password, "backup.password", "备份密码", "●●●", "", {}, false, "至少8个字符"};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("●●●"));
  CHECK(h.record().find("kb.q"));
  const auto dot = settingsIntentOf<SettingsKeys>(h.tap(v, "settings.sym.1"));
  REQUIRE(dot);
  CHECK(dot->keys == ".");
  CHECK(h.record().drew("至少8个字符"));  // the strength rule is shown
}

TEST_CASE("settings screen: deactivating staff asks for a second tap - the printer offers a test print") {
  Headless h;
  KioskView v = settingsView();
  v.settings.section = SettingsSection::Staff;
  v.settings.staff = {{"cash", "陈前台", "ui.settings.role.cashier", "前台", true, true, "cashier"},
                      {"mgr", "王店长", "ui.settings.role.manager", "管理", true, false, "manager"}};
  v.settings.chosenStaff = "cash";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("PIN已锁定"));
  CHECK(h.record().find("settings.staff.unlock"));
  const auto first = settingsIntentOf<SettingsAct>(h.tap(v, "settings.staff.deactivate"));
  REQUIRE(first);
  CHECK(first->action == "staff.deactivate");
  v.settings.confirming = "staff.deactivate";
  h.frame(v);
  CHECK(h.record().drew("再点一次确认停用"));

  v.settings.section = SettingsSection::Printer;
  v.settings.transport = "tcp";
  v.settings.target = "192.168.1.50:9100";
  v.settings.profile = "80mm";
  v.settings.profiles = {"80mm", "58mm"};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("192.168.1.50:9100"));
  CHECK(h.record().drew("58毫米 简体 GB18030"));
  const auto test = settingsIntentOf<SettingsAct>(h.tap(v, "settings.printer.test"));
  REQUIRE(test);
  CHECK(test->action == "printer.test");
  const auto profile = settingsIntentOf<SettingsChoose>(h.tap(v, "settings.profile.58mm"));
  REQUIRE(profile);
  CHECK(profile->value == "58mm");
}

TEST_CASE("settings screen: a new role's buttons open under the chosen row and the bar says the change in full") {
  Headless h;
  KioskView v = settingsView();
  v.settings.section = SettingsSection::Staff;
  v.settings.staff = {{"cash", "陈前台", "ui.settings.role.cashier", "前台", true, false, "cashier"},
                      {"mgr", "王店长", "ui.settings.role.manager", "管理", true, false, "manager"}};
  v.settings.roles = {"cashier", "beautician", "supervisor", "manager", "finance"};
  v.settings.chosenStaff = "cash";
  h.frame(v);
  h.frame(v);
  const auto open = settingsIntentOf<SettingsAct>(h.tap(v, "settings.staff.role"));
  REQUIRE(open);
  CHECK(open->action == "staff.role");
  CHECK_FALSE(h.record().find("settings.staff.role.supervisor"));

  v.settings.roleOpen = true;
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("新角色（点一个，再确认）"));
  CHECK_FALSE(h.record().find("settings.staff.role.admin"));  // not offered to a manager
  const auto pick = settingsIntentOf<SettingsChoose>(h.tap(v, "settings.staff.role.supervisor"));
  REQUIRE(pick);
  CHECK(pick->what == "staff.role");
  CHECK(pick->value == "supervisor");
  // Their own role, lit, is no choice.
  CHECK_FALSE(settingsIntentOf<SettingsChoose>(h.tap(v, "settings.staff.role.cashier")));

  v.settings.roleDraft = "supervisor";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("确认改角色： 陈前台 · 前台收银 → 客服主管"));
  CHECK_FALSE(h.record().find("settings.staff.deactivate"));  // nothing else on the bar meanwhile
  const auto confirm = settingsIntentOf<SettingsAct>(h.tap(v, "settings.staff.role.confirm"));
  REQUIRE(confirm);
  CHECK(confirm->action == "staff.role.confirm");
  const auto cancel = settingsIntentOf<SettingsAct>(h.tap(v, "settings.staff.role.cancel"));
  REQUIRE(cancel);
  CHECK(cancel->action == "staff.role");
}

TEST_CASE("the status bar says plainly that no backup password is set") {
  Headless h;
  KioskView v = settingsView();
  v.status.backupPasswordMissing = true;
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("未设置备份密码"));
  CHECK_FALSE(h.record().drew("自动备份失败"));
}
