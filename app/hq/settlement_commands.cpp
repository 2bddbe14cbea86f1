// salon-hq settlement show|sign (cross-store settlement, issue 18) and
// salon-hq user add|password|disable|list (the dashboard's logins).
#include <CLI/CLI.hpp>

#include <iostream>
#include <pqxx/pqxx>
#include <sstream>
#include <termios.h>
#include <unistd.h>

#include "app/core/comma_list.h"
#include "app/hq/dashboard_users.h"
#include "app/hq/hq_commands.h"
#include "app/hq/hq_schema.h"
#include "app/hq/refusal.h"
#include "app/hq/settlement.h"

namespace salon::hq {
namespace {

struct SettlementArgs {
  std::string pg, month, by, login, name, role, stores;
  bool csv = false;
};

// The password comes on stdin (one line), never on the command line.
std::string passwordFromStdin() {
  termios before{};
  bool tty = isatty(STDIN_FILENO) != 0 && tcgetattr(STDIN_FILENO, &before) == 0;
  if (tty) {  // typed, not shown
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::cerr << "password: " << std::flush;
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) tcsetattr(STDIN_FILENO, TCSAFLUSH, &before), std::cerr << "\n";
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

nlohmann::json userJson(const DashboardUser& u) {
  return {{"login", u.login}, {"name", u.name}, {"role", u.role}, {"stores", u.stores}};
}

// Only finance or the owner signs: --by names their dashboard login.
std::string signer(pqxx::connection& db, const std::string& by) {
  auto u = dashboardUser(db, by);
  if (!u) throw std::runtime_error("--by " + by + " is not a dashboard login (salon-hq user add)");
  if (!u->maySign()) throw std::runtime_error(by + " is " + u->role + ": only finance or the owner signs a settlement");
  return u->login;
}

void addShow(CLI::App* settlement, SettlementArgs& a, CommandRun& run) {
  auto* show = settlement->add_subcommand("show", "A month's matrix: what each store owes each other store");
  show->add_option("--month", a.month, "YYYY-MM")->required();
  show->add_flag("--csv", a.csv, "The matrix as CSV (yuan) instead of JSON (fen)");
  show->add_option("--pg", a.pg, "PostgreSQL URL (or $SALON_HQ_PG)")->envname("SALON_HQ_PG")->required();
  show->callback([&run, &a] {
    run = [&a] {
      pqxx::connection db(a.pg);
      migrate(db);
      Settlement s = settlementOf(db, a.month);
      std::cout << (a.csv ? settlementCsv(s) : settlementJson(s).dump() + "\n") << std::flush;
      return 0;
    };
  });
}

void addSign(CLI::App* settlement, SettlementArgs& a, CommandRun& run) {
  auto* sign = settlement->add_subcommand("sign", "Finance signs a month: its figures are kept and never recomputed");
  sign->add_option("--month", a.month, "YYYY-MM")->required();
  sign->add_option("--by", a.by, "The signer's dashboard login (finance or owner)")->required();
  sign->add_option("--pg", a.pg, "PostgreSQL URL (or $SALON_HQ_PG)")->envname("SALON_HQ_PG")->required();
  sign->callback([&run, &a] {
    run = [&a] {
      pqxx::connection db(a.pg);
      migrate(db);
      try {
        std::cout << settlementJson(signSettlement(db, a.month, signer(db, a.by))).dump() << std::endl;
      } catch (const Refusal& r) {
        std::cerr << "salon-hq settlement sign: " << r.code << ": " << r.what() << "\n";
        return 1;
      }
      return 0;
    };
  });
}

void addUserAdd(CLI::App* user, SettlementArgs& a, CommandRun& run) {
  auto* add = pgCommand(user, "add", "A dashboard login; the password is read from stdin", a.pg, run,
                        [&a](pqxx::connection& db) {
                          migrate(db);
                          DashboardUser u{a.login, a.name.empty() ? a.login : a.name, a.role, commaList(a.stores)};
                          addDashboardUser(db, u, passwordFromStdin());
                          return userJson(u);
                        });
  add->add_option("login", a.login, "Login, e.g. finance1")->required();
  add->add_option("--name", a.name, "Name shown on the dashboard");
  add->add_option("--role", a.role, "owner | finance | area_manager")->required();
  add->add_option("--stores", a.stores, "An area manager's stores, e.g. S01,S02");
}

void addUserOthers(CLI::App* user, SettlementArgs& a, CommandRun& run) {
  auto* password = pgCommand(user, "password", "A new password (stdin); the login's sessions end", a.pg, run,
                             [&a](pqxx::connection& db) {
                               setDashboardPassword(db, a.login, passwordFromStdin());
                               return nlohmann::json{{"login", a.login}, {"password", "changed"}};
                             });
  password->add_option("login", a.login, "Login")->required();
  auto* disable = pgCommand(user, "disable", "No more logins; its sessions end", a.pg, run, [&a](pqxx::connection& db) {
    disableDashboardUser(db, a.login);
    return nlohmann::json{{"login", a.login}, {"disabled", true}};
  });
  disable->add_option("login", a.login, "Login")->required();
  pgCommand(user, "list", "The dashboard's logins", a.pg, run, [](pqxx::connection& db) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : dashboardUsers(db)) out.push_back(userJson(u));
    return out;
  });
}

}  // namespace

void addSettlementCommands(CLI::App& app, CommandRun& run) {
  static SettlementArgs a;
  auto* settlement = app.add_subcommand("settlement", "Cross-store settlement of members' stored value");
  settlement->require_subcommand(1);
  addShow(settlement, a, run);
  addSign(settlement, a, run);
  auto* user = app.add_subcommand("user", "The owner's dashboard's logins");
  user->require_subcommand(1);
  addUserAdd(user, a, run);
  addUserOthers(user, a, run);
}

}  // namespace salon::hq
