// salon-kiosk member apply|approve|reject: membership applications, approved
// by a supervisor.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/checkout_cli.h"
#include "app/cli/member_show.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/member_store.h"

namespace salon::cli {
namespace {

struct MemberArgs {
  std::string db, staff, customer, id, reason;
};

nlohmann::json applicationJson(const MembershipApplication& a) {
  return {{"id", a.id}, {"customer", a.customer}, {"status", a.status}, {"applied_by", a.appliedBy},
          {"decided_by", a.decidedBy}, {"note", a.note}};
}

int apply(const Invocation& inv, const MemberArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  CustomerId id = storage::findCustomerId(db->sql(), a.customer);
  Guard(audit, *inv.clock).require(me, Action::RegisterCustomer, "customer", std::to_string(id));
  std::cout << applicationJson(storage::applyForMembership(*db, id, me.code, inv.clock->now())).dump(2) << "\n";
  return 0;
}

int decide(const Invocation& inv, const MemberArgs& a, bool approve) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ApproveMembership, "membership_application", a.id);
  auto tiers = storage::loadTiers(db->sql());
  auto result = storage::decideMembership(*db, a.id, approve, me.code, a.reason, tiers, inv.clock->now());
  std::cout << applicationJson(result).dump(2) << "\n";
  return 0;
}

}  // namespace

void addMemberCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<MemberArgs>();
  auto* member = app.add_subcommand("member", "Membership applications (入会申请)");
  member->require_subcommand(1);
  auto* ap = member->add_subcommand("apply", "Apply for membership for a customer");
  addDbOption(ap, a->db);
  ap->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  ap->add_option("--customer", a->customer, "Phone, file no. or member no.")->required();
  ap->callback([&inv, a] { inv.run = [&inv, a] { return withJsonErrors([&] { return apply(inv, *a); }); }; });
  for (bool approve : {true, false}) {
    auto* sub = member->add_subcommand(approve ? "approve" : "reject",
                                       approve ? "Approve an application (supervisor)" : "Return an application with a reason");
    addDbOption(sub, a->db);
    sub->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
    sub->add_option("--id", a->id, "The application's id")->required();
    auto* reason = sub->add_option("--reason", a->reason);
    if (!approve) reason->required();
    sub->callback([&inv, a, approve] {
      inv.run = [&inv, a, approve] { return withJsonErrors([&] { return decide(inv, *a, approve); }); };
    });
  }
  addMemberShowCommand(member, inv);
}

}  // namespace salon::cli
