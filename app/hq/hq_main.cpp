// salon-hq: the head office. See app/hq/PROTOCOL.md and `salon-hq --help`.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/hq/hq_commands.h"
#include "app/hq/refusal.h"

int main(int argc, char** argv) {
  CLI::App app{"salon-hq: the head office of a salon chain (PostgreSQL + HTTPS)"};
  app.require_subcommand(1);
  salon::hq::CommandRun run;
  salon::hq::addServerCommands(app, run);
  salon::hq::addStoreCommands(app, run);
  salon::hq::addChainCommands(app, run);
  salon::hq::addReportCommands(app, run);
  salon::hq::addOnlineCommands(app, run);
  salon::hq::addSettlementCommands(app, run);
  salon::hq::addChainMoneyCommands(app, run);
  CLI11_PARSE(app, argc, argv);
  try {
    return run ? run() : 2;
  } catch (const std::exception& e) {
    std::cerr << "salon-hq: " << e.what() << "\n";
    return 1;
  }
}
