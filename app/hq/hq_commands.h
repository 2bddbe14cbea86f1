#pragma once
// The subcommands of `salon-hq`, each registered on the CLI11 app; the chosen one
// leaves its work in `run`.
#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>
#include <pqxx/connection>

namespace CLI {
class App;
}

namespace salon::hq {

using CommandRun = std::function<int()>;

void addServerCommands(CLI::App& app, CommandRun& run);  // migrate, serve, sandbox
void addStoreCommands(CLI::App& app, CommandRun& run);   // store add|revoke|list
void addChainCommands(CLI::App& app, CommandRun& run);   // catalog, price, staff, setting, promotion, tier
void addReportCommands(CLI::App& app, CommandRun& run);  // report stores, verify
void addOnlineCommands(CLI::App& app, CommandRun& run);  // online service|setting|sms
void addSettlementCommands(CLI::App& app, CommandRun& run);  // settlement show|sign, user add|password|disable|list
void addChainMoneyCommands(CLI::App& app, CommandRun& run);  // chain alerts (issue 18)

// A subcommand with --pg (or $SALON_HQ_PG) whose work runs against one connection
// and prints the JSON it returns.
CLI::App* pgCommand(CLI::App* parent, const char* name, const char* what, std::string& pg, CommandRun& run,
                    std::function<nlohmann::json(pqxx::connection&)> work);

}  // namespace salon::hq
