// Settings → 数据导入 behind the screen, on a real SQLite file with the demo
// salon (tasks run inline): the file in the data folder, the preview's control
// totals and bad rows, the manager's PIN, the import and the earlier import.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/kiosk/kiosk_controller.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  Fixture() {
    seedCatalog();
    start(5);
    const std::string csv = dir.file("legacy_members_gb18030.csv");
    std::filesystem::copy_file(std::string(SALON_SOURCE_DIR) + "/tests/data/import/legacy_members_gb18030.csv", csv);
    kiosk->setDataFolder(std::filesystem::path(csv).parent_path().string());
  }
  void s(ui::SettingsIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::SettingsImport& view() const { return kiosk->view().settings.moving; }
};

}  // namespace

TEST_CASE("settings import: a manager previews a members file, confirms with her PIN and imports it once") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::Navigate{ui::Screen::Settings, 0});
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Import});
  REQUIRE(f.view().files.size() == 1);
  f.s(ui::SettingsChoose{"import.file", f.view().files[0].path});
  f.s(ui::SettingsAct{"import.preview"});
  REQUIRE(f.view().previewed);
  CHECK_FALSE(f.view().totals.empty());
  CHECK_FALSE(f.view().bad.empty());
  CHECK(f.view().bad.size() <= 20);
  CHECK_FALSE(f.view().importable);  // bad rows and an unknown tier until both are allowed
  f.s(ui::SettingsAct{"import.skip_bad"});
  f.s(ui::SettingsAct{"import.create_tiers"});
  CHECK(f.view().importable);

  // A wrong PIN imports nothing.
  f.s(ui::SettingsAct{"import.run"});
  CHECK(f.kiosk->view().settings.editor.field == "import.pin");
  f.s(ui::SettingsKeys{"9999="});
  CHECK_FALSE(f.view().resultOk);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action LIKE 'import%'") == 0);

  f.s(ui::SettingsAct{"import.run"});
  f.s(ui::SettingsKeys{"1234="});
  CHECK(f.view().resultOk);
  CHECK_FALSE(f.view().result.empty());
  CHECK_FALSE(f.view().importable);  // the same file again would be refused

  f.s(ui::SettingsAct{"import.preview"});
  REQUIRE(f.view().previewed);
  CHECK_FALSE(f.view().warnings.empty());  // imported already
  CHECK_FALSE(f.view().importable);
}

TEST_CASE("settings import: a cashier is not offered the section") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Settings, 0});
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Import});
  CHECK(f.view().files.empty());
  f.s(ui::SettingsAct{"import.preview"});
  CHECK_FALSE(f.view().previewed);
}
