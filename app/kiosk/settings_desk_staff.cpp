// The Settings screen's staff: add a member with a PIN, set a new PIN, lift the
// lock after wrong PINs, give a new role (tapped, then confirmed), deactivate. PINs are hashed off the frame (the hash is
// deliberately slow) and stored through the staff stores.
#include <cstdlib>
#include <cstring>
#include <memory>

#include "app/core/error.h"
#include "app/core/pin.h"
#include "app/core/staff_auth.h"
#include "app/core/staff_roster.h"
#include "app/kiosk/settings_desk.h"

namespace salon::kiosk {
namespace {

// As the CLI: tests and sanitizer runs hash at the minimum cost.
PinCost pinCost() {
  const char* v = std::getenv("SALON_PIN_COST");
  return v && std::strcmp(v, "min") == 0 ? PinCost::minimum() : PinCost::interactive();
}

}  // namespace

void SettingsDesk::fillStaff() {
  ui::SettingsView& v = k_.view.settings;
  StaffRoster& store = k_.backroom.staffRoster();
  const Instant now = k_.clock.now();
  v.staff.clear();
  for (const Staff& s : store.listStaff()) {
    auto cred = store.findStaff(s.code);
    bool locked = cred && cred->lockedUntil > now;
    v.staff.push_back(
        {s.code, s.name, std::string("ui.settings.role.") + roleName(s.role), s.department, s.active, locked, roleName(s.role)});
  }
  v.chosenStaff = chosenStaff_;
  v.roleOpen = role_.open && !chosenStaff_.empty();
  v.roleDraft = v.roleOpen ? role_.to : "";
  v.roles.clear();
  // Only an admin may make another admin (the machine's keys).
  for (Role r : allRoles())
    if (r != Role::Admin || k_.staff->role == Role::Admin) v.roles.push_back(roleName(r));
  v.newStaff = {};
  v.newStaff.open = staff_.open;
  v.newStaff.name = staff_.name;
  v.newStaff.kind = staff_.role;
  v.newStaff.category = staff_.department;
  v.newStaff.pinSet = !staff_.pin.empty();
}

void SettingsDesk::saveNewStaff() {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageStaff, "staff", "new");
  if (staff_.name.empty()) throw DomainError("settings_name_missing", "staff");
  if (staff_.pin.empty()) throw DomainError("settings_pin_missing", "staff");
  auto role = roleFromName(staff_.role);
  if (!role || (*role == Role::Admin && me.role != Role::Admin)) throw DomainError("permission_denied", staff_.role);
  StaffRoster& store = k_.backroom.staffRoster();
  Staff s{"", staff_.name, *role, staff_.department, true};
  // The sign-in screen shows names; the code only has to be unique.
  for (int n = 101; s.code.empty() || store.findStaff(s.code); ++n) s.code = "s" + std::to_string(n);
  auto hash = std::make_shared<std::string>();
  const std::string pin = staff_.pin;
  staff_ = {};
  chosenStaff_ = s.code;
  done("ui.settings.saving");
  const int attempt = testAttempt_;
  k_.tasks->run(Lane::Pins, "hash a new PIN", [hash, pin](Backroom&) { *hash = hashPin(pin, pinCost()); },
                [this, hash, s, me, attempt] {
                  if (attempt != testAttempt_ || !k_.staff || k_.staff->code != me.code) return;
                  try {
                    const Instant now = k_.clock.now();
                    k_.backroom.staffRoster().addStaff(s, *hash, auditOf(now, me.code, "staff.add", "staff", s.code,
                                                                         "settings screen", roleName(s.role)));
                    done("ui.settings.staff_added", s.name);
                  } catch (const DomainError& e) {
                    failed(e.code());
                  }
                  if (k_.view.screen == ui::Screen::Settings) refresh();
                });
}

void SettingsDesk::setPin(const std::string& code, const std::string& pin) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageStaff, "staff", code);
  auto target = k_.backroom.staffRoster().findStaff(code);
  if (!target) throw DomainError("unknown_staff", code);
  // A manager who could set the admin's PIN could act as the admin (restore, seed).
  if (target->staff.role == Role::Admin && me.role != Role::Admin) throw DomainError("permission_denied", code);
  auto hash = std::make_shared<std::string>();
  done("ui.settings.saving");
  const int attempt = testAttempt_;
  k_.tasks->run(Lane::Pins, "hash a new PIN", [hash, pin](Backroom&) { *hash = hashPin(pin, pinCost()); },
                [this, hash, code, me, attempt] {
                  if (attempt != testAttempt_ || !k_.staff || k_.staff->code != me.code) return;
                  try {
                    const Instant now = k_.clock.now();
                    k_.backroom.staffRoster().setPin(
                        code, *hash, auditOf(now, me.code, "staff.pin_set", "staff", code, "settings screen"));
                    done("ui.settings.pin_saved");
                  } catch (const DomainError& e) {
                    failed(e.code());
                  }
                  if (k_.view.screen == ui::Screen::Settings) refresh();
                });
}

void SettingsDesk::unlock(const std::string& code) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageStaff, "staff", code);
  auto target = k_.backroom.staffRoster().findStaff(code);
  if (target && target->staff.role == Role::Admin && me.role != Role::Admin) throw DomainError("permission_denied", code);
  const Instant now = k_.clock.now();
  k_.backroom.staffRoster().unlock(code, auditOf(now, me.code, "staff.unlock", "staff", code, "settings screen"));
  done("ui.settings.unlocked");
}

void SettingsDesk::setActive(const std::string& code, bool active) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageStaff, "staff", code);
  // Deactivating oneself would lock the only manager out in the middle of the day.
  if (!active && code == me.code) throw DomainError("settings_not_yourself", code);
  auto target = k_.backroom.staffRoster().findStaff(code);
  if (!target) throw DomainError("unknown_staff", code);
  if (target->staff.role == Role::Admin && me.role != Role::Admin) throw DomainError("permission_denied", code);
  const Instant now = k_.clock.now();
  k_.backroom.staffRoster().setActive(code, active,
                          auditOf(now, me.code, active ? "staff.reactivate" : "staff.deactivate", "staff", code,
                                  "settings screen"));
  done(active ? "ui.settings.reactivated" : "ui.settings.deactivated");
}

void SettingsDesk::setRole(const std::string& code, const std::string& role) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageStaff, "staff", code);
  auto to = roleFromName(role);
  if (!to) throw DomainError("bad_input", role);
  auto target = k_.backroom.staffRoster().findStaff(code);
  if (!target) throw DomainError("unknown_staff", code);
  checkRoleChange(me, target->staff, *to);
  const std::string change = std::string(roleName(target->staff.role)) + " -> " + roleName(*to);
  k_.backroom.staffRoster().setRole(code, *to,
                                    auditOf(k_.clock.now(), me.code, "staff.role", "staff", code, "settings screen", change));
  role_ = {};
  done("ui.settings.role_changed", target->staff.name);
}

}  // namespace salon::kiosk
