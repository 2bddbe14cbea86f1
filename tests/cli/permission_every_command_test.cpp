// The whole permission matrix of the command line. First every subcommand is
// walked: each one acts as a staff member (a required --staff), unless it is on
// the short list of commands that show neither personal data nor money. Then
// every command that reads personal data or money runs as every role: the roles
// core's table refuses are refused, audited under their own code and the
// permission's name, and print nothing else; the others are let through.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "app/core/staff.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::Action;
using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

// Commands that need no staff member, and why.
const std::map<std::string, std::string> kWithoutStaff = {
    {"verify", "integrity checks: counts and hashes, no names or amounts"},
    {"demo-data", "seeds an empty store only"},
    {"escpos render", "renders a file of printer bytes"},
    {"escpos serve", "the virtual printer"},
    {"escpos profiles", "lists printer models"},
    {"catalog list", "the price list is public"},
    {"catalog export", "the price list is public"},
    {"print receipt", "`test` prints the sample sale; a real sale asks for --staff (permission_matrix_test)"},
    {"customers statement", "the customer's own statement: phone last 4 + code, audited"},
    {"customers mine", "the customer's own file: phone last 4 + code, audited"},
};

void leaves(CLI::App* app, const std::string& path, std::vector<std::pair<std::string, CLI::App*>>& out) {
  auto subs = app->get_subcommands({});
  if (subs.empty() && !path.empty()) out.emplace_back(path, app);
  for (CLI::App* s : subs) leaves(s, path.empty() ? s->get_name() : path + " " + s->get_name(), out);
}

struct Person {
  const char* code;
  const char* pin;
  salon::Role role;
};

// Every role; the sanitizer build (each run several times slower) runs the
// cashier and finance, who between them are refused something by every command
// here, and the full matrix runs in the plain build.
std::vector<Person> everyRole() {
#if defined(__SANITIZE_ADDRESS__)
  return {{"cash", "3456", salon::Role::Cashier}, {"fin", "5678", salon::Role::Finance}};
#endif
  return {{"admin", "9999", salon::Role::Admin},     {"mgr", "1234", salon::Role::Manager},
          {"sup", "2345", salon::Role::Supervisor},  {"cash", "3456", salon::Role::Cashier},
          {"beau", "4567", salon::Role::Beautician}, {"fin", "5678", salon::Role::Finance}};
}

int count(const std::string& db, const std::string& sql) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getInt();
}

// A refusal on stderr: a line ending in the code, or the JSON error object.
bool refused(const salon::test::CommandResult& r) {
  return r.err.find("[permission_denied]") != std::string::npos ||
         r.err.find("\"code\":\"permission_denied\"") != std::string::npos;
}

}  // namespace

TEST_CASE("every subcommand acts as a staff member unless it shows neither personal data nor money") {
  CLI::App app;
  salon::cli::Invocation inv;
  salon::cli::addCommands(app, inv);
  std::vector<std::pair<std::string, CLI::App*>> all;
  leaves(&app, "", all);
  REQUIRE(all.size() > 80);
  std::set<std::string> seen;
  for (const auto& [path, sub] : all) {
    seen.insert(path);
    CLI::Option* staff = sub->get_option_no_throw("--staff");
    bool acts = staff && staff->get_required();
    INFO(path);
    CHECK((acts || kWithoutStaff.count(path) == 1));  // a command that shows data without a staff member
    if (kWithoutStaff.count(path)) CHECK_FALSE(acts);
  }
  for (const auto& [path, why] : kWithoutStaff) {
    INFO(path << " is listed but no such command exists");
    CHECK(seen.count(path) == 1);
  }
}

TEST_CASE("every command that reads personal data or money x every role: refused and audited, or let through") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  const std::string day = " --from 2026-12-01 --to 2026-12-01";
  const std::vector<std::pair<std::string, Action>> commands = {
      {"staff list", Action::ManageStaff},
      {"customers list --purpose counter", Action::ViewCustomerFile},
      {"customers show C99999999 --purpose counter", Action::ViewCustomerFile},
      {"customers export", Action::ExportCustomers},
      {"customers review --pending", Action::ReviewCustomerFile},
      {"customers review C99999999 --approve", Action::ReviewCustomerFile},
      {"customers import /dev/null --dry-run", Action::ImportCustomers},
      {"members import-packages /dev/null --dry-run", Action::ImportBalances},
      {"receipt --sale 00000000-0000-4000-8000-000000000000", Action::SettleSale},
      {"report z --date 2026-12-01", Action::ViewReports},
      {"report compliance" + day, Action::ViewReports},
      {"report sales" + day, Action::ViewBusinessReports},
      {"report staff" + day, Action::ViewBusinessReports},
      {"report customers" + day, Action::ViewBusinessReports},
      {"report liabilities" + day, Action::ViewBusinessReports},
      {"care report satisfaction" + day, Action::ViewReports},
      {"appointments briefing --date 2026-12-01", Action::ViewCustomerFile},
      {"appointments reminders", Action::ContactCustomer},
      {"appointments late", Action::ContactCustomer},
      {"care list birthdays", Action::ContactCustomer},
      {"care summary --customer C99999999", Action::ViewCustomerFile},
      {"changes list", Action::ReviewCustomerFile},
      {"service due", Action::RecordServiceDetails},
      {"complaints list", Action::ReviewCustomerFile},
      {"disputes list", Action::ReviewCustomerFile},
      {"review weekly list", Action::ReviewCustomerFile},
      {"loans overdue", Action::LendCustomerFile},
      {"reconcile show 1", Action::ReconcileFinance},
      {"reconcile export 1", Action::ReconcileFinance},
      {"sync status", Action::Backup},
      {"member show M99999999", Action::ViewCustomerFile},
  };
  for (const auto& [args, action] : commands) {
    const std::string permission = salon::actionName(action);
    for (const Person& p : everyRole()) {
      INFO(args << " as " << p.code << " (" << permission << ")");
      const std::string denials = "SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = '" +
                                  std::string(p.code) + "' AND reason = '" + permission + "'";
      int before = count(db, denials);
      auto r = runKiosk(args + " --db " + db + " --staff " + p.code, dir.path().string(),
                        std::string("SALON_LANG=en SALON_PIN=") + p.pin);
      INFO(r.err << r.out);
      if (salon::roleMay(p.role, action)) {
        CHECK_FALSE(refused(r));
        continue;
      }
      CHECK(r.exitCode == 2);
      CHECK(refused(r));
      CHECK(r.out.empty());
      CHECK(count(db, denials) == before + 1);
    }
  }
}
