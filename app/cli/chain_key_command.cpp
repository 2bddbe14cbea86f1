// salon-kiosk sync chain-key --db DB --staff CODE (--new | --set | --show): the chain's
// secret for customer files across stores (issue 18, storage/chain_file_key.h). The
// owner makes it at one store (`--new` prints it once) and types it into every other
// (`--set` reads the 64 hex digits from stdin, so they stay out of the shell's history).
// Head office never receives it: files go up sealed under it. Admin only, audited.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/chain_file_key.h"

namespace salon::cli {
namespace {

struct ChainKeyArgs {
  std::string db, staff;
  bool make = false, set = false, show = false;
};

int chainKey(const Invocation& inv, const ChainKeyArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ManageSettings, "sync", "chain_file_key");
  if (me.role != Role::Admin) throw DomainError("permission_denied", "sync chain-key: admin only");
  if (a.make + a.set + a.show != 1) throw DomainError("bad_input", "one of --new, --set, --show");
  std::string secret;
  if (a.make) secret = storage::newChainSecret();
  if (a.set && !std::getline(std::cin, secret)) throw DomainError("bad_input", "the chain key on stdin");
  if (!secret.empty())
    db->write([&](SQLite::Database& s) { storage::keepChainSecret(s, secret, me.code, inv.clock->now()); });
  auto keys = storage::chainKeys(db->sql());
  nlohmann::json out = {{"tag", keys ? nlohmann::json(keys->tag) : nlohmann::json(nullptr)}};
  if (a.make) out["key"] = secret;  // shown once: type it into the chain's other stores
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

void addChainKeyCommand(CLI::App* sync, Invocation& inv) {
  auto a = std::make_shared<ChainKeyArgs>();
  auto* sub = sync->add_subcommand("chain-key", "The chain's secret that seals customer files for head office (admin)");
  addDbOption(sub, a->db);
  sub->add_option("--staff", a->staff, "Staff code (PIN in SALON_PIN)")->required();
  sub->add_flag("--new", a->make, "Make a new secret and print it once");
  sub->add_flag("--set", a->set, "Read the secret (64 hex digits) from stdin");
  sub->add_flag("--show", a->show, "Print the secret's tag (never the secret)");
  sub->callback([&inv, a] { inv.run = [&inv, a] { return chainKey(inv, *a); }; });
}

}  // namespace salon::cli
