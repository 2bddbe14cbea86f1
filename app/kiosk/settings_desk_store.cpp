// The Settings screen's printer, store details and backup password.
#include <nlohmann/json.hpp>

#include <memory>

#include "app/core/error.h"
#include "app/core/receipt.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "app/kiosk/settings_desk.h"
#include "devices/escpos/tickets.h"
#include "devices/print_queue.h"
#include "storage/audit_store.h"
#include "storage/backup_password.h"
#include "storage/print_job_store.h"
#include "storage/settings_store.h"

namespace salon::kiosk {
namespace {

std::string setting(storage::Database& db, const std::string& key) {
  return storage::readSetting(db.sql(), key).value_or("");
}

// The sample sale `print receipt test` prints, with this store's details.
Receipt testReceipt(storage::Database& db, Instant now, StoreZone zone) {
  Receipt r = sampleReceipt(now, 2);
  if (auto v = setting(db, "store.name"); !v.empty()) r.storeName = v;
  if (auto v = setting(db, "store.address"); !v.empty()) r.storeAddress = v;
  if (auto v = setting(db, "store.phone"); !v.empty()) r.storePhone = v;
  if (auto v = setting(db, "receipt.footer"); !v.empty()) r.footer = v;
  r.zone = zone;
  return r;
}

}  // namespace

std::string SettingsDesk::printerUri() const {
  const PrinterDraft& p = printer_;
  if (p.target.empty()) throw DomainError("settings_printer_target_missing", p.transport);
  std::string uri = p.transport == "tcp" ? "tcp://" + p.target : p.transport + ":" + p.target;
  uri += "?profile=" + p.profile;
  devices::profileOf(devices::parsePrinterUri(uri));  // refuses what the transport could not open
  return uri;
}

void SettingsDesk::fillPrinter() {
  ui::SettingsView& v = k_.view.settings;
  v.savedPrinter = setting(k_.db, kPrinterSetting);
  if (!printer_.loaded) {
    printer_.loaded = true;
    try {
      if (!v.savedPrinter.empty()) {
        devices::PrinterUri u = devices::parsePrinterUri(v.savedPrinter);
        printer_.transport = u.scheme;
        printer_.target = u.scheme == "tcp" ? u.target + ":" + std::to_string(u.port) : u.target;
        if (!u.profile.empty()) printer_.profile = u.profile;
      }
    } catch (const DomainError&) {
      // A URI typed elsewhere that no longer parses: start from the defaults.
    }
  }
  v.transport = printer_.transport;
  v.target = printer_.target;
  v.profile = printer_.profile;
  v.profiles.clear();
  for (const devices::PrinterProfile& p : devices::allProfiles()) v.profiles.push_back(p.name);
  v.testing = testing_;
  v.testResult = testResult_;
  v.testOk = testOk_;
}

void SettingsDesk::savePrinter() {
  std::string uri = printerUri();
  saveSetting(kPrinterSetting, uri);
  done("ui.settings.printer_saved");
}

// The test page goes through the print queue and the real transport on a
// worker; the result comes back to the screen (if it is still this session's).
void SettingsDesk::testPrint() {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageSettings, "printer", "test");
  if (testing_) return;
  const std::string uri = printerUri();
  testing_ = true;
  testResult_ = k_.catalog.text("ui.settings.test_printing");
  testOk_ = false;
  const int attempt = ++testAttempt_;
  auto outcome = std::make_shared<devices::PrintOutcome>();
  const std::string path = k_.db.path();
  const Clock& clock = k_.clock;
  const StoreZone zone = k_.zone;
  k_.background(
      [outcome, path, uri, &clock, zone] {
        try {
          auto db = storage::Database::open(path, {storage::OpenMode::Existing});
          PrintJob job;
          job.kind = "test";
          job.title = "测试页";
          job.printer = uri;
          job.bytes = devices::encodeReceipt(testReceipt(*db, clock.now(), zone),
                                             devices::profileOf(devices::parsePrinterUri(uri)));
          storage::SqlitePrintJobStore store(*db);
          devices::PrintQueue queue(store, clock, {}, [&](const devices::PrintOutcome& o) { *outcome = o; });
          queue.submit(std::move(job));
          if (!queue.waitIdle(30000)) outcome->reason = "printer_unreachable: timeout";
        } catch (const DomainError& e) {
          outcome->state = PrintJobState::Failed;
          outcome->reason = e.code() + ": " + e.detail();
        }
      },
      [this, outcome, attempt, uri, me] {
        if (attempt != testAttempt_) return;
        testing_ = false;
        testOk_ = outcome->state == PrintJobState::Printed;
        std::string code = outcome->reason.substr(0, outcome->reason.find(':'));
        testResult_ = testOk_ ? k_.catalog.text("ui.settings.test_printed")
                              : k_.catalog.text("ui.settings.test_failed") + k_.catalog.text("error." + code);
        k_.audit.append(auditOf(k_.clock.now(), me.code, "printer.test", "printer", uri,
                                testOk_ ? "printed" : outcome->reason));
        if (k_.view.screen == ui::Screen::Settings) refresh();
      });
}

void SettingsDesk::fillStore() {
  ui::SettingsView& v = k_.view.settings;
  v.storeName = setting(k_.db, "store.name");
  v.storeAddress = setting(k_.db, "store.address");
  v.storePhone = setting(k_.db, "store.phone");
  v.receiptFooter = setting(k_.db, "receipt.footer");
  // What receipts print when none was set (storage/receipt_load.cpp).
  if (v.receiptFooter.empty()) v.receiptFooter = "谢谢惠顾，欢迎再次光临";
  v.language = storage::readSetting(k_.db.sql(), "language").value_or("zh-Hans");
  v.autoLockMinutes = setting(k_.db, "kiosk.auto_lock_minutes");
  if (v.autoLockMinutes.empty()) v.autoLockMinutes = "5";
  v.backupPasswordSet = storage::loadBackupPassword(dataDir()).has_value();
}

void SettingsDesk::saveSetting(const std::string& key, const std::string& value) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageSettings, "setting", key);
  if (key == "language" && value != "zh-Hans" && value != "zh-Hant" && value != "en")
    throw DomainError("bad_input", value);
  const Instant now = k_.clock.now();
  k_.db.write([&](SQLite::Database& s) {
    storage::writeSetting(s, key, value);
    storage::appendAudit(s, auditOf(now, me.code, "settings.change", "setting", key, "settings screen", value));
    storage::appendOutbox(s, {newUuid(), "settings.changed", nlohmann::json{{"key", key}, {"value", value}}.dump(), now});
  });
  // The status bar shows the store's name: it changes with it.
  if (key == "store.name" && !value.empty()) k_.view.status.storeName = value;
  done(key == "language" || key == "kiosk.auto_lock_minutes" ? "ui.settings.saved_next_start" : "ui.settings.saved");
}

// The password lives in the data dir (never in the database a backup carries);
// the next automatic backup reads it.
void SettingsDesk::saveBackupPassword(const std::string& password) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageSettings, "backup", "password");
  bool had = storage::loadBackupPassword(dataDir()).has_value();
  storage::saveBackupPassword(dataDir(), password);
  k_.audit.append(auditOf(k_.clock.now(), me.code, had ? "backup.password_change" : "backup.password_set", "backup",
                          "password", "settings screen"));
  k_.view.status.backupPasswordMissing = false;
  done("ui.settings.password_saved");
}

}  // namespace salon::kiosk
