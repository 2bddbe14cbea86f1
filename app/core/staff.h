#pragma once
// Staff, their roles, and which role may take which guarded action.
#include <optional>
#include <string>
#include <vector>

namespace salon {

enum class Role { Cashier, Beautician, Supervisor, Manager, Finance, Admin };

// Every action a core service guards. Add new ones at the end of a group and give
// them a row in the permission table (staff.cpp); a test walks every role × action.
enum class Action {
  ViewCustomerFile,     // open a file, search for customers
  RegisterCustomer,     // create a file at the counter
  EditCustomerFile,     // direct edit (until change requests exist), supervisor and up
  ReviewCustomerFile,   // approve/return a pending file or a change request
  ExportCustomers,      // CSV export of every file
  ImportCustomers,
  ImportBalances,       // bring members' money across from another system (manager)
  LendCustomerFile,     // approve lending/export of one file
  RecordServiceDetails, // per-visit service details, skin diagnosis, care plan
  SettleSale,
  VoidSale,
  RefundSale,
  ManualDiscount,       // manual discount or price override
  TopUpStoredValue,
  OverrideArrears,
  ApproveMembership,    // approve/reject a membership application (supervisor)
  OpenCloseDay,
  ReprintCard,
  ReissueCard,
  ViewReports,
  ReconcileFinance,
  ManageCatalog,
  ManageStaff,
  ManageSettings,
  Backup,
  Restore,
  VerifyAudit,
  SeedDemoData,
  BookAppointment,      // book, move, check in, mark no-show
  ContactCustomer,      // reminders, birthday calls, follow-ups (logged)
  PlanEvents,           // create member events (沙龙活动), set care-plan intervals
  ViewBusinessReports,  // the reports screen and `report sales|staff|customers|...` (manager, finance, admin)
  RotateCardKey,        // a new member-card signing key (a suspected leak): every card is reissued
};

struct Staff {
  std::string code;        // sign-in code, e.g. "cash"
  std::string name;
  Role role = Role::Cashier;
  std::string department;  // e.g. "前台", "美容部"
  bool active = true;
};

const std::vector<Action>& allActions();
const std::vector<Role>& allRoles();
bool roleMay(Role role, Action action);

// Stable text names, used in the database, the audit log and the CLI.
const char* roleName(Role role);
std::optional<Role> roleFromName(const std::string& name);
const char* actionName(Action action);

// A new role for `target`, asked by `by` (the Guard checks ManageStaff first). Never
// one's own: a manager who made themselves a cashier would leave Settings to nobody
// in the middle of the day. Only an admin gives or takes the admin role (it holds
// the machine's keys). Throws DomainError: settings_role_yourself,
// permission_denied, settings_role_unchanged.
void checkRoleChange(const Staff& by, const Staff& target, Role to);

}  // namespace salon
