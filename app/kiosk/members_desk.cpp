#include "app/kiosk/members_desk.h"

#include <algorithm>
#include <memory>

#include "app/core/customer_records.h"
#include "app/core/error.h"
#include "app/core/member_accounts.h"
#include "app/core/member_card.h"
#include "app/core/phone.h"
#include "app/core/price_list.h"
#include "app/core/staff_auth.h"
#include "app/core/store_settings.h"
#include "app/core/uuid.h"
#include "app/kiosk/customer_search.h"
#include "app/kiosk/member_scan.h"

namespace salon::kiosk {
namespace {

constexpr int kHistoryLimit = 50;

std::string signedPoints(std::int64_t n) { return (n > 0 ? "+" : "") + std::to_string(n); }

std::string signedYuan(std::int64_t fen) { return (fen > 0 ? "+" : "") + formatYuan(Money(fen)); }

// The card printer: its own setting, else the receipt printer ("" = none set up).
std::string cardPrinter(StoreSettings& settings) {
  for (const char* key : {"printer.card", "printer.receipt"})
    if (auto v = settings.setting(key); v && !v->empty()) return *v;
  return "";
}

// The plans on sale now, in the price list's order.
std::vector<const CatalogItem*> plansOnSale(const PriceBook& book) {
  std::vector<const CatalogItem*> out;
  for (const CatalogItem& item : book.items())
    if (item.kind == ItemKind::StoredValuePlan && item.active) out.push_back(&item);
  return out;
}

}  // namespace

void MembersDesk::open(CustomerId customer) {
  ui::MembersView& v = k_.view.members;
  v = {};
  topUpId_.clear();
  planCode_.clear();
  planQty_ = 0;
  amount_.clear();
  ++printAttempt_;
  cardJob_.clear();
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
  chain_.forget();
  k_.view.members = {};
  topUpId_.clear();
  amount_.clear();
  ++printAttempt_;
  cardJob_.clear();
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
  chain_.ask(k_.view.members.search, "find a member");
}

std::optional<bool> MembersDesk::scanned(const std::string& payload) {
  if (k_.view.screen != ui::Screen::Members || !k_.staff) return std::nullopt;
  const MemberScan found = resolveMemberScan(k_, payload);
  if (found.member()) {
    open(found.customer);
    if (found.newCard) {  // a key change replaced the card at this scan: offer to print it
      ui::MembersView& v = k_.view.members;
      v.cardAction = "reprint";
      v.cardReasonKey = "ui.members.reason.key_changed";
      say(newCardNotice(k_, found) + " " + k_.catalog.text("ui.members.new_card_print_now"));
    }
    return true;
  }
  if (found.scan.kind == ScanKind::Phone) {
    open(0);
    k_.view.members.search.query = found.scan.value;
    search();
    return !k_.view.members.search.found.empty();
  }
  std::string code = found.scan.kind == ScanKind::PaymentCode ? "payment_code_not_customer" : found.refusal;
  say(k_.catalog.text("error." + (code.empty() || code == "scan_unknown" ? "unknown_customer" : code)), true);
  return false;
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
  auto acct = k_.backroom.memberAccounts().account(v.customer, now);
  k_.audit.append(auditOf(now, k_.staff->code, "customer.view", "customer", c->fileNo, "members desk",
                          "name,phone_masked,membership,points,stored_value,packages"));
  v.name = c->name;
  v.memberNo = c->memberNo;
  v.fileNo = c->fileNo;
  v.phone = maskPhone(c->phone);
  v.member = !c->memberNo.empty();
  if (acct) {
    std::vector<MemberTier> tiers = k_.backroom.priceList().tiers();
    const MemberTier* tier = findTier(tiers, acct->tierCode);
    v.tier = tier ? tier->name : acct->tierCode;
    v.points = std::to_string(acct->points);
    v.storedValue = formatYuan(acct->svPrincipal + acct->svBonus);
    v.bonus = formatYuan(acct->svBonus);
    v.arrears = acct->arrears.fen ? formatYuan(acct->arrears) : "";
  }
  if (v.member)
    if (auto h = k_.backroom.cards().holder(v.memberNo)) v.cardVersion = h->cardIssued ? h->cardVersion : 0;
  v.printer = cardPrinter(k_.backroom.settings());
  v.plans.clear();
  const PriceBook prices = k_.backroom.priceList().priceBook();
  for (const CatalogItem* item : plansOnSale(prices))
    if (auto price = prices.priceAt(item->code, now)) v.plans.push_back({item->code, item->name, formatYuan(*price)});
  histories();
}

void MembersDesk::histories() {
  ui::MembersView& v = k_.view.members;
  const Instant now = k_.clock.now();
  v.packages.clear();
  v.pointsHistory.clear();
  v.storedValueHistory.clear();
  if (auto acct = k_.backroom.memberAccounts().account(v.customer, now); acct && !acct->packages.empty()) {
    const PriceBook prices = k_.backroom.priceList().priceBook();
    for (const CustomerPackage& p : acct->packages) {
      const CatalogItem* item = prices.item(p.packageCode);
      v.packages.push_back({k_.catalog.text("ui.members.expires") + " " +
                                formatLocalDateTime(p.expiresAt, k_.zone).substr(0, 10),
                            item ? item->name : p.packageCode,
                            k_.catalog.text("ui.members.sessions_left") + " " + std::to_string(p.sessionsLeft) + " / " +
                                std::to_string(p.sessionsTotal)});
    }
  }
  CustomerRecords& records = k_.backroom.customerRecords();
  for (const LedgerRow& r : records.pointsHistory(v.customer, kHistoryLimit))
    v.pointsHistory.push_back({formatLocalDateTime(r.at, k_.zone), k_.catalog.text("ui.members.kind." + r.kind),
                               signedPoints(r.delta)});
  for (const LedgerRow& r : records.storedValueHistory(v.customer, kHistoryLimit)) {
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
  v.printer = cardPrinter(k_.backroom.settings());
  if (!reissue && v.printer.empty()) return say(k_.catalog.text("ui.members.no_printer"), true);
  std::string reason = v.cardReasonKey.empty() ? "" : k_.catalog.text(v.cardReasonKey);
  MemberCards service(k_.backroom.cards(), k_.audit, k_.clock);
  auto printed = reissue ? service.reissue(*k_.staff, v.memberNo, reason) : service.reprint(*k_.staff, v.memberNo, reason);
  // The first card printed for a member is its issue: there is no old card to stop.
  const bool first = v.cardVersion == 0;
  v.cardVersion = printed.holder.cardVersion;
  std::string done = k_.catalog.text(first ? "ui.members.issued" : reissue ? "ui.members.reissued" : "ui.members.reprinted") +
                     " " + k_.catalog.text("ui.members.card_version") + " " + std::to_string(printed.holder.cardVersion);
  v.cardAction.clear();
  v.cardReasonKey.clear();
  if (v.printer.empty() || !tickets_ || !k_.spool)
    return say(done + "  " + k_.catalog.text("ui.members.no_printer_not_printed"));
  say(done + "  " + k_.catalog.text("ui.members.printing"));
  v.printing = true;
  MemberCardPrint card;
  card.holder = printed.holder;
  card.payload = printed.payload;
  card.event = printed.event;
  card.printedAt = k_.clock.now();
  card.zone = k_.zone;
  card.storeName = k_.backroom.settings().setting("store.name").value_or("");
  printCard(std::move(card), v.printer, done);
}

// The card is made on the devices lane and goes through the shared print spool:
// the frame and the PIN lane never wait for a printer. The outcome arrives in
// printFinished.
void MembersDesk::printCard(MemberCardPrint card, const std::string& printer, const std::string& done) {
  const int attempt = ++printAttempt_;
  auto job = std::make_shared<PrintJob>();
  auto problem = std::make_shared<std::string>();
  MemberCardTickets* tickets = tickets_;
  k_.tasks->run(
      Lane::Devices, "member card",
      [job, problem, tickets, card, printer](Backroom&) {
        try {
          job->kind = "member_card";
          job->title = "会员卡 " + card.holder.memberNo + " v" + std::to_string(card.holder.cardVersion);
          job->printer = printer;
          job->bytes = tickets->memberCard(card, printer);
        } catch (const DomainError& e) {
          *problem = e.code();
        }
      },
      [this, attempt, job, problem, done] {
        if (attempt != printAttempt_) return;  // the screen moved on
        cardDone_ = done;
        if (!problem->empty()) return cardPrinted(PrintJobState::Failed, *problem);
        cardJob_ = k_.spool->submit(*job);
      });
}

void MembersDesk::printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
  if (jobId.empty() || jobId != cardJob_) return;
  cardJob_.clear();
  cardPrinted(state, reason);
}

void MembersDesk::cardPrinted(PrintJobState state, const std::string& reason) {
  k_.view.members.printing = false;
  if (state == PrintJobState::Printed) return say(cardDone_ + "  " + k_.catalog.text("ui.members.printed"));
  std::string code = reason.substr(0, reason.find(':'));
  say(cardDone_ + "  " + k_.catalog.text("ui.members.print_failed") + " " + k_.catalog.text("error." + code), true);
}

// --- stored-value top-up -----------------------------------------------------

void MembersDesk::on(const ui::AmountKeys& i) {
  ui::MembersView& v = k_.view.members;
  if (v.topUpDone) return;
  for (char k : i.keys) {
    if (k == '0' && amount_.text().empty()) continue;  // whole yuan: no leading zero
    amount_.apply(std::string(1, k));
  }
  v.amountDigits = amount_.text();
  priceTopUp();
}

void MembersDesk::on(const ui::PickTopUpPlan& i) {
  ui::MembersView& v = k_.view.members;
  if (v.topUpDone) return;
  for (const ui::TopUpPlan& p : v.plans)
    if (p.code == i.code) {
      Money price;
      if (parseYuan(p.price.substr(p.price.find_first_of("0123456789")), price))
        amount_.set(std::to_string(price.fen / 100));
    }
  v.amountDigits = amount_.text();
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
  const PriceBook prices = k_.backroom.priceList().priceBook();
  const Instant now = k_.clock.now();
  Money best;
  for (const CatalogItem* item : plansOnSale(prices)) {
    auto price = prices.priceAt(item->code, now);
    if (!price || price->fen <= 0 || amount.fen % price->fen != 0 || *price <= best) continue;
    best = *price;
    planCode_ = item->code;
    planQty_ = static_cast<int>(amount.fen / price->fen);
  }
  if (planCode_.empty()) {
    v.topUpSummary = k_.catalog.text("ui.members.no_plan");
    return;
  }
  const CatalogItem& item = prices.require(planCode_);
  v.topUpSummary = item.name + " × " + std::to_string(planQty_) + "  ·  " + k_.catalog.text("ui.members.bonus") + " " +
                   formatYuan(item.storedValueBonus * planQty_);
}

void MembersDesk::on(const ui::NewTopUp&) {
  ui::MembersView& v = k_.view.members;
  v.topUpDone = false;
  amount_.clear();
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
  const Instant now = k_.clock.now();
  const Money price = *k_.backroom.priceList().priceBook().priceAt(planCode_, now);
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
  const bool replayed = k_.backroom.memberAccounts().topUp(req, *k_.staff, now);
  v.topUpDone = true;
  loadMember();
  say(k_.catalog.text(replayed ? "ui.members.topped_up_already" : "ui.members.topped_up") + " " +
      formatYuan(tender.amount) + "  " + k_.catalog.text("ui.members.balance") + " " + v.storedValue);
}

}  // namespace salon::kiosk
