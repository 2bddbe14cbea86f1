#include "app/core/staff.h"

#include <map>
#include <stdexcept>

#include "app/core/error.h"

namespace salon {
namespace {

struct ActionRule {
  Action action;
  const char* name;
  // Which roles may: cashier, beautician, supervisor, manager, finance, admin.
  bool cashier, beautician, supervisor, manager, finance, admin;
};

// The permission table. Admin runs the machine (backups, staff, settings) but is
// not a till operator; the store manager is the one who approves money exceptions.
constexpr ActionRule kRules[] = {
    // action                        name                       cash  beau  sup   mgr   fin   admin
    {Action::ViewCustomerFile,     "customer.view",            true, true, true, true, false, false},
    {Action::RegisterCustomer,     "customer.register",        true, true, true, true, false, false},
    {Action::EditCustomerFile,     "customer.edit",            false, false, true, true, false, false},
    {Action::ReviewCustomerFile,   "customer.review",          false, false, true, true, false, false},
    {Action::ExportCustomers,      "customer.export",          false, false, false, true, false, false},
    {Action::ImportCustomers,      "customer.import",          false, false, true, true, false, true},
    {Action::ImportBalances,       "member.import_balances",   false, false, false, true, false, false},
    {Action::LendCustomerFile,     "customer.lend",            false, false, false, true, false, false},
    {Action::RecordServiceDetails, "service.record",           false, true, true, true, false, false},
    {Action::SettleSale,           "sale.settle",              true, false, true, true, false, false},
    {Action::VoidSale,             "sale.void",                false, false, false, true, false, false},
    {Action::RefundSale,           "sale.refund",              false, false, false, true, false, false},
    {Action::ManualDiscount,       "sale.manual_discount",     false, false, false, true, false, false},
    {Action::TopUpStoredValue,     "member.top_up",            true, false, true, true, false, false},
    {Action::OverrideArrears,      "member.override_arrears",  false, false, false, true, false, false},
    {Action::ApproveMembership,    "member.approve",           false, false, true, true, false, false},
    {Action::OpenCloseDay,         "day.open_close",           true, false, true, true, true, false},
    {Action::ReprintCard,          "card.reprint",             true, false, true, true, false, false},
    {Action::ReissueCard,          "card.reissue",             false, false, true, true, false, false},
    {Action::ViewReports,          "report.view",              false, false, true, true, true, false},
    {Action::ReconcileFinance,     "finance.reconcile",        false, false, false, false, true, false},
    {Action::ManageCatalog,        "catalog.manage",           false, false, false, true, false, true},
    {Action::ManageStaff,          "staff.manage",             false, false, false, true, false, true},
    {Action::ManageSettings,       "settings.manage",          false, false, false, true, false, true},
    {Action::Backup,               "data.backup",              false, false, true, true, true, true},
    {Action::Restore,              "data.restore",             false, false, false, false, false, true},
    {Action::VerifyAudit,          "audit.verify",             false, false, true, true, true, true},
    {Action::SeedDemoData,         "data.seed_demo",           false, false, false, false, false, true},
    {Action::BookAppointment,      "appointment.book",         true, true, true, true, false, false},
    {Action::ContactCustomer,      "care.contact",             true, true, true, true, false, false},
    {Action::PlanEvents,           "care.plan_events",         false, false, true, true, false, false},
    {Action::ViewBusinessReports,  "report.business",          false, false, false, true, true, true},
    {Action::RotateCardKey,        "card.rotate_key",          false, false, false, false, false, true},
};

const ActionRule& ruleFor(Action a) {
  for (const auto& r : kRules)
    if (r.action == a) return r;
  throw std::logic_error("action without a permission rule");
}

}  // namespace

const std::vector<Action>& allActions() {
  static const std::vector<Action> all = [] {
    std::vector<Action> v;
    for (const auto& r : kRules) v.push_back(r.action);
    return v;
  }();
  return all;
}

const std::vector<Role>& allRoles() {
  static const std::vector<Role> all = {Role::Cashier, Role::Beautician, Role::Supervisor,
                                        Role::Manager, Role::Finance,    Role::Admin};
  return all;
}

bool roleMay(Role role, Action action) {
  const ActionRule& r = ruleFor(action);
  switch (role) {
    case Role::Cashier: return r.cashier;
    case Role::Beautician: return r.beautician;
    case Role::Supervisor: return r.supervisor;
    case Role::Manager: return r.manager;
    case Role::Finance: return r.finance;
    case Role::Admin: return r.admin;
  }
  return false;
}

const char* roleName(Role role) {
  switch (role) {
    case Role::Cashier: return "cashier";
    case Role::Beautician: return "beautician";
    case Role::Supervisor: return "supervisor";
    case Role::Manager: return "manager";
    case Role::Finance: return "finance";
    case Role::Admin: return "admin";
  }
  return "?";
}

std::optional<Role> roleFromName(const std::string& name) {
  for (Role r : allRoles())
    if (name == roleName(r)) return r;
  if (name == "groomer") return Role::Beautician;
  return std::nullopt;
}

const char* actionName(Action action) { return ruleFor(action).name; }

void checkRoleChange(const Staff& by, const Staff& target, Role to) {
  if (target.code == by.code) throw DomainError("settings_role_yourself", target.code);
  if ((to == Role::Admin || target.role == Role::Admin) && by.role != Role::Admin)
    throw DomainError("permission_denied", target.code);
  if (target.role == to) throw DomainError("settings_role_unchanged", roleName(to));
}

}  // namespace salon
