#include "app/kiosk/recovery_desk.h"

#include <cstdio>
#include <iostream>

#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "app/core/text_rules.h"

namespace salon::kiosk {

using Kind = ui::RecoveryIntent::Kind;
using Step = ui::RecoveryStep;

std::string shownSize(std::int64_t bytes) {
  char out[32];
  if (bytes >= 1024 * 1024)
    std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  else
    std::snprintf(out, sizeof out, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
  return out;
}

RecoveryDesk::RecoveryDesk(StoreRescue& rescue, StoreProblem problem, const Clock& clock, Catalogs catalogs,
                           std::string language)
    : rescue_(rescue), clock_(clock), catalogs_(std::move(catalogs)) {
  view_.language = std::move(language);
  setProblem(std::move(problem));
}

// What is wrong, its support code (and the detail in the log for support), and
// the newest backup as it is now.
void RecoveryDesk::setProblem(StoreProblem p) {
  view_.problemCode = p.code;
  view_.supportCode = supportCodeOf(p);
  std::cerr << "recovery: " << view_.supportCode << " " << p.code << ": " << p.detail << "\n";
  view_.dbPath = rescue_.where();
  backup_ = rescue_.newestBackup();
  view_.hasBackup = backup_.has_value();
  view_.backupTime = backup_ ? backup_->takenAt : "";
  view_.backupSize = backup_ ? shownSize(backup_->bytes) : "";
}

void RecoveryDesk::apply(const ui::RecoveryIntent& i) {
  switch (i.kind) {
    case Kind::Retry: return retry();
    case Kind::StartRestore: return startRestore();
    case Kind::Cancel:
      password_.clear();
      pin_.clear();
      view_.staffCode.clear();
      view_.step = Step::Problem;
      view_.message.clear();
      break;
    case Kind::Language: view_.language = i.text; return;
    case Kind::Type: return type(i.text);
    case Kind::Erase: return erase();
    case Kind::Clear: field().clear(); break;
    case Kind::Enter: return enter();
  }
  view_.passwordChars = static_cast<int>(password_.size());
  view_.pinDigits = static_cast<int>(pin_.size());
}

void RecoveryDesk::retry() {
  std::optional<StoreProblem> p = rescue_.check();
  if (!p) {
    usable_ = true;
    return;
  }
  setProblem(*p);
  view_.message = catalog().text("recovery.still");
  view_.messageIsError = true;
}

void RecoveryDesk::startRestore() {
  backup_ = rescue_.newestBackup();
  if (!backup_) {
    view_.hasBackup = false;
    return;
  }
  if (clock_.now() < lockedUntil_) {
    view_.message = catalog().describe(DomainError("pin_locked", std::to_string((lockedUntil_ - clock_.now()) / kMinute + 1)));
    view_.messageIsError = true;
    return;
  }
  view_.step = Step::Password;
  view_.message.clear();
}

std::string& RecoveryDesk::field() {
  return view_.step == Step::Password ? password_ : view_.step == Step::Pin ? pin_ : view_.staffCode;
}

void RecoveryDesk::type(const std::string& chars) {
  if (view_.step != Step::Password && view_.step != Step::StaffCode && view_.step != Step::Pin) return;
  for (char c : chars) {
    if (view_.step == Step::Pin && (c < '0' || c > '9')) continue;
    if (field().size() < 128) field() += c;
  }
  view_.passwordChars = static_cast<int>(password_.size());
  view_.pinDigits = static_cast<int>(pin_.size());
}

void RecoveryDesk::erase() {
  eraseLastCharacter(field());
  view_.passwordChars = static_cast<int>(password_.size());
  view_.pinDigits = static_cast<int>(pin_.size());
}

void RecoveryDesk::enter() {
  if (field().empty()) return;
  view_.message.clear();
  if (view_.step == Step::Password) view_.step = Step::StaffCode;
  else if (view_.step == Step::StaffCode) view_.step = Step::Pin;
  else if (view_.step == Step::Pin) view_.step = Step::Working;  // the next frame says so, then afterFrame restores
}

void RecoveryDesk::afterFrame() {
  if (view_.step == Step::Working) restore();
}

void RecoveryDesk::restore() {
  try {
    rescue_.restore(*backup_, password_, view_.staffCode, pin_);
  } catch (const DomainError& e) {
    return refuse(e);
  }
  password_.clear();
  pin_.clear();
  wrongPins_ = 0;
  if (std::optional<StoreProblem> p = rescue_.check()) {
    setProblem(*p);
    view_.step = Step::Problem;
    view_.message = catalog().text("recovery.still");
    view_.messageIsError = true;
    return;
  }
  view_.step = Step::Restored;
  view_.message = catalog().text("recovery.restored") + " " + backup_->takenAt;
  view_.messageIsError = false;
  usable_ = true;
}

// A wrong PIN goes back to the PIN; a wrong password to the password; a wrong
// code or role to the code; the lock after repeated wrong PINs holds here too.
void RecoveryDesk::refuse(const DomainError& e) {
  const std::string& c = e.code();
  // Who and how many tries are left help; a backup's path does not.
  view_.message = c.rfind("pin_", 0) == 0 ? catalog().describe(e) : catalog().text("error." + c);
  view_.messageIsError = true;
  pin_.clear();
  view_.pinDigits = 0;
  if (c == "pin_wrong") {
    if (++wrongPins_ % kMaxWrongPins == 0) lockedUntil_ = clock_.now() + pinLockoutAfter(wrongPins_);
    view_.step = clock_.now() < lockedUntil_ ? Step::Problem : Step::Pin;
  } else if (c == "unknown_staff" || c == "staff_inactive" || c == "permission_denied") {
    view_.step = Step::StaffCode;
  } else if (c == "pin_locked") {
    view_.step = Step::Problem;
  } else {
    password_.clear();
    view_.staffCode.clear();
    view_.passwordChars = 0;
    view_.step = Step::Password;
  }
}

}  // namespace salon::kiosk
