#pragma once
// The subcommands of `salon-hq`, each registered on the CLI11 app; the chosen one
// leaves its work in `run`.
#include <functional>

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

}  // namespace salon::hq
