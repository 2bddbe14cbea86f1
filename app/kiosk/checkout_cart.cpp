#include "app/kiosk/checkout_cart.h"

#include <algorithm>

#include "app/core/chain_settle.h"
#include "app/core/error.h"
#include "app/core/phone.h"
#include "app/core/service_record.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "app/kiosk/member_scan.h"

namespace salon::kiosk {
namespace {

constexpr int kFoundShown = 6;
constexpr std::size_t kMaxLines = 60;
constexpr std::size_t kEntryDigits = 15;

bool performs(const Staff& s) {
  return s.active && (s.role == Role::Beautician || s.role == Role::Supervisor || s.role == Role::Manager);
}

bool sells(const Staff& s) { return s.active && s.role != Role::Admin && s.role != Role::Finance; }

std::string categoryKey(const CatalogItem& item) {
  return "ui.checkout.cat." + (item.kind == ItemKind::Package           ? std::string("package")
                               : item.kind == ItemKind::StoredValuePlan ? std::string("stored_value")
                                                                        : item.category);
}

}  // namespace

// --- the view ----------------------------------------------------------------

void CheckoutCart::show() {
  showBar();
  showCategories();
  showLines();
  showStaffChoices();
  showTotals();
}

void CheckoutCart::showBar() {
  ui::CheckoutCustomerBar& b = c_.view().bar;
  std::string memberNo = b.memberNo, fileNo = b.fileNo;
  b = {};
  if (!c_.account) return;
  const MemberAccount& a = *c_.account;
  const CheckoutSetup& setup = *c_.setup;
  b.memberNo = memberNo;
  b.fileNo = fileNo;
  b.figures = c_.figures.view();
  b.name = a.name;
  if (a.member && !setup.tiers.empty()) {
    // A member without a tier yet prices at the entry tier, as core does.
    const MemberTier* t = findTier(setup.tiers, a.tierCode);
    b.tier = (t ? *t : earnedTier(setup.tiers, Money(), 0)).name;
  }
  b.points = std::to_string(a.points);
  b.storedValue = formatAmount(a.svPrincipal + a.svBonus);
  b.arrears = formatAmount(a.arrears);
  b.hasArrears = a.arrears.fen > 0;
  b.suspended = a.suspended();
  if (Money owed = overdrawOwed(c_.overdrawn, a.arrears); owed.fen > 0) b.overdraw = formatAmount(owed);
  const Instant now = c_.k().clock.now();
  for (const CustomerPackage& p : a.packages) {
    if (p.sessionsLeft <= 0 || p.expiresAt <= now) continue;
    const CatalogItem* item = setup.prices.item(p.packageCode);
    b.packages.push_back((item ? item->name : p.packageCode) + " ×" + std::to_string(p.sessionsLeft));
  }
  for (const auto& [key, value] : c_.alert)
    b.alert += (b.alert.empty() ? "" : "；") + c_.k().catalog.text("ui.checkout.health." + key) + value;
  b.alertAcknowledged = c_.alertAcknowledged;
}

void CheckoutCart::showCategories() {
  ui::CheckoutView& v = c_.view();
  const PriceBook& prices = c_.setup->prices;
  v.categories.clear();
  for (const CatalogItem& item : prices.items()) {
    // Packages and stored-value plans are sold to a customer on file only.
    bool forCustomer = item.kind == ItemKind::Package || item.kind == ItemKind::StoredValuePlan;
    if (!item.active || (forCustomer && !c_.account)) continue;
    auto price = prices.priceAt(item.code, c_.k().clock.now());
    if (!price) continue;
    std::string key = categoryKey(item);
    auto it = std::find_if(v.categories.begin(), v.categories.end(), [&](const auto& c) { return c.key == key; });
    if (it == v.categories.end()) it = v.categories.insert(v.categories.end(), ui::CheckoutCategory{key, {}});
    it->tiles.push_back({item.code, item.name, formatAmount(*price)});
  }
  // Services first, then products, packages and top-ups (each in catalog order).
  auto rank = [&](const ui::CheckoutCategory& c) {
    const CatalogItem* item = prices.item(c.tiles.front().code);
    return item ? static_cast<int>(item->kind) : 0;
  };
  std::stable_sort(v.categories.begin(), v.categories.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  v.category = std::min(v.category, std::max(0, static_cast<int>(v.categories.size()) - 1));
}

void CheckoutCart::showLines() {
  ui::CheckoutView& v = c_.view();
  v.lines.clear();
  for (std::size_t i = 0; i < c_.lines.size(); ++i) {
    const CheckoutLine& l = c_.lines[i];
    const CatalogItem& item = c_.setup->prices.require(l.item);
    const LineTotals& t = c_.totals.lines[i];
    ui::CheckoutLine row;
    row.id = l.id;
    row.name = item.name;
    row.qty = l.qty;
    row.service = item.kind == ItemKind::Service;
    row.staffName = l.staff.empty() ? "" : c_.staffName(l.staff);
    row.gross = formatAmount(t.gross);
    if (t.benefit != Benefit::None) row.benefitKey = std::string("ui.checkout.benefit.") + benefitName(t.benefit);
    Money off = t.benefitAmount + t.manualDiscount;
    if (off.fen != 0) row.discount = "-" + formatAmount(off);
    row.net = formatAmount(t.net);
    if (l.finishedAt) row.finishedAt = formatLocalDateTime(*l.finishedAt, c_.setup->zone).substr(11);
    v.lines.push_back(std::move(row));
  }
}

void CheckoutCart::showStaffChoices() {
  ui::CheckoutView& v = c_.view();
  v.staffChoices.clear();
  if (!v.askingStaffFor) return;
  auto it = std::find_if(c_.lines.begin(), c_.lines.end(), [&](const CheckoutLine& l) { return l.id == v.askingStaffFor; });
  if (it == c_.lines.end()) {
    v.askingStaffFor = 0;
    return;
  }
  const CatalogItem& item = c_.setup->prices.require(it->item);
  bool service = item.kind == ItemKind::Service;
  for (const Staff& s : c_.staff)
    if (service ? performs(s) && item.mayPerform(s.code) : sells(s)) v.staffChoices.push_back({s.code, s.name});
}

void CheckoutCart::showTotals() {
  ui::CheckoutView& v = c_.view();
  const CartTotals& t = c_.totals;
  const DeskContext& k = c_.k();
  v.undoName = c_.removed ? c_.setup->prices.require(c_.removed->line.item).name : "";
  v.mayDiscount = k.staff && Guard(k.audit, k.clock).allows(*k.staff, Action::ManualDiscount);
  v.mayFinishServices = k.staff && Guard(k.audit, k.clock).allows(*k.staff, Action::RecordServiceDetails);
  v.orderDiscount = c_.orderDiscount.fen ? "-" + formatAmount(c_.orderDiscount) : "";
  v.gross = formatAmount(t.gross);
  v.benefits = formatAmount(t.benefits + t.lineDiscounts);
  v.discounts = formatAmount(t.orderDiscount);
  v.rounding = formatAmount(t.rounding);
  v.hasRounding = t.rounding.fen != 0;
  v.total = formatAmount(t.total);
}

bool CheckoutCart::tick() {
  if (!c_.removed || c_.k().clock.now() - c_.removed->when < kUndoRemoveFor) return false;
  c_.removed.reset();
  return true;
}

// --- the customer --------------------------------------------------------------

void CheckoutCart::on(const ui::CheckoutAcknowledgeAlert&) { c_.alertAcknowledged = true; }

void CheckoutCart::on(const ui::CheckoutFindMember&) {
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  c_.view().entry = ui::CheckoutEntry::FindMember;
  entry_ = KeyEntry(KeyEntry::Kind::Digits, kEntryDigits);
  c_.view().entryText.clear();
  c_.view().found.clear();
}

void CheckoutCart::on(const ui::CheckoutEntryKeys& i) {
  ui::CheckoutView& v = c_.view();
  if (!c_.at(ui::CheckoutStage::Cart) || v.entry == ui::CheckoutEntry::None) return;
  bool done = entry_.apply(i.keys);
  v.entryText = entry_.text();
  if (!done) return;
  if (v.entry == ui::CheckoutEntry::OpeningFloat) return openDay(v.entryText);
  if (v.entry == ui::CheckoutEntry::Discount) return setDiscount(v.entryText);
  findMember(v.entryText);
}

void CheckoutCart::findMember(const std::string& digits) {
  ui::CheckoutView& v = c_.view();
  DeskContext& k = c_.k();
  v.found.clear();
  if (digits.size() < 4) return c_.hint("ui.checkout.need_digits");
  for (const CustomerSummary& c : k.directory.search(digits, kFoundShown)) {
    v.found.push_back({c.id, c.name, maskPhone(c.phone)});
    k.audit.append(auditOf(k.clock.now(), k.staff->code, "customer.view", "customer", std::to_string(c.id),
                           "checkout: find a member", "name,phone_masked"));
  }
  if (v.found.empty()) c_.hint("ui.checkout.not_found");
}

void CheckoutCart::chooseCustomer(CustomerId id) {
  c_.loadCustomer(id);
  c_.view().entry = ui::CheckoutEntry::None;
  c_.view().found.clear();
  c_.price();
}

// The same path as check-in (member_scan.h): a member QR or card number picks the
// customer; digits typed on a keyboard and Enter (a phone, its last four) are looked up.
bool CheckoutCart::scanned(const std::string& payload) {
  if (!c_.at(ui::CheckoutStage::Cart)) return false;
  const MemberScan found = resolveMemberScan(c_.k(), payload);
  if (found.scan.kind == ScanKind::PaymentCode) return c_.refuse("payment_code_not_customer"), false;
  if (found.refusal == "member_unknown" && found.memberNo != chainAsked_ && c_.chain.mayAsk(found.memberNo))
    return askHeadOffice(found.memberNo, payload);
  if (found.member()) {
    chooseCustomer(found.customer);
    if (found.newCard) {  // a key change: the old card was replaced at this scan
      c_.view().message = newCardNotice(c_.k(), found) + " " + c_.k().catalog.text("ui.members.new_card_print_hint");
      c_.view().messageIsError = false;
    }
    return true;
  }
  const std::string& digits = found.scan.value;
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    c_.view().entry = ui::CheckoutEntry::FindMember;
    entry_ = KeyEntry(KeyEntry::Kind::Digits, kEntryDigits);
    entry_.set(digits.substr(0, kEntryDigits));
    c_.view().entryText = entry_.text();
    findMember(entry_.text());
    return !c_.view().found.empty();
  }
  c_.refuse(found.refusal.empty() || found.refusal == "scan_unknown" ? "unknown_customer" : found.refusal);
  return false;
}

// Another store's member: head office is asked on the Lookups lane; once their file
// is here the scan picks them, else the bar says why.
bool CheckoutCart::askHeadOffice(const std::string& memberNo, const std::string& payload) {
  c_.hint("ui.search.chain.asking");
  c_.chain.askFor(memberNo, "checkout", [this, memberNo, payload](const ChainLookupResult& r) {
    if (!c_.at(ui::CheckoutStage::Cart)) return;
    if (!r.why.empty()) {
      const std::string said = ChainSearch::said(r);
      return said.empty() || said == "hq_file_unknown" ? c_.refuse("unknown_customer") : c_.refuse(said);
    }
    chainAsked_ = memberNo;  // asked once: the scan again must not ask again
    scanned(payload);
    chainAsked_.clear();
  });
  return true;  // a good card; who it is comes in a moment
}

void CheckoutCart::on(const ui::CheckoutPickCustomer& i) {
  ui::CheckoutView& v = c_.view();
  bool offered = std::any_of(v.found.begin(), v.found.end(), [&](const auto& f) { return f.id == i.id; });
  if (!offered || !c_.at(ui::CheckoutStage::Cart)) return;
  chooseCustomer(i.id);
}

void CheckoutCart::on(const ui::CheckoutStayWalkIn&) {
  c_.view().entry = ui::CheckoutEntry::None;
  c_.view().found.clear();
}

// --- 开班 and the counter discount --------------------------------------------

void CheckoutCart::on(const ui::CheckoutOpenDay&) {
  ui::CheckoutView& v = c_.view();
  if (!c_.at(ui::CheckoutStage::Cart) || v.dayOpen) return;
  DeskContext& k = c_.k();
  try {
    Guard(k.audit, k.clock).require(*k.staff, Action::OpenCloseDay, "day", "open");
  } catch (const DomainError& e) {
    return c_.refuse(e.code());
  }
  v.entry = ui::CheckoutEntry::OpeningFloat;
  entry_ = KeyEntry(KeyEntry::Kind::Yuan, kEntryDigits);
  v.entryText.clear();
}

void CheckoutCart::openDay(const std::string& text) {
  Money opening;
  if (!text.empty() && !parseYuan(text, opening)) return c_.refuse("bad_input");
  DeskContext& k = c_.k();
  try {
    c_.store().openDay(k.staff->code, opening, k.clock.now(), c_.setup->zone);
  } catch (const DomainError& e) {
    return c_.refuse(e.code());
  }
  c_.view().entry = ui::CheckoutEntry::None;
  c_.hint("ui.checkout.day_opened");
}

void CheckoutCart::on(const ui::CheckoutOpenDiscount&) {
  ui::CheckoutView& v = c_.view();
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  DeskContext& k = c_.k();
  try {
    Guard(k.audit, k.clock).require(*k.staff, Action::ManualDiscount, "sale", c_.saleId.empty() ? "new" : c_.saleId);
  } catch (const DomainError& e) {
    return c_.refuse(e.code());
  }
  v.entry = ui::CheckoutEntry::Discount;
  entry_ = KeyEntry(KeyEntry::Kind::Yuan, kEntryDigits);
  entry_.set(c_.orderDiscount.fen ? formatAmount(c_.orderDiscount) : "");
  v.entryText = entry_.text();
}

void CheckoutCart::setDiscount(const std::string& text) {
  Money m;
  if (!text.empty() && !parseYuan(text, m)) return c_.refuse("bad_input");
  c_.orderDiscount = m;
  c_.view().entry = ui::CheckoutEntry::None;
  c_.price();
}

// --- the lines -----------------------------------------------------------------

void CheckoutCart::on(const ui::CheckoutPickCategory& i) {
  ui::CheckoutView& v = c_.view();
  if (i.index >= 0 && i.index < static_cast<int>(v.categories.size())) v.category = i.index;
  v.entry = ui::CheckoutEntry::None;
}

// Whether `item` may go into this cart now (refused or hinted on screen if not).
bool CheckoutCart::mayAdd(const CatalogItem& item) {
  DeskContext& k = c_.k();
  if (item.kind == ItemKind::Package || item.kind == ItemKind::StoredValuePlan) {
    if (!c_.account) return c_.refuse("customer_required"), false;
    if (item.kind == ItemKind::StoredValuePlan) {
      try {
        Guard(k.audit, k.clock).require(*k.staff, Action::TopUpStoredValue, "customer", std::to_string(c_.customer));
      } catch (const DomainError& e) {
        return c_.refuse(e.code()), false;
      }
    }
  }
  if (item.kind == ItemKind::Service) {
    // 过敏史 first: nobody starts a service before the alert was read.
    if (!c_.alert.empty() && !c_.alertAcknowledged) return c_.hint("ui.checkout.acknowledge_first"), false;
    if (c_.account && c_.account->suspended()) return c_.refuse("arrears_suspended"), false;
  }
  if (c_.lines.size() >= kMaxLines) return c_.refuse("too_many_lines"), false;
  return true;
}

void CheckoutCart::on(const ui::CheckoutAddItem& i) {
  ui::CheckoutView& v = c_.view();
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  const CatalogItem* item = c_.setup->prices.item(i.code);
  if (!item || !item->active) return c_.refuse("unknown_item");
  if (!mayAdd(*item)) return;
  if (item->kind == ItemKind::Product && !c_.lines.empty() && c_.lines.back().item == item->code) {
    ++c_.lines.back().qty;
  } else {
    CheckoutLine l;
    l.id = c_.nextLine++;
    l.item = item->code;
    if (item->kind != ItemKind::Service) l.staff = c_.k().staff->code;
    c_.lines.push_back(l);
    // Who does the service is asked at once (it decides 手工 and commission).
    v.askingStaffFor = item->kind == ItemKind::Service ? l.id : 0;
  }
  c_.removed.reset();
  c_.price();
}

void CheckoutCart::on(const ui::CheckoutAskStaff& i) {
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  // The tap named who performed it: the details are theirs to record.
  for (const CheckoutLine& l : c_.lines)
    if (l.id == i.line && l.finishedAt) return c_.hint("ui.checkout.finished_staff_fixed");
  c_.view().askingStaffFor = i.line;
}

void CheckoutCart::on(const ui::CheckoutChooseStaff& i) {
  ui::CheckoutView& v = c_.view();
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  bool offered = std::any_of(v.staffChoices.begin(), v.staffChoices.end(), [&](const auto& s) { return s.code == i.code; });
  if (!offered || v.askingStaffFor != i.line) return;
  for (CheckoutLine& l : c_.lines)
    if (l.id == i.line) l.staff = i.code;
  v.askingStaffFor = 0;
}

void CheckoutCart::on(const ui::CheckoutRemoveLine& i) {
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  auto it = std::find_if(c_.lines.begin(), c_.lines.end(), [&](const CheckoutLine& l) { return l.id == i.line; });
  if (it == c_.lines.end()) return;
  c_.removed = RemovedLine{*it, static_cast<std::size_t>(it - c_.lines.begin()), c_.k().clock.now()};
  c_.lines.erase(it);
  if (c_.view().askingStaffFor == i.line) c_.view().askingStaffFor = 0;
  c_.price();
}

// 服务完成 on a served line: the service ended now, so its details are due from
// now (not from settlement); the tap is the performer's. A second tap, or a tap
// after the ticket moved on, changes nothing.
void CheckoutCart::on(const ui::CheckoutFinishService& i) {
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  auto it = std::find_if(c_.lines.begin(), c_.lines.end(), [&](const CheckoutLine& l) { return l.id == i.line; });
  if (it == c_.lines.end() || it->finishedAt) return;
  if (c_.setup->prices.require(it->item).kind != ItemKind::Service) return;
  if (it->staff.empty()) return c_.hint("ui.checkout.finish_needs_staff");
  Guard guard{c_.k().audit, c_.k().clock};
  ServiceRecords services(c_.k().backroom.serviceRecords(), guard, c_.k().clock);
  std::optional<CustomerId> customer;
  if (c_.customer != 0) customer = c_.customer;
  try {
    it->finishedAt = services.finish(*c_.k().staff, customer, it->item, it->staff).endedAt;
  } catch (const DomainError& e) {
    return c_.refuse(e.code());
  }
  c_.hint("ui.checkout.finish_done");
}

void CheckoutCart::on(const ui::CheckoutUndoRemove&) {
  if (!c_.removed || !c_.at(ui::CheckoutStage::Cart)) return;
  auto at = static_cast<std::ptrdiff_t>(std::min(c_.removed->at, c_.lines.size()));
  c_.lines.insert(c_.lines.begin() + at, c_.removed->line);
  c_.removed.reset();
  c_.price();
}

void CheckoutCart::on(const ui::CheckoutOpenTender&) {
  ui::CheckoutView& v = c_.view();
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  if (c_.lines.empty()) return c_.refuse("empty_sale");
  for (const CheckoutLine& l : c_.lines) {
    if (l.staff.empty()) {
      v.askingStaffFor = l.id;
      return c_.refuse("staff_required");
    }
  }
  // The sale's id is made now: every 结账 tap after this is the same sale.
  if (c_.saleId.empty()) c_.saleId = newUuid();
  v.stage = ui::CheckoutStage::Tender;
  v.entry = ui::CheckoutEntry::None;
  v.askingStaffFor = 0;
  c_.removed.reset();
  c_.amount.clear();
  c_.staticQr = false;
  c_.staticQrDigits.clear();
}

}  // namespace salon::kiosk
