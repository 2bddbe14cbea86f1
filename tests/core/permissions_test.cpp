#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "app/core/error.h"
#include "app/core/staff.h"
#include "app/core/staff_auth.h"

using namespace salon;

namespace {

// The permission table as the salon's rules state it, written out independently
// of staff.cpp: who may take each guarded action.
const std::map<std::string, std::set<std::string>> kExpected = {
    {"customer.view", {"cashier", "beautician", "supervisor", "manager"}},
    {"customer.register", {"cashier", "beautician", "supervisor", "manager"}},
    {"customer.edit", {"supervisor", "manager"}},
    {"customer.review", {"supervisor", "manager"}},
    {"customer.export", {"manager"}},
    {"customer.import", {"supervisor", "manager", "admin"}},
    {"member.import_balances", {"manager"}},
    {"customer.lend", {"manager"}},
    {"service.record", {"beautician", "supervisor", "manager"}},
    {"sale.settle", {"cashier", "supervisor", "manager"}},
    {"sale.void", {"manager"}},
    {"sale.refund", {"manager"}},
    {"sale.manual_discount", {"manager"}},
    {"member.top_up", {"cashier", "supervisor", "manager"}},
    {"member.override_arrears", {"manager"}},
    {"member.approve", {"supervisor", "manager"}},
    {"day.open_close", {"cashier", "supervisor", "manager", "finance"}},
    {"card.reprint", {"cashier", "supervisor", "manager"}},
    {"card.reissue", {"supervisor", "manager"}},
    {"report.view", {"supervisor", "manager", "finance"}},
    {"finance.reconcile", {"finance"}},
    {"catalog.manage", {"manager", "admin"}},
    {"staff.manage", {"manager", "admin"}},
    {"settings.manage", {"manager", "admin"}},
    {"data.backup", {"supervisor", "manager", "finance", "admin"}},
    {"data.restore", {"admin"}},
    {"card.rotate_key", {"admin"}},
    {"audit.verify", {"supervisor", "manager", "finance", "admin"}},
    {"data.seed_demo", {"admin"}},
    {"appointment.book", {"cashier", "beautician", "supervisor", "manager"}},
    {"care.contact", {"cashier", "beautician", "supervisor", "manager"}},
    {"care.plan_events", {"supervisor", "manager"}},
    {"report.business", {"manager", "finance", "admin"}},
};

class RecordingAudit : public AuditLog {
 public:
  void append(const AuditEntry& e) override { entries.push_back(e); }
  std::vector<AuditEntry> entries;
};

}  // namespace

TEST_CASE("every guarded action has an expected rule") {
  REQUIRE(allActions().size() == kExpected.size());
  for (Action a : allActions()) CHECK(kExpected.count(actionName(a)) == 1);
}

TEST_CASE("the guard allows and refuses each role x action as the table says") {
  ManualClock clock(1'700'000'000'000);
  for (Action a : allActions()) {
    for (Role r : allRoles()) {
      RecordingAudit audit;
      Guard guard(audit, clock);
      Staff who{"s1", "Someone", r, "", true};
      bool expected = kExpected.at(actionName(a)).count(roleName(r)) == 1;
      INFO(actionName(a) << " by " << roleName(r));
      if (expected) {
        CHECK_NOTHROW(guard.require(who, a, "record", "42"));
        CHECK(audit.entries.empty());
      } else {
        try {
          guard.require(who, a, "record", "42");
          FAIL("should have been refused");
        } catch (const DomainError& e) {
          CHECK(e.code() == "permission_denied");
        }
        REQUIRE(audit.entries.size() == 1);
        CHECK(audit.entries[0].action == "permission.denied");
        CHECK(audit.entries[0].outcome == "refused");
        CHECK(audit.entries[0].reason == actionName(a));
        CHECK(audit.entries[0].staff == "s1");
        CHECK(audit.entries[0].recordId == "42");
      }
    }
  }
}

TEST_CASE("an inactive staff member may do nothing") {
  ManualClock clock;
  RecordingAudit audit;
  Guard guard(audit, clock);
  Staff gone{"old", "Left", Role::Manager, "", false};
  CHECK_THROWS_AS(guard.require(gone, Action::ViewCustomerFile), DomainError);
}

TEST_CASE("role names round-trip, groomer is a beautician") {
  for (Role r : allRoles()) CHECK(roleFromName(roleName(r)) == r);
  CHECK(roleFromName("groomer") == Role::Beautician);
  CHECK_FALSE(roleFromName("boss").has_value());
}

TEST_CASE("a new role: never one's own, the admin role only by an admin, not the same again") {
  const Staff mgr{"mgr", "店长", Role::Manager, "", true};
  const Staff admin{"admin", "管理员", Role::Admin, "", true};
  const Staff cash{"cash", "前台", Role::Cashier, "", true};
  auto codeOf = [](auto call) {
    try {
      call();
    } catch (const DomainError& e) {
      return e.code();
    }
    return std::string("ok");
  };
  CHECK(codeOf([&] { checkRoleChange(mgr, cash, Role::Supervisor); }) == "ok");
  CHECK(codeOf([&] { checkRoleChange(mgr, mgr, Role::Cashier); }) == "settings_role_yourself");
  CHECK(codeOf([&] { checkRoleChange(admin, admin, Role::Manager); }) == "settings_role_yourself");
  CHECK(codeOf([&] { checkRoleChange(mgr, cash, Role::Admin); }) == "permission_denied");
  CHECK(codeOf([&] { checkRoleChange(mgr, admin, Role::Cashier); }) == "permission_denied");
  CHECK(codeOf([&] { checkRoleChange(admin, cash, Role::Admin); }) == "ok");
  CHECK(codeOf([&] { checkRoleChange(admin, mgr, Role::Finance); }) == "ok");
  CHECK(codeOf([&] { checkRoleChange(mgr, cash, Role::Cashier); }) == "settings_role_unchanged");
}
