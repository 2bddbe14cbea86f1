// salon-kiosk verify --db DB: checks the audit chain (and, as ledgers arrive,
// their sums against balances); prints the chain head; non-zero when broken.
#include <iostream>
#include <memory>

#include "app/cli/cli.h"
#include "storage/verify.h"

namespace salon::cli {

void addVerifyCommand(CLI::App& app, Invocation& inv) {
  auto db = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("verify", "Check the audit chain and the ledgers");
  addDbOption(sub, *db);
  sub->callback([&inv, db] {
    inv.run = [db] {
      auto database = openDatabase(*db, storage::OpenMode::ReadOnly);
      storage::VerifyReport r = storage::verifyDatabase(*database);
      std::cout << "audit entries: " << r.chain.entries << "\n"
                << "chain head: " << r.chain.headSeq << " " << r.chain.headHash << "\n";
      for (const auto& c : r.ledgers) std::cout << "ledger " << c.name << ": " << (c.ok ? "ok" : c.problem) << "\n";
      if (!r.chain.ok) {
        std::cerr << "BROKEN at audit entry " << r.chain.firstBrokenSeq << ": " << r.chain.problem << "\n";
        return 1;
      }
      if (!r.ok()) return 1;
      std::cout << "OK\n";
      return 0;
    };
  });
}

}  // namespace salon::cli
