#include "app/kiosk/settings_desk.h"

#include "app/core/error.h"
#include "app/core/money.h"
#include "app/core/name_ranking.h"
#include "app/core/pin.h"
#include "app/core/staff_auth.h"
#include "app/core/store_settings.h"

namespace salon::kiosk {
namespace {

using ui::EditKind;
using ui::SettingsSection;

constexpr std::size_t kMaxText = 60;

EditKind kindOf(const std::string& field) {
  if (field == "item.price" || field == "new.item.price" || field == "promo.price") return EditKind::Money;
  if (field == "store.phone" || field == "kiosk.auto_lock_minutes" || field == "promo.percent" ||
      field == "promo.days" || field == "promo.buy" || field == "promo.free")
    return EditKind::Digits;
  if (field == "new.staff.pin" || field == "staff.pin" || field == "import.pin") return EditKind::Secret;
  if (field == "backup.password") return EditKind::Password;
  if (field == "printer.target" || field == "hq.code") return EditKind::Plain;
  return EditKind::Text;
}

bool digitsOnly(EditKind k) { return k == EditKind::Money || k == EditKind::Digits || k == EditKind::Secret; }

std::size_t maxLength(EditKind k) {
  switch (k) {
    case EditKind::Money: return 10;  // yuan with a '.': up to ¥9,999,999.99
    case EditKind::Digits: return 15;
    case EditKind::Secret: return 8;
    default: return kMaxText;
  }
}

KeyEntry entryFor(EditKind k) {
  if (k == EditKind::Money) return KeyEntry(KeyEntry::Kind::Yuan, maxLength(k));  // as checkout's amounts
  return KeyEntry(digitsOnly(k) ? KeyEntry::Kind::Digits : KeyEntry::Kind::Free, maxLength(k));
}

// An enrolment code is long (a URL, a token and a fingerprint): typed on a keyboard.
constexpr std::size_t kMaxEnrolmentCode = 1000;

}  // namespace

bool SettingsDesk::allowed(Action a) const {
  return k_.staff && Guard(k_.audit, k_.clock).allows(*k_.staff, a);
}

bool SettingsDesk::allowed(SettingsSection s) const {
  switch (s) {
    case SettingsSection::Catalog: return allowed(Action::ManageCatalog);
    case SettingsSection::Staff: return allowed(Action::ManageStaff);
    case SettingsSection::Import: return allowed(Action::ImportBalances);  // the manager
    default: return allowed(Action::ManageSettings);
  }
}

bool SettingsDesk::offered() const {
  return allowed(Action::ManageCatalog) || allowed(Action::ManageStaff) || allowed(Action::ManageSettings);
}

void SettingsDesk::open(CustomerId) {
  if (!k_.staff) return;
  if (!offered()) {
    // Reached without a tile (a stale tap): the refusal is audited, then home.
    try {
      Guard(k_.audit, k_.clock).require(*k_.staff, Action::ManageSettings, "settings", "screen");
    } catch (const DomainError&) {
    }
    return k_.open(ui::Screen::Home, 0);
  }
  locked();
  for (SettingsSection s : {SettingsSection::Catalog, SettingsSection::Staff, SettingsSection::Printer,
                            SettingsSection::Store, SettingsSection::Backup})
    if (allowed(s)) {
      section_ = s;
      break;
    }
  refresh();
}

void SettingsDesk::locked() {
  ++testAttempt_;  // a test print still running reports to nobody
  testJob_.clear();
  edit_ = {};
  messageKey_.clear();
  errorCode_.clear();
  confirming_.clear();
  category_.clear();
  chosenItem_.clear();
  chosenStaff_.clear();
  item_ = {};
  staff_ = {};
  role_ = {};
  printer_ = {};
  testing_ = false;
  testResult_.clear();
  importRun_.reset();  // an import still running finishes; its result goes to nobody
  importShown_.reset();
  importFiles_.clear();
  importFile_.clear();
  importMessage_.clear();
  importSkipBad_ = importCreateTiers_ = false;
  k_.view.settings = {};
}

void SettingsDesk::languageChanged() {
  if (k_.staff && k_.view.screen == ui::Screen::Settings) refresh();
}

void SettingsDesk::done(const std::string& messageKey, const std::string& subject) {
  messageKey_ = messageKey;
  messageSubject_ = subject;
  errorCode_.clear();
}

void SettingsDesk::failed(const std::string& code) {
  errorCode_ = code;
  messageKey_.clear();
}

void SettingsDesk::apply(const ui::SettingsIntent& intent) {
  if (!k_.staff || k_.view.screen != ui::Screen::Settings) return;
  try {
    std::visit([this](const auto& i) { on(i); }, intent);
  } catch (const DomainError& e) {
    failed(e.code());
  }
  refresh();
}

void SettingsDesk::on(const ui::SettingsOpenSection& i) {
  if (!allowed(i.section)) return;
  section_ = i.section;
  edit_ = {};
  confirming_.clear();
  messageKey_.clear();
  errorCode_.clear();
  if (section_ == SettingsSection::Import) openImport();
}

// --- typing a field ----------------------------------------------------------

void SettingsDesk::on(const ui::SettingsEdit& i) { startEdit(i.field); }

void SettingsDesk::startEdit(const std::string& field) {
  edit_ = {};
  edit_.field = field;
  edit_.kind = kindOf(field);
  edit_.entry = field == "hq.code" ? KeyEntry(KeyEntry::Kind::Free, kMaxEnrolmentCode) : entryFor(edit_.kind);
  confirming_.clear();
  messageKey_.clear();
  errorCode_.clear();
  // Plain fields start from what is there, so a typo is one erase away.
  const ui::SettingsView& v = k_.view.settings;
  const std::pair<const char*, const std::string*> current[] = {
      {"printer.target", &printer_.target}, {"new.staff.name", &staff_.name},
      {"new.staff.department", &staff_.department}, {"new.item.name", &item_.name},
      {"new.item.category", &item_.category}, {"store.name", &v.storeName},
      {"store.address", &v.storeAddress}, {"store.phone", &v.storePhone},
      {"receipt.footer", &v.receiptFooter}};
  for (const auto& [name, value] : current)
    if (field == name) edit_.entry.set(*value);
}

void SettingsDesk::on(const ui::SettingsKeys& i) {
  if (edit_.kind == EditKind::None) return;
  // Letters compose pinyin in a text field once the engine is ready.
  if (edit_.entry.apply(i.keys, edit_.kind == EditKind::Text && k_.pinyin)) finishEdit();
}

void SettingsDesk::on(const ui::SettingsTyped& i) {
  if (edit_.kind == EditKind::None) return;
  std::string text = edit_.entry.text();
  for (int n = 0; n < i.backspaces; ++n) eraseLastCharacter(text);
  // Typed on a real keyboard: every character is text ('C' and '<' too).
  for (char c : i.chars) {
    if (digitsOnly(edit_.kind) && (c < '0' || c > '9') && !(edit_.kind == EditKind::Money && c == '.')) continue;
    if (text.size() < (edit_.field == "hq.code" ? kMaxEnrolmentCode : maxLength(edit_.kind))) text += c;
  }
  const std::string letters = edit_.entry.letters();
  edit_.entry.set(text);
  edit_.entry.apply(letters, true);  // letters still being composed stay
  if (i.enter) finishEdit();
}

void SettingsDesk::on(const ui::SettingsPick& i) {
  if (edit_.kind != EditKind::Text) return;
  edit_.entry.pick(i.text);
}

void SettingsDesk::on(const ui::SettingsCancelEdit&) { edit_ = {}; }

// A secret is typed twice; anything else is saved (or kept in the draft) at once.
void SettingsDesk::finishEdit() {
  Editing e = edit_;
  e.value = e.entry.text() + e.entry.letters();  // pinyin not turned into characters stays as letters
  bool secret = e.kind == EditKind::Secret || e.kind == EditKind::Password;
  if (e.field == "import.pin") {  // the manager's own PIN, typed once
    edit_ = {};
    return runImport(e.value);
  }
  if (!secret) {
    edit_ = {};
    return commit(e.field, e.value);
  }
  if (e.first.empty()) {
    if (e.kind == EditKind::Secret && !isValidPin(e.value)) {
      edit_.entry.clear();
      return failed("pin_invalid");
    }
    if (e.kind == EditKind::Password && !k_.backroom.backupPassword().acceptable(e.value)) {
      edit_.entry.clear();
      return failed("backup_password_weak");
    }
    edit_.first = e.value;
    edit_.entry.clear();
    errorCode_.clear();
    return;
  }
  if (e.first != e.value) {
    edit_.first.clear();
    edit_.entry.clear();
    return failed("settings_entries_differ");
  }
  edit_ = {};
  commitSecret(e.field, e.value);
}

void SettingsDesk::commit(const std::string& field, const std::string& value) {
  if (field == "item.price") {
    proposePrice(chosenItem_, value);
  } else if (field == "new.item.price") {
    Money m;
    if (value.empty()) return;
    if (!parseYuan(value, m) || m.fen < 0) throw DomainError("bad_input", value);
    item_.fen = m.fen;
  } else if (field.rfind("promo.", 0) == 0) {
    commitPromotion(field, value);
  } else if (field == "new.item.name") {
    item_.name = value;
  } else if (field == "new.item.category") {
    item_.category = value;
  } else if (field == "new.staff.name") {
    staff_.name = value;
  } else if (field == "new.staff.department") {
    staff_.department = value;
  } else if (field == "printer.target") {
    printer_.target = value;
  } else if (field == "kiosk.auto_lock_minutes") {
    int minutes = value.empty() || value.size() > 3 ? 0 : std::stoi(value);
    if (minutes < 1 || minutes > 120) throw DomainError("settings_auto_lock_range", value);
    saveSetting(field, std::to_string(minutes));
  } else if (field == "store.name" || field == "store.address" || field == "store.phone" ||
             field == "receipt.footer") {
    saveSetting(field, value);
  } else if (field == "hq.code" && sync_) {
    sync_->enrol(value);
  }
}

void SettingsDesk::commitSecret(const std::string& field, const std::string& value) {
  if (field == "new.staff.pin") {
    staff_.pin = value;
  } else if (field == "staff.pin") {
    setPin(chosenStaff_, value);
  } else if (field == "backup.password") {
    saveBackupPassword(value);
  }
}

// --- choosing and buttons ----------------------------------------------------

void SettingsDesk::on(const ui::SettingsChoose& i) {
  confirming_.clear();
  price_ = {};
  if (chooseImport(i.what, i.value)) return;
  if (i.what == "category") category_ = i.value, chosenItem_.clear();
  else if (i.what == "item") chosenItem_ = i.value, item_.open = false, promo_ = {};
  else if (i.what == "promo.kind" && promo_.open) choosePromotionKind(i.value);
  else if (i.what == "kind") item_.kind = i.value == "product" ? "product" : "service";
  else if (i.what == "item.category") item_.category = i.value;
  else if (i.what == "staff") chosenStaff_ = i.value, staff_.open = false, role_ = {};
  else if (i.what == "staff.role" && role_.open) role_.to = i.value;
  else if (i.what == "role" && roleFromName(i.value) && (i.value != "admin" || k_.staff->role == Role::Admin))
    staff_.role = i.value;
  else if (i.what == "transport") printer_.transport = i.value, printer_.target.clear();
  else if (i.what == "profile") printer_.profile = i.value;
  else if (i.what == "language") saveSetting("language", i.value);
  else if (i.what == "kiosk.theme") saveSetting("kiosk.theme", i.value);
}

void SettingsDesk::on(const ui::SettingsAct& i) {
  const std::string& a = i.action;
  // Destructive actions ask for a second tap on the same button.
  if (a == "staff.deactivate" && confirming_ != a) {
    confirming_ = a;
    return;
  }
  confirming_.clear();
  if (importAct(a) || priceAct(a)) return;
  if (a == "item.toggle") toggleItem(chosenItem_);
  else if (a == "promo.open") promo_ = PromotionDraft{!promo_.open, "", 0, 0, 0, 0};
  else if (a == "item.new") item_ = {}, item_.open = true, item_.category = category_, chosenItem_.clear();
  else if (a == "item.save") saveNewItem();
  else if (a == "staff.new") staff_ = {}, staff_.open = true, chosenStaff_.clear();
  else if (a == "staff.save") saveNewStaff();
  else if (a == "staff.unlock") unlock(chosenStaff_);
  else if (a == "staff.deactivate") setActive(chosenStaff_, false);
  else if (a == "staff.reactivate") setActive(chosenStaff_, true);
  else if (a == "staff.role") role_ = {!role_.open, ""};
  else if (a == "staff.role.confirm") setRole(chosenStaff_, role_.to);
  else if (a == "printer.save") savePrinter();
  else if (a == "printer.test") testPrint();
  else if (a == "draft.cancel") item_ = {}, staff_ = {}, role_ = {}, promo_ = {};
  else if (a == "hq.sync" && sync_) sync_->syncNow();
}

// --- the view ----------------------------------------------------------------

void SettingsDesk::refresh() {
  ui::SettingsView& v = k_.view.settings;
  const Catalog& c = k_.catalog;
  v.title = c.text("ui.nav.settings");
  v.sections.clear();
  for (SettingsSection s : {SettingsSection::Catalog, SettingsSection::Staff, SettingsSection::Printer,
                            SettingsSection::Store, SettingsSection::Backup, SettingsSection::HeadOffice,
                            SettingsSection::Import})
    if (allowed(s) && (s != SettingsSection::HeadOffice || (sync_ && sync_->available()))) v.sections.push_back(s);
  v.section = section_;
  v.confirming = confirming_;
  v.messageIsError = !errorCode_.empty();
  v.message = !errorCode_.empty() ? c.text("error." + errorCode_) : messageKey_.empty() ? "" : c.text(messageKey_);
  if (errorCode_.empty() && !messageKey_.empty() && !messageSubject_.empty()) 
    v.message = messageSubject_ + (c.language() == "en" ? ": " : "：") + v.message;
  if (section_ == SettingsSection::Catalog) fillCatalog();
  if (section_ == SettingsSection::Staff) fillStaff();
  if (section_ == SettingsSection::Printer) fillPrinter();
  if (section_ == SettingsSection::Store || section_ == SettingsSection::Backup) fillStore();
  if (section_ == SettingsSection::HeadOffice && sync_) sync_->fill(v.headOffice);
  if (section_ == SettingsSection::Import) fillImport();
  fillEditor();
}

void SettingsDesk::fillEditor() {
  ui::SettingsEditor& e = k_.view.settings.editor;
  e = {};
  if (edit_.kind == EditKind::None) return;
  const Catalog& c = k_.catalog;
  e.kind = edit_.kind;
  e.field = edit_.field;
  e.label = c.text("ui.settings.field." + edit_.field);
  // Say whose price or PIN is being changed.
  const ui::SettingsView& v = k_.view.settings;
  if (edit_.field == "item.price")
    for (const ui::SettingsItemRow& i : v.items)
      if (i.code == chosenItem_) e.label = i.name + " · " + e.label + "（" + c.text("ui.settings.now") + i.price + "）";
  if (edit_.field.rfind("promo.", 0) == 0)
    for (const ui::SettingsItemRow& i : v.items)
      if (i.code == chosenItem_) e.label = i.name + " · " + e.label;
  if (edit_.field == "staff.pin")
    for (const ui::SettingsStaffRow& s : v.staff)
      if (s.code == chosenStaff_) e.label = s.name + " · " + e.label;
  e.again = !edit_.first.empty();
  e.letters = edit_.entry.letters();
  if (k_.pinyin && edit_.kind == EditKind::Text) {
    e.candidates = k_.pinyin->candidates(e.letters, kPinyinCandidateLimit);
    if (edit_.field == "new.staff.name") e.candidates = rankForNames(std::move(e.candidates));
  }
  const std::string& value = edit_.entry.text();
  if (edit_.kind == EditKind::Secret || edit_.kind == EditKind::Password) {
    for (std::size_t n = 0; n < value.size(); ++n) e.shown += "●";
    e.hint = c.text(e.again ? "ui.settings.enter_again"
                            : edit_.kind == EditKind::Secret ? "ui.settings.pin_rule" : "ui.settings.password_rule");
    if (edit_.field == "import.pin") e.hint = c.text("ui.settings.import.pin_hint");
  } else if (edit_.kind == EditKind::Money) {
    e.shown = "¥" + (value.empty() ? std::string("0") : value);
    e.hint = c.text("ui.counter.price.hint");
  } else {
    e.shown = value;
    if (edit_.field == "kiosk.auto_lock_minutes") e.hint = c.text("ui.settings.auto_lock_hint");
    if (edit_.field == "promo.percent") e.hint = c.text("ui.settings.promo_percent_hint");
    if (edit_.field == "promo.days") e.hint = c.text("ui.settings.promo_days_hint");
    if (edit_.field == "promo.buy" || edit_.field == "promo.free") e.hint = c.text("ui.settings.promo_qty_hint");
    if (edit_.field == "printer.target") e.hint = c.text("ui.settings.target_hint." + printer_.transport);
  }
}

std::optional<bool> SettingsDesk::scanned(const std::string& payload) {
  if (!sync_ || !SyncDesk::isEnrolmentCode(payload) || !k_.staff || !allowed(SettingsSection::HeadOffice))
    return std::nullopt;
  section_ = SettingsSection::HeadOffice;
  edit_ = {};
  bool recognised = true;
  try {
    sync_->enrol(payload);
    messageKey_.clear();
    errorCode_.clear();
  } catch (const DomainError& e) {
    failed(e.code());
    recognised = false;
  }
  refresh();
  return recognised;
}

}  // namespace salon::kiosk
