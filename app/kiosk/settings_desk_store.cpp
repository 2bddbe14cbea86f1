// The Settings screen's printer, store details and backup password.
#include <memory>

#include "app/core/chain_head.h"
#include "app/core/error.h"
#include "app/core/member_card_tickets.h"
#include "app/core/receipt.h"
#include "app/core/staff_auth.h"
#include "app/core/store_settings.h"
#include "app/core/sync_store.h"
#include "app/kiosk/settings_desk.h"
#include "app/ui/theme.h"

namespace salon::kiosk {
namespace {

std::string setting(Backroom& room, const std::string& key) { return room.settings().setting(key).value_or(""); }

}  // namespace

// The sample sale with this store's details and no customer at all: a test page
// must not carry a member number, a name or balances that could be someone's.
Receipt testPageReceipt(Backroom& room, Instant now, StoreZone zone) {
  Receipt r = sampleReceipt(now, 2);
  r.saleNo = "TEST";
  r.saleId.clear();  // no sale QR
  r.cashier.clear();
  r.customerName.clear();
  r.customerPhone.clear();
  r.memberNo.clear();
  r.pointsEarned.reset();
  r.pointsBalance.reset();
  r.storedValueBalance.reset();
  r.packages.clear();
  r.arrears = Money();
  for (ReceiptLine& l : r.lines) l.discount = Money(), l.discountNote.clear(), l.amount = l.unitPrice * l.quantity;
  r.discountTotal = Money();
  r.rounding = Money();
  r.total = r.subtotal;
  r.tenders = {{"现金", r.total}};
  r.change = Money();
  if (auto v = setting(room, "store.name"); !v.empty()) r.storeName = v;
  if (auto v = setting(room, "store.address"); !v.empty()) r.storeAddress = v;
  if (auto v = setting(room, "store.phone"); !v.empty()) r.storePhone = v;
  if (auto v = setting(room, "receipt.footer"); !v.empty()) r.footer = v;
  r.zone = zone;
  return r;
}

std::string SettingsDesk::printerUri() const {
  const PrinterDraft& p = printer_;
  if (p.target.empty()) throw DomainError("settings_printer_target_missing", p.transport);
  std::string uri = p.transport == "tcp" ? "tcp://" + p.target : p.transport + ":" + p.target;
  uri += "?profile=" + p.profile;
  if (tickets_) tickets_->checkPrinter(uri);  // refuses what the transport could not open
  return uri;
}

void SettingsDesk::loadPrinter(const std::string& saved) {
  printer_.loaded = true;
  if (saved.empty() || !tickets_) return;
  try {
    PrinterAddress u = tickets_->printer(saved);
    printer_.transport = u.scheme;
    printer_.target = u.scheme == "tcp" ? u.target + ":" + std::to_string(u.port) : u.target;
    if (!u.profile.empty()) printer_.profile = u.profile;
  } catch (const DomainError&) {
    // A URI typed elsewhere that no longer parses: start from the defaults.
  }
}

void SettingsDesk::fillPrinter() {
  ui::SettingsView& v = k_.view.settings;
  v.savedPrinter = setting(k_.backroom, kPrinterSetting);
  if (!printer_.loaded) loadPrinter(v.savedPrinter);
  v.transport = printer_.transport;
  v.target = printer_.target;
  v.profile = printer_.profile;
  v.profiles = tickets_ ? tickets_->paperProfiles() : std::vector<std::string>{};
  v.testing = testing_;
  v.testResult = testResult_;
  v.testOk = testOk_;
}

void SettingsDesk::savePrinter() {
  std::string uri = printerUri();
  saveSetting(kPrinterSetting, uri);
  done("ui.settings.printer_saved");
}

// The test page is made on the devices lane and goes through the shared print
// spool to the real transport; the outcome comes back in printFinished (if it is
// still this session's).
void SettingsDesk::testPrint() {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageSettings, "printer", "test");
  if (testing_) return;
  const std::string uri = printerUri();
  testing_ = true;
  testResult_ = k_.catalog.text("ui.settings.test_printing");
  testOk_ = false;
  const int attempt = ++testAttempt_;
  if (!tickets_ || !k_.spool) return testFinished(uri, PrintJobState::Failed, "printer_unreachable: not set up");
  auto job = std::make_shared<PrintJob>();
  auto problem = std::make_shared<std::string>();
  const Instant now = k_.clock.now();
  const StoreZone zone = k_.zone;
  MemberCardTickets* tickets = tickets_;
  k_.tasks->run(
      Lane::Devices, "test page",
      [job, problem, tickets, uri, now, zone](Backroom& room) {
        try {
          job->kind = "test";
          job->title = "测试页";
          job->printer = uri;
          job->bytes = tickets->testPage(testPageReceipt(room, now, zone), uri);
        } catch (const DomainError& e) {
          *problem = e.code() + ": " + e.detail();
        }
      },
      [this, job, problem, attempt, uri] {
        if (attempt != testAttempt_) return;
        if (!problem->empty()) return testFinished(uri, PrintJobState::Failed, *problem);
        testJob_ = k_.spool->submit(*job);
        testUri_ = uri;
      });
}

void SettingsDesk::printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
  if (jobId.empty() || jobId != testJob_) return;
  testJob_.clear();
  testFinished(testUri_, state, reason);
}

void SettingsDesk::testFinished(const std::string& uri, PrintJobState state, const std::string& reason) {
  testing_ = false;
  testOk_ = state == PrintJobState::Printed;
  std::string code = reason.substr(0, reason.find(':'));
  testResult_ = testOk_ ? k_.catalog.text("ui.settings.test_printed")
                        : k_.catalog.text("ui.settings.test_failed") + k_.catalog.text("error." + code);
  if (k_.staff)
    k_.audit.append(auditOf(k_.clock.now(), k_.staff->code, "printer.test", "printer", uri, testOk_ ? "printed" : reason));
  if (k_.view.screen == ui::Screen::Settings) refresh();
}

void SettingsDesk::fillStore() {
  ui::SettingsView& v = k_.view.settings;
  v.storeName = setting(k_.backroom, "store.name");
  v.storeAddress = setting(k_.backroom, "store.address");
  v.storePhone = setting(k_.backroom, "store.phone");
  v.receiptFooter = setting(k_.backroom, "receipt.footer");
  // What receipts print when none was set (storage/receipt_load.cpp).
  if (v.receiptFooter.empty()) v.receiptFooter = "谢谢惠顾，欢迎再次光临";
  v.language = k_.backroom.settings().setting("language").value_or("zh-Hans");
  v.theme = k_.view.status.theme;
  v.autoLockMinutes = setting(k_.backroom, "kiosk.auto_lock_minutes");
  if (v.autoLockMinutes.empty()) v.autoLockMinutes = "5";
  v.backupPasswordSet = k_.backroom.backupPassword().isSet();
  fillAuditHead();
}

// The chain's head as the audit log keeps it: the same reading (storage's
// readAuditHead) behind the Z report and what sync sends head office; `verify`
// checks the chain ends there. Never recomputed here.
void SettingsDesk::fillAuditHead() {
  ui::SettingsView& v = k_.view.settings;
  v.auditHead.clear();
  v.auditHeadSeq.clear();
  v.auditHeadGroups.clear();
  auto head = k_.backroom.headOfficeSync().auditHead();
  if (!head) return;
  v.auditHead = chainHeadText(*head);
  v.auditHeadSeq = std::to_string(head->seq);
  v.auditHeadGroups = hashGroups(head->hash);
}

void SettingsDesk::saveSetting(const std::string& key, const std::string& value) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageSettings, "setting", key);
  if (key == "language" && value != "zh-Hans" && value != "zh-Hant" && value != "en")
    throw DomainError("bad_input", value);
  if (key == "kiosk.theme" && !ui::lookNamed(value)) throw DomainError("bad_input", value);
  const Instant now = k_.clock.now();
  k_.backroom.settings().change(key, value,
                                auditOf(now, me.code, "settings.change", "setting", key, "settings screen", value));
  // The status bar shows the store's name: it changes with it.
  if (key == "store.name" && !value.empty()) k_.view.status.storeName = value;
  if (key == "kiosk.theme") k_.view.status.theme = value;  // the next frame is drawn in it
  done(key == "language" || key == "kiosk.auto_lock_minutes" ? "ui.settings.saved_next_start" : "ui.settings.saved");
}

// The password lives in the data dir (never in the database a backup carries);
// the next automatic backup reads it.
void SettingsDesk::saveBackupPassword(const std::string& password) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageSettings, "backup", "password");
  BackupPassword& saved = k_.backroom.backupPassword();
  bool had = saved.isSet();
  saved.save(password);
  k_.audit.append(auditOf(k_.clock.now(), me.code, had ? "backup.password_change" : "backup.password_set", "backup",
                          "password", "settings screen"));
  k_.view.status.backupPasswordMissing = false;
  done("ui.settings.password_saved");
}

}  // namespace salon::kiosk
