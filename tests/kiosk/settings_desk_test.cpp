// The Settings screen's desk against a real SQLite file with the demo salon:
// permissions, prices, staff and PINs, a test print over a real socket, store
// details and the backup password the automatic backups need.
#include <catch2/catch.hpp>

#include <algorithm>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/kiosk/kiosk_controller.h"
#include "devices/virtual_printer_server.h"
#include "storage/auto_backup.h"
#include "storage/backup_password.h"
#include "storage/catalog_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/settings_store.h"
#include "storage/verify.h"
#include "support/kiosk_fixture.h"
#include "support/print_spool.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {

  Fixture() {
    seedCatalog();  // the catalog, tiers and policy; no past sales
    start(5);
    spool.wire(*kiosk);
  }
  test::PrintSpoolForTests spool{*db, clock};
  void openSettings() { kiosk->apply(ui::Navigate{ui::Screen::Settings, 0}); }
  void s(ui::SettingsIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  void type(const std::string& field, const std::string& keys) {
    s(ui::SettingsEdit{field});
    s(ui::SettingsKeys{keys});
  }
  const ui::SettingsView& view() const { return kiosk->view().settings; }
};

bool hasTile(const ui::KioskView& v, ui::Screen s) {
  for (const ui::HomeTile& t : v.home.tiles)
    if (t.screen == s) return true;
  return false;
}

// A VirtualPrinterServer (`escpos serve`) on a free 127.0.0.1 port, served from a thread.
struct RunningPrinter {
  explicit RunningPrinter(const std::string& dir)
      : server(dir, devices::defaultProfile(), devices::PrinterFault::None), port(server.listen(0)),
        thread([this] { server.run(stop, [](const std::string&) {}); }) {}
  ~RunningPrinter() {
    stop = true;
    thread.join();
  }
  std::atomic<bool> stop{false};
  devices::VirtualPrinterServer server;
  int port;
  std::thread thread;
};

std::string waitForFile(const std::filesystem::path& dir, const std::string& ext) {
  for (int i = 0; i < 400; ++i) {
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ext) {
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
      }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return "";
}

}  // namespace

TEST_CASE("settings: a cashier gets no tile and is refused (audited) - a manager sees every section") {
  Fixture f;
  f.signIn("cash", "3456");
  REQUIRE(f.kiosk->staff());
  CHECK_FALSE(hasTile(f.kiosk->view(), ui::Screen::Settings));
  f.openSettings();
  CHECK(f.kiosk->view().screen == ui::Screen::Home);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'cash'") == 1);
  // An intent that slips through changes nothing.
  f.s(ui::SettingsChoose{"item", "S-CUT"});
  f.s(ui::SettingsEdit{"item.price"});
  f.s(ui::SettingsKeys{"1="});
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'catalog.price'") == 0);

  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("mgr", "1234");
  CHECK(hasTile(f.kiosk->view(), ui::Screen::Settings));
  f.openSettings();
  CHECK(f.kiosk->view().screen == ui::Screen::Settings);
  CHECK(f.view().sections.size() == 6);  // with 数据导入
  CHECK(f.view().section == ui::SettingsSection::Catalog);
  CHECK(f.view().items.size() == 14);
}

TEST_CASE("settings: a manager changes a service price - the catalog has it from now, audited, old price kept") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsChoose{"category", "hair"});
  CHECK(f.view().items.size() == 3);
  f.s(ui::SettingsChoose{"item", "S-CUT"});
  f.s(ui::SettingsEdit{"item.price"});
  CHECK(f.view().editor.kind == ui::EditKind::Money);
  f.s(ui::SettingsKeys{"98"});  // yuan, as at checkout
  CHECK(f.view().editor.shown == "¥98");
  f.s(ui::SettingsKeys{"="});
  CHECK(f.view().editor.kind == ui::EditKind::None);
  REQUIRE(f.view().priceChange.open);  // old → new, saved only once confirmed
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'catalog.price'") == 0);
  f.s(ui::SettingsAct{"price.confirm"});
  CHECK_FALSE(f.view().priceChange.open);
  CHECK(f.view().message == "洗剪吹 ¥98.00：新价格已生效");
  CHECK_FALSE(f.view().messageIsError);
  bool shown = false;
  for (const auto& i : f.view().items) shown |= i.code == "S-CUT" && i.price == "¥98.00";
  CHECK(shown);

  PriceBook book = storage::loadPriceBook(f.db->sql());
  CHECK(book.priceAt("S-CUT", f.clock.now())->fen == 9800);
  CHECK(book.priceAt("S-CUT", f.clock.now() - 1)->fen == 8800);  // the history stays
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'catalog.price' AND staff = 'mgr' "
                "AND record_id = 'S-CUT'") == 1);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'catalog.price_changed'") == 1);

  // Deactivating an item: checkout no longer offers it; audited.
  f.s(ui::SettingsAct{"item.toggle"});
  CHECK_FALSE(storage::loadPriceBook(f.db->sql()).item("S-CUT")->active);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'catalog.deactivate' AND record_id = 'S-CUT'") == 1);
  f.s(ui::SettingsAct{"item.toggle"});
  CHECK(storage::loadPriceBook(f.db->sql()).item("S-CUT")->active);

  // A promotion on the item: percent off, then for how many days; checkout applies it.
  f.type("promo.percent", "95=");
  CHECK(f.view().message == "促销须减1%到90%");
  f.type("promo.percent", "20=");
  CHECK(f.view().editor.field == "promo.days");
  f.s(ui::SettingsKeys{"7="});
  CHECK(f.view().message == "洗剪吹 -20%：促销已设置，收银时自动生效");
  PriceBook promoted = storage::loadPriceBook(f.db->sql());
  CHECK(promoted.promotionAt(*promoted.item("S-CUT"), Money::yuan(100), 1, false, f.clock.now()).off == Money::yuan(20));
  CHECK(promoted.promotionAt(*promoted.item("S-CUT"), Money::yuan(100), 1, false, f.clock.now() + 8 * kDay).promotion == nullptr);
  CHECK(f.view().promotions.size() == 1);
  bool marked = false;
  for (const auto& i : f.view().items) marked |= i.code == "S-CUT" && i.promotion == "-20%";
  CHECK(marked);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'promotion.add' AND staff = 'mgr'") == 1);

  // A new product with its price.
  f.s(ui::SettingsAct{"item.new"});
  f.type("new.item.name", "hufasu=");
  f.s(ui::SettingsChoose{"kind", "product"});
  f.s(ui::SettingsChoose{"item.category", "product"});
  f.s(ui::SettingsAct{"item.save"});
  CHECK(f.view().message == "请填写价格");
  f.type("new.item.price", "45=");
  f.s(ui::SettingsAct{"item.save"});
  CHECK(f.view().message == "hufasu：新项目已保存");
  PriceBook after = storage::loadPriceBook(f.db->sql());
  REQUIRE(after.item("P-101"));
  CHECK(after.item("P-101")->name == "hufasu");
  CHECK(after.priceAt("P-101", f.clock.now())->fen == 4500);
}

TEST_CASE("settings: a manager adds a staff member who then signs in with the new PIN") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Staff});
  CHECK(f.view().staff.size() == 6);
  f.s(ui::SettingsAct{"staff.new"});
  CHECK(f.view().newStaff.open);
  f.type("new.staff.name", "lina=");
  f.s(ui::SettingsChoose{"role", "beautician"});
  f.s(ui::SettingsChoose{"role", "admin"});  // a manager may not make an admin
  CHECK(f.view().newStaff.kind == "beautician");
  f.type("new.staff.department", "meirongbu=");
  // The PIN twice; a different second entry starts over.
  f.type("new.staff.pin", "2468=");
  CHECK(f.view().editor.again);
  f.s(ui::SettingsKeys{"2469="});
  CHECK(f.view().message == "两次输入不一致，请重新输入");
  CHECK_FALSE(f.view().editor.again);
  f.s(ui::SettingsKeys{"2468="});
  f.s(ui::SettingsKeys{"2468="});
  CHECK(f.view().newStaff.pinSet);
  f.s(ui::SettingsAct{"staff.save"});
  CHECK(f.view().message == "lina：员工已添加，可用新PIN登录");
  CHECK(f.view().staff.size() == 7);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'staff.add' AND staff = 'mgr'") == 1);

  f.kiosk->apply(ui::LockKiosk{});
  REQUIRE(f.kiosk->view().signIn.staff.size() == 7);
  f.signIn("s101", "2468");
  REQUIRE(f.kiosk->staff());
  CHECK(f.kiosk->staff()->name == "lina");
  CHECK(f.kiosk->staff()->role == Role::Beautician);
  CHECK(f.kiosk->staff()->department == "meirongbu");
}

TEST_CASE("settings: a locked PIN is unlocked, a PIN reset, a deactivation needs a second tap") {
  Fixture f;
  for (int i = 0; i < kMaxWrongPins; ++i) f.trySignIn("cash", "0000");
  f.trySignIn("cash", "3456");
  CHECK_FALSE(f.kiosk->staff());  // locked
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Staff});
  f.s(ui::SettingsChoose{"staff", "cash"});
  bool locked = false;
  for (const auto& s : f.view().staff) locked |= s.code == "cash" && s.locked;
  CHECK(locked);
  f.s(ui::SettingsAct{"staff.unlock"});
  CHECK(f.view().message == "PIN锁定已解除");
  f.type("staff.pin", "7777=");
  f.s(ui::SettingsKeys{"7777="});
  CHECK(f.view().message == "新PIN已生效");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'staff.pin_set' AND record_id = 'cash'") == 1);

  // A manager may not give the admin a new PIN (and so act as the admin).
  f.s(ui::SettingsChoose{"staff", "admin"});
  f.type("staff.pin", "1111=");
  f.s(ui::SettingsKeys{"1111="});
  CHECK(f.view().message == "没有权限执行此操作");
  f.s(ui::SettingsChoose{"staff", "cash"});
  f.s(ui::SettingsAct{"staff.deactivate"});
  CHECK(f.view().confirming == "staff.deactivate");
  f.s(ui::SettingsChoose{"staff", "mgr"});
  f.s(ui::SettingsAct{"staff.deactivate"});
  f.s(ui::SettingsAct{"staff.deactivate"});
  CHECK(f.view().message == "不能停用自己的账号");

  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("cash", "7777");
  REQUIRE(f.kiosk->staff());
  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Staff});
  f.s(ui::SettingsChoose{"staff", "cash"});
  f.s(ui::SettingsAct{"staff.deactivate"});
  f.s(ui::SettingsAct{"staff.deactivate"});
  CHECK(f.view().message == "员工已停用，不能再登录");
  CHECK(f.count("SELECT active FROM staff WHERE code = 'cash'") == 0);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'staff.deactivate' AND record_id = 'cash'") == 1);
}

TEST_CASE("settings: a new role is tapped, said in full and confirmed - never one's own, admin only by an admin") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Staff});
  f.s(ui::SettingsChoose{"staff", "cash"});
  f.s(ui::SettingsChoose{"staff.role", "supervisor"});  // buttons not out yet: nothing
  CHECK(f.view().roleDraft.empty());
  f.s(ui::SettingsAct{"staff.role"});
  CHECK(f.view().roleOpen);
  CHECK(std::find(f.view().roles.begin(), f.view().roles.end(), "admin") == f.view().roles.end());
  f.s(ui::SettingsChoose{"staff.role", "supervisor"});
  CHECK(f.view().roleDraft == "supervisor");
  CHECK(f.count("SELECT count(*) FROM staff WHERE code = 'cash' AND role = 'cashier'") == 1);  // not yet
  f.s(ui::SettingsAct{"staff.role.confirm"});
  CHECK(f.view().message == "陈前台：角色已更改，下次登录起生效");
  CHECK_FALSE(f.view().roleOpen);
  CHECK(f.count("SELECT count(*) FROM staff WHERE code = 'cash' AND role = 'supervisor'") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'staff.role' AND record_id = 'cash'"
                " AND sections = 'cashier -> supervisor' AND staff = 'mgr'") == 1);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'staff.role_changed'") == 1);
  bool shown = false;
  for (const auto& s : f.view().staff) shown |= s.code == "cash" && s.role == "supervisor";
  CHECK(shown);

  // A double tap on the confirmation changes nothing twice: the second finds no role waiting.
  f.s(ui::SettingsAct{"staff.role.confirm"});
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'staff.role'") == 1);

  // Not one's own; not the admin's, nor anyone to admin, for a manager.
  f.s(ui::SettingsChoose{"staff", "mgr"});
  f.s(ui::SettingsAct{"staff.role"});
  f.s(ui::SettingsChoose{"staff.role", "cashier"});
  f.s(ui::SettingsAct{"staff.role.confirm"});
  CHECK(f.view().message == "不能更改自己的角色");
  f.s(ui::SettingsChoose{"staff", "admin"});
  f.s(ui::SettingsAct{"staff.role"});
  f.s(ui::SettingsChoose{"staff.role", "cashier"});
  f.s(ui::SettingsAct{"staff.role.confirm"});
  CHECK(f.view().message == "没有权限执行此操作");
  CHECK(f.count("SELECT count(*) FROM staff WHERE code = 'mgr' AND role = 'manager'") == 1);
  CHECK(f.count("SELECT count(*) FROM staff WHERE code = 'admin' AND role = 'admin'") == 1);

  // The new role is theirs at the next sign-in.
  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("cash", "3456");
  REQUIRE(f.kiosk->staff());
  CHECK(f.kiosk->staff()->role == Role::Supervisor);
}

TEST_CASE("settings: a test print goes through the network transport to a real 127.0.0.1 printer") {
  Fixture f;
  test::TempDir out;
  RunningPrinter printer(out.path().string());
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Printer});
  CHECK(f.view().transport == "tcp");
  CHECK(f.view().profiles.size() == 6);
  f.s(ui::SettingsAct{"printer.test"});
  CHECK(f.view().message == "请填写打印机地址");
  f.type("printer.target", "127.0.0.1:" + std::to_string(printer.port) + "=");
  f.s(ui::SettingsChoose{"profile", "58mm"});
  f.s(ui::SettingsAct{"printer.test"});  // the page is made at once in tests; the spool prints it
  CHECK(f.view().testing);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'printer.test'") == 0);
  f.spool.deliver(*f.kiosk);
  CHECK_FALSE(f.view().testing);
  CHECK(f.view().testOk);
  CHECK(f.view().testResult == "测试页已打印，请查看打印机");
  std::string bytes = waitForFile(out.path(), ".bin");
  REQUIRE(bytes.size() > 100);
  CHECK(bytes.substr(0, 2) == "\x1b@");  // ESC @: initialise
  std::string paper = waitForFile(out.path(), ".txt");
  CHECK(paper.find(storage::readSetting(f.db->sql(), "store.name").value()) != std::string::npos);
  CHECK(f.count("SELECT count(*) FROM print_jobs WHERE kind = 'test' AND state = 'printed'") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'printer.test' AND staff = 'mgr'") == 1);

  f.s(ui::SettingsAct{"printer.save"});
  CHECK(storage::readSetting(f.db->sql(), "printer.receipt").value() ==
        "tcp://127.0.0.1:" + std::to_string(printer.port) + "?profile=58mm");

  // A printer nobody listens on: the reason is shown, nothing crashes.
  f.s(ui::SettingsEdit{"printer.target"});
  f.s(ui::SettingsKeys{"C127.0.0.1:1="});
  f.s(ui::SettingsAct{"printer.test"});
  f.spool.deliver(*f.kiosk);
  CHECK_FALSE(f.view().testing);
  CHECK_FALSE(f.view().testOk);
  CHECK(f.view().testResult.rfind("测试页未打印：", 0) == 0);
}

TEST_CASE("settings: store details are saved and audited - the status bar shows the new name") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Store});
  f.type("store.phone", "C02112345678=");
  CHECK(storage::readSetting(f.db->sql(), "store.phone").value() == "02112345678");
  f.s(ui::SettingsEdit{"store.name"});
  f.s(ui::SettingsTyped{"", false, 0});
  f.s(ui::SettingsKeys{"C"});
  f.s(ui::SettingsTyped{"丽人美容", true, 0});
  CHECK(storage::readSetting(f.db->sql(), "store.name").value() == "丽人美容");
  CHECK(f.kiosk->view().status.storeName == "丽人美容");
  f.type("kiosk.auto_lock_minutes", "500=");
  CHECK(f.view().message == "自动锁定须为1到120分钟");
  f.type("kiosk.auto_lock_minutes", "10=");
  CHECK(storage::readSetting(f.db->sql(), "kiosk.auto_lock_minutes").value() == "10");
  f.s(ui::SettingsChoose{"language", "en"});
  CHECK(storage::readSetting(f.db->sql(), "language").value() == "en");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'settings.change' AND staff = 'mgr'") == 4);
}

TEST_CASE("settings: without a backup password the status bar says so - setting one makes the next backup succeed") {
  Fixture f;
  const std::string dataDir = f.dir.path().string();
  storage::AutoBackupSettings settings = storage::autoBackupSettingsFor(*f.db, dataDir);
  settings.cost = storage::BackupCost::minimum();
  std::vector<storage::AutoBackupReport> reports;
  storage::AutoBackup backups(settings, f.clock, [&](const storage::AutoBackupReport& r) { reports.push_back(r); });
  REQUIRE(backups.runDue(f.clock.now()));
  REQUIRE(reports.size() == 1);
  CHECK_FALSE(reports[0].ok);
  f.kiosk->backupFinished(false, reports[0].errorCode + " " + reports[0].detail);
  CHECK(f.kiosk->view().status.backupPasswordMissing);
  CHECK_FALSE(f.kiosk->view().status.backupFailed);  // not "backup failed": not set up yet

  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Backup});
  CHECK_FALSE(f.view().backupPasswordSet);
  f.s(ui::SettingsEdit{"backup.password"});
  CHECK(f.view().editor.kind == ui::EditKind::Password);
  f.s(ui::SettingsKeys{"short="});
  CHECK(f.view().messageIsError);
  f.s(ui::SettingsKeys{"salon-2026="});
  CHECK(f.view().editor.shown.empty());
  f.s(ui::SettingsKeys{"salon-2026"});
  CHECK(f.view().editor.shown == "●●●●●●●●●●");  // never the password itself
  f.s(ui::SettingsKeys{"="});
  CHECK(f.view().message == "备份密码已保存，下一次自动备份将使用它");
  CHECK(f.view().backupPasswordSet);
  CHECK(storage::loadBackupPassword(dataDir).value() == "salon-2026");
  CHECK_FALSE(f.kiosk->view().status.backupPasswordMissing);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'backup.password_set' AND staff = 'mgr'") == 1);
  // The password is in no audit entry.
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE sections LIKE '%salon-2026%' OR reason LIKE '%salon-2026%'") == 0);

  f.clock.advance(settings.retryAfterFailure);
  REQUIRE(backups.runDue(f.clock.now()));
  REQUIRE(reports.size() == 2);
  CHECK(reports[1].ok);
  CHECK(std::filesystem::exists(reports[1].file));
  f.kiosk->backupFinished(true, "");
  CHECK_FALSE(f.kiosk->view().status.backupPasswordMissing);
  CHECK_FALSE(f.kiosk->view().status.backupFailed);
}

TEST_CASE("settings: the backup section shows the audit chain's head, the one verify reports, and follows it") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Backup});
  auto verified = [&] {
    storage::VerifyReport r = storage::verifyDatabase(*f.db);
    REQUIRE(r.chain.ok);
    return std::to_string(r.chain.headSeq) + ":" + r.chain.headHash;
  };
  const std::string head = verified();
  CHECK(f.view().auditHead == head);  // as `salon-kiosk verify --expect-head` takes it
  CHECK(f.view().auditHeadSeq == head.substr(0, head.find(':')));
  REQUIRE(f.view().auditHeadGroups.size() == 16);  // SHA-256 hex in groups of four
  std::string joined;
  for (const std::string& g : f.view().auditHeadGroups) {
    CHECK(g.size() == 4);
    joined += g;
  }
  CHECK(joined == head.substr(head.find(':') + 1));
  // The next action moves the head; the screen shows the new one, still verify's.
  f.s(ui::SettingsEdit{"backup.password"});
  f.s(ui::SettingsKeys{"salon-2026="});
  f.s(ui::SettingsKeys{"salon-2026="});
  CHECK(f.view().backupPasswordSet);
  CHECK(verified() != head);
  CHECK(f.view().auditHead == verified());
}

TEST_CASE("settings: the look (warm, light, high contrast) applies at once, is audited and kept for the next start") {
  Fixture f;
  CHECK(f.kiosk->view().status.theme == "warm");
  f.signIn("mgr", "1234");
  f.openSettings();
  f.s(ui::SettingsOpenSection{ui::SettingsSection::Store});
  CHECK(f.view().theme == "warm");
  f.s(ui::SettingsChoose{"kiosk.theme", "contrast"});
  CHECK(f.kiosk->view().status.theme == "contrast");  // the next frame is drawn in it
  CHECK(f.view().theme == "contrast");
  CHECK(storage::readSetting(f.db->sql(), "kiosk.theme").value() == "contrast");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'settings.change' AND record_id = 'kiosk.theme' "
                "AND staff = 'mgr'") == 1);
  f.s(ui::SettingsChoose{"kiosk.theme", "neon"});  // not a look: refused, nothing changes
  CHECK(f.view().messageIsError);
  CHECK(f.kiosk->view().status.theme == "contrast");
  CHECK(storage::readSetting(f.db->sql(), "kiosk.theme").value() == "contrast");
  f.start(5);  // the next start opens in the chosen look
  CHECK(f.kiosk->view().status.theme == "contrast");
}
