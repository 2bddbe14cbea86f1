// salon-kiosk staff list|add|role: the people who may use the kiosk.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "storage/demo/demo_salon.h"
#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/pin.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/staff_admin_store.h"
#include "storage/staff_store.h"

namespace salon::cli {
namespace {

struct StaffArgs {
  std::string db, staff, code, name, role, department;
  bool json = false;
};

int listStaff(const Invocation& inv, const StaffArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ManageStaff, "staff", "*");
  nlohmann::json out = nlohmann::json::array();
  for (const Staff& s : storage::SqliteStaffStore(*db).listStaff()) {
    out.push_back({{"code", s.code}, {"name", s.name}, {"role", roleName(s.role)},
                   {"department", s.department}, {"active", s.active}});
    if (!a.json) std::cout << s.code << "\t" << roleName(s.role) << "\t" << s.name << "\t" << s.department << "\n";
  }
  if (a.json) std::cout << out.dump(2) << "\n";
  return 0;
}

// Who asks (their PIN, ManageStaff) and the role named by --role: what add and role share.
struct StaffChange {
  std::unique_ptr<storage::Database> db;
  Staff me;
  Role role = Role::Cashier;
};

StaffChange staffChange(const Invocation& inv, const StaffArgs& a) {
  StaffChange c{openDatabase(a.db), {}, Role::Cashier};
  c.me = actAs(*c.db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*c.db);
  Guard(audit, *inv.clock).require(c.me, Action::ManageStaff, "staff", a.code);
  auto role = roleFromName(a.role);
  if (!role) throw DomainError("bad_input", "--role " + a.role);
  c.role = *role;
  return c;
}

int addStaff(const Invocation& inv, const StaffArgs& a) {
  auto [db, me, role] = staffChange(inv, a);
  const char* pin = std::getenv("SALON_NEW_PIN");
  if (!pin || !isValidPin(pin)) throw DomainError("pin_invalid", "SALON_NEW_PIN");
  storage::SqliteStaffStore store(*db);
  if (store.findStaff(a.code)) throw DomainError("staff_exists", a.code);
  Staff s{a.code, a.name, role, a.department, true};
  Instant now = inv.clock->now();
  store.addStaff(s, hashPin(pin, demo::pinCostFromEnvironment()), now, auditOf(now, me.code, "staff.add", "staff", a.code));
  std::cout << a.code << "\n";
  return 0;
}

// The same rules as the settings screen (core's checkRoleChange); prints "CODE\tOLD -> NEW".
int changeRole(const Invocation& inv, const StaffArgs& a) {
  auto [db, me, role] = staffChange(inv, a);
  storage::SqliteStaffRoster roster(*db);
  auto target = roster.findStaff(a.code);
  if (!target) throw DomainError("unknown_staff", a.code);
  checkRoleChange(me, target->staff, role);
  const std::string change = std::string(roleName(target->staff.role)) + " -> " + roleName(role);
  roster.setRole(a.code, role, auditOf(inv.clock->now(), me.code, "staff.role", "staff", a.code, "cli", change));
  std::cout << a.code << "\t" << change << "\n";
  return 0;
}

}  // namespace

void addStaffCommands(CLI::App& app, Invocation& inv) {
  auto args = std::make_shared<StaffArgs>();
  auto* staff = app.add_subcommand("staff", "Staff members and their roles");
  staff->require_subcommand(1);
  auto* list = staff->add_subcommand("list", "List staff");
  addDbOption(list, args->db);
  list->add_option("--staff", args->staff, "Your staff code (PIN in SALON_PIN)")->required();
  list->add_flag("--json", args->json);
  list->callback([&inv, args] { inv.run = [&inv, args] { return listStaff(inv, *args); }; });

  auto* add = staff->add_subcommand("add", "Add a staff member (new PIN in SALON_NEW_PIN)");
  addDbOption(add, args->db);
  add->add_option("--staff", args->staff, "Your staff code (PIN in SALON_PIN)")->required();
  add->add_option("--code", args->code, "The new member's sign-in code")->required();
  add->add_option("--name", args->name)->required();
  add->add_option("--role", args->role, "cashier|beautician|supervisor|manager|finance|admin")->required();
  add->add_option("--department", args->department);
  add->callback([&inv, args] { inv.run = [&inv, args] { return addStaff(inv, *args); }; });

  auto* role = staff->add_subcommand("role", "Give a staff member another role (not your own; admin only by an admin)");
  addDbOption(role, args->db);
  role->add_option("--staff", args->staff, "Your staff code (PIN in SALON_PIN)")->required();
  role->add_option("--code", args->code, "Whose role")->required();
  role->add_option("--role", args->role, "cashier|beautician|supervisor|manager|finance|admin")->required();
  role->callback([&inv, args] { inv.run = [&inv, args] { return changeRole(inv, *args); }; });
}

}  // namespace salon::cli
