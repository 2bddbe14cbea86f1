// salon-kiosk members rotate-card-key --db DB --staff CODE: a new member-card
// signing key after a suspected leak (admin only, audited). The old key's
// public half is kept, only to verify: a card it signed is recognised when next
// scanned by staff (counter or `scan`) and reissued under the new key at once,
// so the old card stops working; never taken for a forgery.
#include <iostream>

#include "app/cli/cli.h"
#include "app/core/audit.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/card_key_file.h"

namespace salon::cli {
namespace {

int rotate(const Invocation& inv, const std::string& dbPath, const std::string& staff, const std::string& reason) {
  auto db = openDatabase(dbPath);
  Staff me = actAs(*db, *inv.clock, staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::RotateCardKey, "member_card", "card.key");
  if (reason.find_first_not_of(" \t") == std::string::npos) throw DomainError("reason_required", "--reason");
  storage::rotateCardKey(*db, inv.clock->now());
  audit.append(auditOf(inv.clock->now(), me.code, "card.rotate_key", "member_card", "card.key", reason));
  std::cout << storage::cardKeyPath(dbPath) << ": new key; cards made before now are reissued "
            << "when next scanned\n";
  return 0;
}

}  // namespace

// After addCustomerCommands' "members" group (member_import_commands.cpp).
void addCardKeyCommands(CLI::App& app, Invocation& inv) {
  CLI::App* members = nullptr;
  try {
    members = app.get_subcommand("members");
  } catch (const CLI::OptionNotFound&) {
    members = app.add_subcommand("members", "Members");
  }
  auto db = std::make_shared<std::string>(), staff = std::make_shared<std::string>(),
       reason = std::make_shared<std::string>();
  auto* r = members->add_subcommand("rotate-card-key", "A new member-card signing key (admin; every card is reissued)");
  addDbOption(r, *db);
  r->add_option("--staff", *staff, "Your staff code (PIN in SALON_PIN)")->required();
  r->add_option("--reason", *reason, "Why (a suspected leak, ...)")->required();
  r->callback([&inv, db, staff, reason] { inv.run = [&inv, db, staff, reason] { return rotate(inv, *db, *staff, *reason); }; });
}

}  // namespace salon::cli
