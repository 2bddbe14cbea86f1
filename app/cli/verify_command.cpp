// salon-kiosk verify --db DB: checks the database file (integrity_check,
// foreign_key_check), then the audit chain (and, as ledgers arrive, their sums
// against balances); prints the chain head; non-zero when anything is broken.
// --expect-head N:HASH checks a head remembered outside the box (a Z report, a
// backup's name): a chain edited and recomputed no longer holds it.
#include <iostream>
#include <memory>

#include "app/cli/cli.h"
#include "app/core/chain_head.h"
#include "app/core/error.h"
#include "storage/verify.h"

namespace salon::cli {
namespace {

struct VerifyArgs {
  std::string db, expectHead;
};

// "" when the chain still holds entry N with HASH, else what is wrong.
std::string checkRememberedHead(storage::Database& db, const std::string& expected) {
  auto head = parseChainHead(expected);
  if (!head) throw DomainError("bad_input", "--expect-head " + expected + " (N:HASH)");
  const std::int64_t seq = head->seq;
  const std::string& hash = head->hash;
  SQLite::Statement q(db.sql(), "SELECT hash FROM audit_log WHERE seq = ?");
  q.bind(1, seq);
  if (!q.executeStep()) return "entry " + std::to_string(seq) + " is missing";
  std::string actual = q.getColumn(0).getString();
  if (actual != hash) return "entry " + std::to_string(seq) + " has hash " + actual + ", remembered " + hash;
  return "";
}

int verify(const VerifyArgs& a) {
  auto database = openDatabase(a.db, storage::OpenMode::ReadOnly);
  storage::VerifyReport r = storage::verifyDatabase(*database);
  for (const auto& c : r.database) std::cout << "database " << c.name << ": " << (c.ok ? "ok" : c.problem) << "\n";
  if (!r.databaseOk()) {
    for (const auto& c : r.database)
      if (!c.ok) std::cerr << "DAMAGED: database " << c.name << " failed: " << c.problem.substr(0, 2000) << "\n";
    return 1;
  }
  std::cout << "audit entries: " << r.chain.entries << "\n"
            << "chain head: " << r.chain.headSeq << " " << r.chain.headHash << "\n";
  for (const auto& c : r.ledgers) std::cout << "ledger " << c.name << ": " << (c.ok ? "ok" : c.problem) << "\n";
  if (!r.chain.ok) {
    std::cerr << "BROKEN at audit entry " << r.chain.firstBrokenSeq << ": " << r.chain.problem << "\n";
    return 1;
  }
  if (!a.expectHead.empty()) {
    std::string problem = storage::guarded([&] { return checkRememberedHead(*database, a.expectHead); });
    std::cout << "remembered head " << a.expectHead << ": " << (problem.empty() ? "ok" : problem) << "\n";
    if (!problem.empty()) {
      std::cerr << "HEAD MISMATCH: the audit chain no longer holds the remembered head: " << problem << "\n";
      return 1;
    }
  }
  if (!r.ok()) return 1;
  std::cout << "OK\n";
  return 0;
}

}  // namespace

void addVerifyCommand(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<VerifyArgs>();
  auto* sub = app.add_subcommand("verify", "Check the database file, the audit chain and the ledgers");
  addDbOption(sub, a->db);
  sub->add_option("--expect-head", a->expectHead,
                  "N:HASH, a chain head remembered from a Z report or backup: it must still be in the chain");
  sub->callback([&inv, a] { inv.run = [a] { return verify(*a); }; });
}

}  // namespace salon::cli
