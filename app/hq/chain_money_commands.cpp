// salon-hq chain alerts: what head office's money needs a person for (issue 18):
// overdraws turned into arrears, and debits whose sale never arrived.
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/hq/hq_commands.h"

namespace salon::hq {
namespace {

nlohmann::json alerts(pqxx::connection& db) {
  pqxx::read_transaction r(db);
  nlohmann::json overdraws = nlohmann::json::array(), stale = nlohmann::json::array();
  for (const auto& row : r.exec("SELECT event_id::text, store, member_no, stored_value, points,"
                                " to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                " FROM member_overdraws ORDER BY id"))
    overdraws.push_back({{"sale", row[0].as<std::string>()}, {"store", row[1].as<std::string>()},
                         {"member_no", row[2].as<std::string>()}, {"arrears", row[3].as<std::int64_t>()},
                         {"points", row[4].as<std::int64_t>()}, {"at", row[5].as<std::string>()}});
  // Not ended and no longer holding (older than debits.hold_hours): the sale never came.
  for (const auto& row : r.exec("SELECT d.sale::text, d.store, d.member_no, d.principal + d.bonus, d.points,"
                                " to_char(d.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                " FROM member_debits d WHERE NOT EXISTS (SELECT 1 FROM member_debit_ends e"
                                " WHERE e.debit = d.id) AND NOT EXISTS (SELECT 1 FROM open_member_debits o"
                                " WHERE o.id = d.id) ORDER BY d.id"))
    stale.push_back({{"sale", row[0].as<std::string>()}, {"store", row[1].as<std::string>()},
                     {"member_no", row[2].as<std::string>()}, {"stored_value", row[3].as<std::int64_t>()},
                     {"points", row[4].as<std::int64_t>()}, {"at", row[5].as<std::string>()}});
  return {{"overdraws", overdraws}, {"stale_debits", stale}};
}

}  // namespace

void addChainMoneyCommands(CLI::App& app, CommandRun& run) {
  static std::string pg;
  auto* chain = app.add_subcommand("chain", "Members' money across the chain");
  chain->require_subcommand(1);
  pgCommand(chain, "alerts", "Overdraws made arrears, and debits whose sale never arrived (JSON, fen)", pg, run, alerts);
}

}  // namespace salon::hq
