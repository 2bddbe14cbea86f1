// salon-hq catalog | price | staff | setting: what head office owns (filled in below).
#include <CLI/CLI.hpp>

#include "app/hq/hq_commands.h"

namespace salon::hq {

void addChainCommands(CLI::App&, CommandRun&) {}
void addReportCommands(CLI::App&, CommandRun&) {}

}  // namespace salon::hq
