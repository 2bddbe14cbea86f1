#include "app/kiosk/members_desk.h"

#include <algorithm>

#include "app/core/error.h"
#include "app/core/member_card.h"
#include "app/core/phone.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "app/kiosk/customer_records.h"
#include "app/kiosk/customer_search.h"
#include "app/kiosk/text_entry.h"
#include "devices/escpos/tickets.h"
#include "devices/print_queue.h"
#include "storage/catalog_store.h"
#include "storage/member_card_store.h"
#include "storage/member_store.h"
#include "storage/print_job_store.h"
#include "storage/sale_store.h"
#include "storage/settings_store.h"

namespace salon::kiosk {
namespace {

constexpr int kHistoryLimit = 50;
constexpr int kPrintWaitMs = 60000;
constexpr std::size_t kMaxAmountDigits = 6;  // up to ¥999,999 in one top-up

std::string signedPoints(std::int64_t n) { return (n > 0 ? "+" : "") + std::to_string(n); }

std::string signedYuan(std::int64_t fen) { return (fen > 0 ? "+" : "") + formatYuan(Money(fen)); }

// The card printer: its own setting, else the receipt printer ("" = none set up).
std::string cardPrinter(storage::Database& db) {
  for (const char* key : {"printer.card", "printer.receipt"})
    if (auto v = storage::readSetting(db.sql(), key); v && !v->empty()) return *v;
  return "";
}

}  // namespace

void MembersDesk::open(CustomerId customer) {
  ui::MembersView& v = k_.view.members;
  v = {};
  topUpId_.clear();
  planCode_.clear();
  planQty_ = 0;
  ++printAttempt_;
  v.title = k_.catalog.text("ui.nav.members");
  v.customer = customer;
  if (customer == 0) return;
  try {
    loadMember();
  } catch (const DomainError& e) {
    say(k_.catalog.text("error." + e.code()), true);
  }
}

void MembersDesk::apply(const ui::MembersIntent& intent) {
  if (!k_.staff) return;
  try {
    std::visit([this](const auto& i) { on(i); }, intent);
  } catch (const DomainError& e) {
    say(k_.catalog.text("error." + e.code()), true);
  }
}

void MembersDesk::locked() {
  k_.view.members = {};
  topUpId_.clear();
  ++printAttempt_;
}

void MembersDesk::languageChanged() {
  k_.view.members.title = k_.catalog.text("ui.nav.members");
  k_.view.members.message.clear();
  if (k_.view.members.customer != 0) {
    histories();
    priceTopUp();
  }
}

void MembersDesk::say(const std::string& text, bool error) {
  k_.view.members.message = text;
  k_.view.members.messageIsError = error;
}

// --- finding a member --------------------------------------------------------

void MembersDesk::on(const ui::MemberSearchKeys& i) {
  applyKeys(k_.view.members.search.query, i.keys);
  search();
}

void MembersDesk::on(const ui::MemberSearchTyped& i) {
  k_.view.members.search.query += i.text;
  search();
}

void MembersDesk::search() {
  findCustomers(k_, k_.view.members.search, "find a member");
}

void MembersDesk::on(const ui::OpenMember& i) {
  if (!wasOffered(k_.view.members.search, i.id)) return;
  open(i.id);
}

void MembersDesk::on(const ui::FindAnotherMember&) { open(0); }

// --- the member --------------------------------------------------------------

// Balances and ledgers are personal data: seeing them is audited.
void MembersDesk::loadMember() {
  ui::MembersView& v = k_.view.members;
  Guard(k_.audit, k_.clock).require(*k_.staff, Action::ViewCustomerFile, "customer", std::to_string(v.customer));
  auto c = k_.directory.byId(v.customer);
  if (!c) throw DomainError("customer_not_found", std::to_string(v.customer));
  const Instant now = k_.clock.now();
  auto setup = storage::loadCheckoutSetup(k_.db.sql());
  auto acct = storage::loadAccount(k_.db.sql(), v.customer, setup.policy, now);
  k_.audit.append(auditOf(now, k_.staff->code, "customer.view", "customer", c->fileNo, "members desk",
                          "name,phone_masked,membership,points,stored_value,packages"));
  v.name = c->name;
  v.memberNo = c->memberNo;
  v.fileNo = c->fileNo;
  v.phone = maskPhone(c->phone);
  v.member = !c->memberNo.empty();
  if (acct) {
    const MemberTier* tier = findTier(setup.tiers, acct->tierCode);
    v.tier = tier ? tier->name : acct->tierCode;
    v.points = std::to_string(acct->points);
    v.storedValue = formatYuan(acct->svPrincipal + acct->svBonus);
    v.bonus = formatYuan(acct->svBonus);
    v.arrears = acct->arrears.fen ? formatYuan(acct->arrears) : "";
  }
  if (v.member) {
    storage::SqliteMemberCardStore cards(k_.db);
    if (auto h = cards.holder(v.memberNo)) v.cardVersion = h->cardIssued ? h->cardVersion : 0;
  }
  v.printer = cardPrinter(k_.db);
  v.plans.clear();
  for (const CatalogItem& item : setup.prices.items())
    if (item.kind == ItemKind::StoredValuePlan && item.active)
      if (auto price = setup.prices.priceAt(item.code, now)) v.plans.push_back({item.code, item.name, formatYuan(*price)});
  histories();
}

void MembersDesk::histories() {
  ui::MembersView& v = k_.view.members;
  const Instant now = k_.clock.now();
  v.packages.clear();
  v.pointsHistory.clear();
  v.storedValueHistory.clear();
  auto setup = storage::loadCheckoutSetup(k_.db.sql());
  if (auto acct = storage::loadAccount(k_.db.sql(), v.customer, setup.policy, now)) {
    for (const CustomerPackage& p : acct->packages) {
      const CatalogItem* item = setup.prices.item(p.packageCode);
      v.packages.push_back({k_.catalog.text("ui.members.expires") + " " +
                                formatLocalDateTime(p.expiresAt, k_.zone).substr(0, 10),
                            item ? item->name : p.packageCode,
                            k_.catalog.text("ui.members.sessions_left") + " " + std::to_string(p.sessionsLeft) + " / " +
                                std::to_string(p.sessionsTotal)});
    }
  }
  for (const LedgerRow& r : pointsHistory(k_.db, v.customer, kHistoryLimit))
    v.pointsHistory.push_back({formatLocalDateTime(r.at, k_.zone), k_.catalog.text("ui.members.kind." + r.kind),
                               signedPoints(r.delta)});
  for (const LedgerRow& r : storedValueHistory(k_.db, v.customer, kHistoryLimit)) {
    std::string amount = signedYuan(r.delta);
    if (r.bonus) amount += "  (" + k_.catalog.text("ui.members.bonus") + " " + signedYuan(r.bonus) + ")";
    v.storedValueHistory.push_back(
        {formatLocalDateTime(r.at, k_.zone), k_.catalog.text("ui.members.kind." + r.kind), amount});
  }
}

void MembersDesk::on(const ui::ShowMemberTab& i) {
  static const char* kTabs[] = {"card", "top_up", "packages", "points", "stored_value"};
  if (std::find(std::begin(kTabs), std::end(kTabs), i.tab) == std::end(kTabs)) return;
  k_.view.members.tab = i.tab;
  k_.view.members.message.clear();
}

// --- the card ----------------------------------------------------------------

void MembersDesk::on(const ui::ChooseCardAction& i) {
  if (i.action != "reprint" && i.action != "reissue") return;
  k_.view.members.cardAction = i.action;
  k_.view.members.cardReasonKey.clear();
  k_.view.members.message.clear();
}

void MembersDesk::on(const ui::CardReason& i) {
  if (i.reasonKey.rfind("ui.members.reason.", 0) != 0) return;
  k_.view.members.cardReasonKey = i.reasonKey;
}

// A reissue stops the old card at once (a lost card must not keep working),
// even when no printer is set up: the new card can be printed later by a reprint.
// A reprint without a printer does nothing.
void MembersDesk::on(const ui::ConfirmCard&) {
  ui::MembersView& v = k_.view.members;
  if (!v.member || v.cardAction.empty() || v.printing) return;
  const bool reissue = v.cardAction == "reissue";
  v.printer = cardPrinter(k_.db);
  if (!reissue && v.printer.empty()) return say(k_.catalog.text("ui.members.no_printer"), true);
  std::string reason = v.cardReasonKey.empty() ? "" : k_.catalog.text(v.cardReasonKey);
  storage::SqliteMemberCardStore cards(k_.db);
  MemberCards service(cards, k_.audit, k_.clock);
  auto printed = reissue ? service.reissue(*k_.staff, v.memberNo, reason) : service.reprint(*k_.staff, v.memberNo, reason);
  // The first card printed for a member is its issue: there is no old card to stop.
  const bool first = v.cardVersion == 0;
  v.cardVersion = printed.holder.cardVersion;
  std::string done = k_.catalog.text(first ? "ui.members.issued" : reissue ? "ui.members.reissued" : "ui.members.reprinted") +
                     " " + k_.catalog.text("ui.members.card_version") + " " + std::to_string(printed.holder.cardVersion);
  v.cardAction.clear();
  v.cardReasonKey.clear();
  if (v.printer.empty()) return say(done + "  " + k_.catalog.text("ui.members.no_printer_not_printed"));
  say(done + "  " + k_.catalog.text("ui.members.printing"));
  v.printing = true;
  devices::CardTicket t;
  t.holder = printed.holder;
  t.payload = printed.payload;
  t.event = printed.event;
  t.printedAt = k_.clock.now();
  t.zone = k_.zone;
  t.storeName = storage::readSetting(k_.db.sql(), "store.name").value_or("");
  printCard(std::move(t), v.printer, done);
}

// Through the persistent print queue, on a worker: the frame never waits for a printer.
void MembersDesk::printCard(devices::CardTicket ticket, const std::string& printer, const std::string& done) {
  const int attempt = ++printAttempt_;
  auto outcome = std::make_shared<devices::PrintOutcome>();
  const std::string path = k_.db.path();
  const Clock& clock = k_.clock;
  k_.background(
      [outcome, ticket, printer, path, &clock] {
        try {
          auto db = storage::Database::open(path, {storage::OpenMode::Existing});
          storage::SqlitePrintJobStore store(*db);
          PrintJob job;
          job.kind = "member_card";
          job.title = "会员卡 " + ticket.holder.memberNo + " v" + std::to_string(ticket.holder.cardVersion);
          job.printer = printer;
          job.bytes = devices::encodeMemberCard(ticket, devices::profileOf(devices::parsePrinterUri(printer)));
          devices::PrintQueue queue(store, clock, {}, [outcome](const devices::PrintOutcome& o) { *outcome = o; });
          queue.submit(std::move(job));
          queue.waitIdle(kPrintWaitMs);
        } catch (const DomainError& e) {
          outcome->state = PrintJobState::Failed;
          outcome->reason = e.code();
        }
      },
      [this, attempt, outcome, done] {
        if (attempt != printAttempt_) return;  // the screen moved on
        k_.view.members.printing = false;
        if (outcome->state == PrintJobState::Printed) return say(done + "  " + k_.catalog.text("ui.members.printed"));
        std::string code = outcome->reason.substr(0, outcome->reason.find(':'));
        say(done + "  " + k_.catalog.text("ui.members.print_failed") + " " + k_.catalog.text("error." + code), true);
      });
}

// --- stored-value top-up -----------------------------------------------------

void MembersDesk::on(const ui::AmountKeys& i) {
  ui::MembersView& v = k_.view.members;
  if (v.topUpDone) return;
  for (char k : i.keys) {
    if (k == '<') eraseLastCharacter(v.amountDigits);
    else if (k == 'C') v.amountDigits.clear();
    else if (k >= '0' && k <= '9' && v.amountDigits.size() < kMaxAmountDigits && !(k == '0' && v.amountDigits.empty()))
      v.amountDigits += k;
  }
  priceTopUp();
}

void MembersDesk::on(const ui::PickTopUpPlan& i) {
  ui::MembersView& v = k_.view.members;
  if (v.topUpDone) return;
  for (const ui::TopUpPlan& p : v.plans)
    if (p.code == i.code) {
      Money price;
      if (parseYuan(p.price.substr(p.price.find_first_of("0123456789")), price))
        v.amountDigits = std::to_string(price.fen / 100);
    }
  priceTopUp();
}

void MembersDesk::on(const ui::ChooseTopUpTender& i) {
  if (k_.view.members.topUpDone || (i.tender != "cash" && i.tender != "card")) return;
  k_.view.members.tender = i.tender;
  topUpId_.clear();  // a different entry
}

// The amount is bought as whole plans: the largest plan whose price divides it.
void MembersDesk::priceTopUp() {
  ui::MembersView& v = k_.view.members;
  planCode_.clear();
  planQty_ = 0;
  v.topUpSummary.clear();
  if (!v.topUpDone) topUpId_.clear();
  if (v.amountDigits.empty()) return;
  const Money amount(std::stoll(v.amountDigits) * 100);
  auto setup = storage::loadCheckoutSetup(k_.db.sql());
  const Instant now = k_.clock.now();
  Money best;
  for (const CatalogItem& item : setup.prices.items()) {
    if (item.kind != ItemKind::StoredValuePlan || !item.active) continue;
    auto price = setup.prices.priceAt(item.code, now);
    if (!price || price->fen <= 0 || amount.fen % price->fen != 0 || *price <= best) continue;
    best = *price;
    planCode_ = item.code;
    planQty_ = static_cast<int>(amount.fen / price->fen);
  }
  if (planCode_.empty()) {
    v.topUpSummary = k_.catalog.text("ui.members.no_plan");
    return;
  }
  const CatalogItem& item = setup.prices.require(planCode_);
  v.topUpSummary = item.name + " × " + std::to_string(planQty_) + "  ·  " + k_.catalog.text("ui.members.bonus") + " " +
                   formatYuan(item.storedValueBonus * planQty_);
}

void MembersDesk::on(const ui::NewTopUp&) {
  ui::MembersView& v = k_.view.members;
  v.topUpDone = false;
  v.amountDigits.clear();
  v.message.clear();
  priceTopUp();
}

// One entry, settled once: the UUID is made before the first tap, and a second
// tap settles the same entry again, which the store answers as a replay.
void MembersDesk::on(const ui::ConfirmTopUp&) {
  ui::MembersView& v = k_.view.members;
  if (v.customer == 0) return;
  if (planCode_.empty() || planQty_ <= 0) return say(k_.catalog.text("ui.members.no_plan"), true);
  Guard(k_.audit, k_.clock).require(*k_.staff, Action::TopUpStoredValue, "customer", std::to_string(v.customer));
  if (topUpId_.empty()) topUpId_ = newUuid();
  auto setup = storage::loadCheckoutSetup(k_.db.sql());
  const Instant now = k_.clock.now();
  const Money price = *setup.prices.priceAt(planCode_, now);
  SaleRequest req;
  req.id = topUpId_;
  req.customer = v.customer;
  LineRequest line;
  line.item = planCode_;
  line.qty = planQty_;
  req.lines.push_back(line);
  TenderRequest tender;
  tender.type = *tenderFromName(v.tender);
  tender.amount = price * planQty_;
  req.tenders.push_back(tender);
  storage::SaleStore store(k_.db, setup);
  storage::SettleResult r = store.settle(req, *k_.staff, now);
  v.topUpDone = true;
  loadMember();
  say(k_.catalog.text(r.replayed ? "ui.members.topped_up_already" : "ui.members.topped_up") + " " +
      formatYuan(tender.amount) + "  " + k_.catalog.text("ui.members.balance") + " " + v.storedValue);
}

}  // namespace salon::kiosk
