// salon-kiosk member show MEMBER_NO: the member's stored value (principal and
// bonus), points, package sessions and arrears, in fen. Head office's figures
// when the store is enrolled and HQ answers within --hq-timeout seconds, else
// the store's own ledgers; "source" says which (core's MemberFigures, the
// same service the kiosk's checkout and check-in ask). A view of a customer's
// money: checked (customer.view) and audited with its purpose.
#include <algorithm>
#include <iostream>
#include <memory>

#include "app/cli/checkout_cli.h"
#include "app/cli/member_show.h"
#include "app/core/error.h"
#include "app/core/member_figures.h"
#include "app/core/staff_auth.h"
#include "devices/hq_link.h"
#include "storage/audit_store.h"
#include "storage/member_balance_store.h"
#include "storage/sync_store.h"

namespace salon::cli {
namespace {

struct ShowArgs {
  std::string db, staff, memberNo, purpose = "balance enquiry";
  bool json = false;
  int hqSeconds = 2;  // how long a counter may wait for head office before using its own figures
};

void printText(const MemberBalance& b) {
  std::cout << b.memberNo << " (" << b.homeStore << ", " << balanceSourceName(b.source) << ", "
            << formatUtc(b.asOf) << ")\n"
            << "stored value\t" << formatAmount(b.principal) << " + " << formatAmount(b.bonus) << " bonus\n"
            << "points\t" << b.points << "\n"
            << "arrears\t" << formatAmount(b.arrears) << "\n";
  for (const auto& p : b.packages)
    std::cout << "package\t" << p.service << "\t" << p.sessionsLeft << "\t" << p.expires << "\n";
}

int show(const Invocation& inv, const ShowArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ViewCustomerFile, "member", a.memberNo);
  if (a.purpose.find_first_not_of(' ') == std::string::npos) throw DomainError("purpose_required", "");
  storage::SqliteMemberBalances local(*db);
  storage::SqliteSyncStore sync(*db);
  const int t = std::max(1, a.hqSeconds);
  devices::HttpsHeadOfficeLines lines({1, t, t});
  MemberFiguresLook look = MemberFigures(local, sync, &lines, *inv.clock).look(a.memberNo, a.staff, a.purpose);
  if (!look.figures) throw DomainError("member_unknown", a.memberNo);
  audit.append(MemberFigures::viewed(look, a.memberNo, me.code, a.purpose, inv.clock->now()));
  const MemberBalance* b = &*look.figures;
  if (a.json) std::cout << memberBalanceJson(*b).dump(2) << "\n";
  else printText(*b);
  return 0;
}

}  // namespace

nlohmann::json memberBalanceJson(const MemberBalance& b) {
  nlohmann::json packages = nlohmann::json::array();
  for (const auto& p : b.packages)
    packages.push_back({{"service", p.service}, {"sessions_left", p.sessionsLeft}, {"expires", p.expires}});
  return {{"member_no", b.memberNo},
          {"home_store", b.homeStore},
          {"stored_value", {{"principal", b.principal.fen}, {"bonus", b.bonus.fen}}},
          {"points", b.points},
          {"packages", packages},
          {"arrears", b.arrears.fen},
          {"as_of", formatUtc(b.asOf)},
          {"source", balanceSourceName(b.source)}};
}

void addMemberShowCommand(CLI::App* member, Invocation& inv) {
  auto a = std::make_shared<ShowArgs>();
  auto* sub = member->add_subcommand("show", "A member's stored value, points, packages and arrears (fen)");
  sub->add_option("member_no", a->memberNo, "The member number")->required();
  addDbOption(sub, a->db);
  sub->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  sub->add_option("--purpose", a->purpose, "Why the member's money is looked at (audited)");
  sub->add_flag("--json", a->json, "Print JSON");
  sub->add_option("--hq-timeout", a->hqSeconds, "Seconds to wait for head office (default 2)");
  sub->callback([&inv, a] { inv.run = [&inv, a] { return withJsonErrors([&] { return show(inv, *a); }); }; });
}

}  // namespace salon::cli
