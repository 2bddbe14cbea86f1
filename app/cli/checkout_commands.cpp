// salon-kiosk sale | void | refund | receipt | arrears: the cashier's money flow.
#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli/checkout_cli.h"
#include "app/cli/sale_request_json.h"
#include "app/core/chain_settle.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "assets/assets.h"
#include "devices/hq_link.h"
#include "storage/audit_store.h"
#include "storage/chain_spends.h"
#include "storage/checkout_store.h"
#include "storage/member_store.h"
#include "storage/sale_json.h"
#include "storage/sale_store.h"
#include "storage/staff_store.h"
#include "storage/sync_store.h"

namespace salon::cli {

Staff approvingManager(storage::Database& db, const Clock& clock, const std::string& code, Action action,
                       const std::string& typedBy) {
  const char* pin = std::getenv("SALON_MANAGER_PIN");
  if (!pin || !*pin) throw DomainError("manager_pin_missing", code);
  storage::SqliteStaffStore store(db);
  Staff mgr = StaffAuth(store, clock).signIn(code, pin, typedBy);
  storage::SqliteAuditLog audit(db);
  Guard(audit, clock).require(mgr, action, "sale", "approval");
  return mgr;
}

int withJsonErrors(const std::function<int()>& work) {
  try {
    return work();
  } catch (const DomainError& e) {
    Catalog words = assets::catalog(assets::languageFromEnvironment());
    nlohmann::json err = {{"error", {{"code", e.code()}, {"message", words.text("error." + e.code())}, {"detail", e.detail()}}}};
    std::cerr << err.dump() << "\n";
    return 2;
  }
}

std::vector<std::pair<int, int>> parseLines(const std::string& text) {
  std::vector<std::pair<int, int>> out;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ',')) {
    int no = 0, qty = 0;
    if (std::sscanf(part.c_str(), "%d:%d", &no, &qty) != 2 || no <= 0 || qty <= 0)
      throw DomainError("bad_input", "--lines " + part + " (LINE:QTY)");
    out.push_back({no, qty});
  }
  return out;
}

namespace {

struct SaleArgs {
  std::string db, staff, json, sale, manager, reason, lines, id, customer, channel = "phone", note;
  std::int64_t limit = -1;
  int hqSeconds = 2;  // how long the counter waits for head office's debit before selling offline
};

void printSale(const storage::SettleResult& r, StoreZone zone) {
  nlohmann::json j = storage::saleJson(r.sale, zone);
  j["replayed"] = r.replayed;
  std::cout << j.dump(2) << "\n";
}

int runSale(const Invocation& inv, const SaleArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::SettleSale, "sale", "new");
  auto setup = storage::loadCheckoutSetup(db->sql());
  auto body = readJsonInput(a.json);
  SaleRequest req = saleRequestFromJson(
      body, [&](const std::string& key) { return storage::findCustomerId(db->sql(), key); }, setup.zone);
  if (!req.approvedBy.empty()) approvingManager(*db, *inv.clock, req.approvedBy, Action::ManualDiscount, me.code);
  // A member's chain-wide value: head office debits it first while it answers (issue 18).
  storage::SqliteCheckoutStore store(*db);
  storage::SqliteSyncStore sync(*db);
  storage::SqliteChainSpends spends(*db);
  const int t = std::max(1, a.hqSeconds);
  devices::HttpsHeadOfficeLines lines({1, t, t});
  ChainSettled done = ChainSettle(store, sync, spends, &lines, *inv.clock).settle(req, setup, me);
  nlohmann::json j = storage::saleJson(done.settled.sale, setup.zone);
  j["replayed"] = done.settled.replayed;
  if (!done.mode.empty()) j["chain"] = done.mode;
  std::cout << j.dump(2) << "\n";
  return 0;
}

int runReversal(const Invocation& inv, const SaleArgs& a, SaleKind kind) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  Action action = kind == SaleKind::Void ? Action::VoidSale : Action::RefundSale;
  Staff mgr = approvingManager(*db, *inv.clock, a.manager, action, me.code);
  auto setup = storage::loadCheckoutSetup(db->sql());
  ReversalRequest req{a.id.empty() ? newUuid() : a.id, kind, parseLines(a.lines), a.reason, mgr.code};
  storage::SaleStore store(*db, setup);
  printSale(store.reverse(req, a.sale, me, inv.clock->now()), setup.zone);
  return 0;
}

int runReceipt(const Invocation& inv, const SaleArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::SettleSale, "sale", a.sale);
  auto sale = storage::loadSale(db->sql(), a.sale);
  if (!sale) throw DomainError("unknown_sale", a.sale);
  // A receipt names the customer: the view is logged like any other.
  audit.append(auditOf(inv.clock->now(), me.code, "sale.view", "sale", a.sale, "receipt", "receipt"));
  std::cout << storage::saleJson(*sale, storage::readZone(db->sql())).dump(2) << "\n";
  return 0;
}

int runArrears(const Invocation& inv, const SaleArgs& a, const std::string& what) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard guard(audit, *inv.clock);
  CustomerId id = storage::findCustomerId(db->sql(), a.customer);
  Instant now = inv.clock->now();
  if (what == "settle") {
    guard.require(me, Action::SettleSale, "customer", std::to_string(id));
    auto setup = storage::loadCheckoutSetup(db->sql());
    auto tenders = tendersFromJson(readJsonInput(a.json));
    storage::SaleStore store(*db, setup);
    printSale(store.settleArrears(a.id.empty() ? newUuid() : a.id, id, tenders, me, now), setup.zone);
    return 0;
  }
  if (what == "remind") {
    guard.require(me, Action::SettleSale, "customer", std::to_string(id));
    storage::recordArrearsReminder(*db, id, me.code, a.channel, a.note, now);
  } else if (what == "override") {
    guard.require(me, Action::OverrideArrears, "customer", std::to_string(id));
    storage::overrideArrears(*db, id, me.code, a.reason, now);
  } else {
    guard.require(me, Action::OverrideArrears, "customer", std::to_string(id));
    storage::setArrearsLimit(*db, id, Money(a.limit), me.code, now);
  }
  auto setup = storage::loadCheckoutSetup(db->sql());
  auto acct = storage::loadAccount(db->sql(), id, setup.policy, now);
  std::cout << nlohmann::json{{"customer", id},
                              {"arrears", acct->arrears.fen},
                              {"limit", acct->arrearsLimit.fen},
                              {"suspended", acct->suspended()}}
                   .dump(2)
            << "\n";
  return 0;
}

CLI::App* staffed(CLI::App* parent, const char* name, const char* what, SaleArgs& a) {
  auto* sub = parent->add_subcommand(name, what);
  addDbOption(sub, a.db);
  sub->add_option("--staff", a.staff, "Your staff code (PIN in SALON_PIN)")->required();
  return sub;
}

}  // namespace

void addCheckoutCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<SaleArgs>();
  auto* sale = staffed(&app, "sale", "Settle a sale from JSON (amounts in fen); prints the stored sale", *a);
  sale->add_option("--json", a->json, "The sale as JSON: a file, or - for stdin")->required();
  sale->add_option("--hq-timeout", a->hqSeconds,
                   "Seconds to wait for head office's debit of a member's chain value (default 2), then offline");
  sale->callback([&inv, a] { inv.run = [&inv, a] { return withJsonErrors([&] { return runSale(inv, *a); }); }; });

  for (auto kind : {SaleKind::Void, SaleKind::Refund}) {
    bool isVoid = kind == SaleKind::Void;
    auto* sub = staffed(&app, isVoid ? "void" : "refund",
                        isVoid ? "Void a sale of today (manager PIN in SALON_MANAGER_PIN)"
                               : "Refund a sale, whole or some lines (manager PIN in SALON_MANAGER_PIN)",
                        *a);
    sub->add_option("--sale", a->sale, "The sale's id")->required();
    sub->add_option("--manager", a->manager, "The approving manager's code")->required();
    sub->add_option("--reason", a->reason, "Why")->required();
    sub->add_option("--id", a->id, "This entry's UUID (default: a new one)");
    if (!isVoid) sub->add_option("--lines", a->lines, "LINE:QTY,... (default: everything left)");
    sub->callback([&inv, a, kind] {
      inv.run = [&inv, a, kind] { return withJsonErrors([&] { return runReversal(inv, *a, kind); }); };
    });
  }

  auto* receipt = staffed(&app, "receipt", "A stored sale with everything its receipt shows, as JSON", *a);
  receipt->add_option("--sale", a->sale, "The sale's id")->required();
  receipt->callback([&inv, a] { inv.run = [&inv, a] { return withJsonErrors([&] { return runReceipt(inv, *a); }); }; });

  addMemberCommands(app, inv);

  auto* arrears = app.add_subcommand("arrears", "Arrears (欠费): settle, remind, override, limit");
  arrears->require_subcommand(1);
  const std::pair<const char*, const char*> kinds[] = {{"settle", "Pay off arrears (--json tenders)"},
                                                       {"remind", "Record a reminder"},
                                                       {"override", "Lift the suspension (manager)"},
                                                       {"limit", "Set the customer's limit in fen (manager)"}};
  for (const auto& [name, what] : kinds) {
    auto* sub = staffed(arrears, name, what, *a);
    sub->add_option("--customer", a->customer, "Phone, file no. or member no.")->required();
    std::string n = name;
    if (n == "settle") {
      sub->add_option("--json", a->json, "Tenders as a JSON list: file or -")->required();
      sub->add_option("--id", a->id, "This entry's UUID (default: a new one)");
    }
    if (n == "remind") {
      sub->add_option("--channel", a->channel, "phone|sms|wechat|in_person");
      sub->add_option("--note", a->note);
    }
    if (n == "override") sub->add_option("--reason", a->reason)->required();
    if (n == "limit") sub->add_option("--fen", a->limit)->required();
    sub->callback([&inv, a, n] { inv.run = [&inv, a, n] { return withJsonErrors([&] { return runArrears(inv, *a, n); }); }; });
  }
}

}  // namespace salon::cli
