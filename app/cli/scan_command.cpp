// salon-kiosk scan PAYLOAD: what the counter does with a scanned code.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/error.h"
#include "app/core/member_card.h"
#include "app/core/receipt.h"
#include "app/core/scan.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/member_card_store.h"
#include "app/core/chain_lookup.h"
#include "devices/hq_link.h"
#include "storage/chain_files.h"
#include "storage/sync_store.h"

namespace salon::cli {
namespace {

struct ScanArgs {
  std::string db, payload, staff;
};

// A member another store registered is not here yet: their card (its signature checked
// first), card number or phone is looked up at head office and the file brought in
// (issue 18, core's ChainLookup); `source` becomes "hq". Otherwise member_unknown stands.
MemberCards::Resolution resolveAcrossChain(const Invocation& inv, storage::Database& db, MemberCards& cards,
                                           const Staff& me, const std::string& payload, std::string& source) {
  try {
    return cards.resolve(me, payload);
  } catch (const DomainError& e) {
    if (e.code() != "member_unknown") throw;
    storage::SqliteChainFileStore files(db);
    storage::SqliteSyncStore sync(db);
    devices::HttpsHeadOfficeLines lines({1, 2, 2});
    if (!ChainLookup(files, sync, &lines, *inv.clock).fallBack(me, e.detail(), "counter scan").why.empty()) throw;
  }
  source = "hq";
  return cards.resolve(me, payload);
}

int scan(const Invocation& inv, const ScanArgs& a) {
  auto db = openDatabase(a.db);
  // A scan shows a member's name, file and card: only staff who may open files.
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ViewCustomerFile, "customer", "scan");
  storage::SqliteMemberCardStore cards(*db);
  // As at the counter: a card signed with a retired key is reissued under the current one.
  MemberCards members(cards, audit, *inv.clock);
  std::string source = "local";
  auto r = resolveAcrossChain(inv, *db, members, me, a.payload, source);
  // A payment code belongs to the tender screen; this command only finds members.
  if (r.scan.kind == ScanKind::PaymentCode) throw DomainError("scan_payment_code", r.scan.wallet);
  const ScanClass& c = r.scan;
  const CardHolder* h = &*r.member;
  audit.append(auditOf(inv.clock->now(), me.code, "customer.view", "customer", h->fileNo, "counter scan",
                       std::string("member_card,") + scanKindName(c.kind)));
  nlohmann::json out = {{"kind", scanKindName(c.kind)}, {"member_no", h->memberNo}, {"name", h->name},
                        {"phone", maskPhone(h->phone)}, {"file_no", h->fileNo}, {"card_version", h->cardVersion},
                        {"source", source}};
  if (r.newCard) {
    // The old card stops working now; the new one is printed as a reprint of the version in force.
    out["new_card"] = {{"version", r.newCard->holder.cardVersion},
                       {"reason", "card key changed: the old card no longer works"},
                       {"print", "salon-kiosk print card " + h->memberNo +
                                     " --printer URI --staff " + me.code + " --reason 'card key changed'"}};
  }
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

void addScanCommand(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<ScanArgs>();
  auto* s = app.add_subcommand("scan", "Resolve a scanned code: member card QR, card number or phone");
  s->add_option("payload", a->payload, "What the reader read")->required();
  addDbOption(s, a->db);
  s->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  s->callback([&inv, a] { inv.run = [&inv, a] { return scan(inv, *a); }; });
}

}  // namespace salon::cli
