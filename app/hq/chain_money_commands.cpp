// salon-hq chain alerts: what head office's money needs a person for (issue 18):
// overdraws turned into arrears, debits whose sale never arrived, quarantined events
// per store (app/hq/chain_alerts.h; the dashboard shows the same).
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/hq/chain_alerts.h"
#include "app/hq/hq_commands.h"

namespace salon::hq {
namespace {

nlohmann::json alerts(pqxx::connection& db) { return chainAlerts(db, ""); }

}  // namespace

void addChainMoneyCommands(CLI::App& app, CommandRun& run) {
  static std::string pg;
  auto* chain = app.add_subcommand("chain", "Members' money across the chain");
  chain->require_subcommand(1);
  pgCommand(chain, "alerts", "Overdraws made arrears, and debits whose sale never arrived (JSON, fen)", pg, run, alerts);
}

}  // namespace salon::hq
