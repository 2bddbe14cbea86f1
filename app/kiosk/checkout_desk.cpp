#include "app/kiosk/checkout_desk.h"

#include <algorithm>
#include <memory>

#include "app/cli/receipt_job.h"
#include "app/core/error.h"
#include "app/core/phone.h"
#include "app/core/sale_receipt.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "storage/customer_store.h"
#include "storage/day_store.h"
#include "storage/member_store.h"
#include "storage/receipt_load.h"
#include "storage/sale_store.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"

namespace salon::kiosk {
namespace {

constexpr int kFoundShown = 6;
const char* const kPrinterSetting = "printer.receipt";  // the receipt printer's URI

std::string tenderKey(TenderType t) { return std::string("ui.checkout.tender.") + tenderName(t); }

bool performs(const Staff& s) {
  return s.active && (s.role == Role::Beautician || s.role == Role::Supervisor || s.role == Role::Manager);
}

bool sells(const Staff& s) { return s.active && s.role != Role::Admin && s.role != Role::Finance; }

Money nextMultiple(Money m, std::int64_t unitFen) { return Money((m.fen / unitFen + 1) * unitFen); }

}  // namespace

bool CheckoutDesk::offered() const {
  return k_.staff && Guard(k_.audit, k_.clock).allows(*k_.staff, Action::SettleSale);
}

void CheckoutDesk::setReceiptPreview(TicketPreview* preview, PictureUpload upload) {
  preview_ = preview;
  upload_ = std::move(upload);
}

void CheckoutDesk::open(CustomerId customer) {
  reset(customer);
  show();
}

void CheckoutDesk::locked() {
  ++attempt_;
  setup_.reset();
  account_.reset();
  lines_.clear();
  tenders_.clear();
  settled_.reset();
  removed_.reset();
  k_.view.checkout = {};
}

void CheckoutDesk::reset(CustomerId customer) {
  ++attempt_;
  ui::CheckoutView& v = k_.view.checkout;
  v = {};
  setup_ = storage::loadCheckoutSetup(k_.db.sql());
  staff_ = storage::SqliteStaffStore(k_.db).listStaff();
  lines_.clear();
  nextLine_ = 1;
  removed_.reset();
  orderDiscount_ = Money();
  tenders_.clear();
  saleId_.clear();
  amount_.clear();
  settled_.reset();
  saleNo_.clear();
  receiptText_.clear();
  printJob_.clear();
  loadCustomer(customer);
  price();
}

// The bar shows balances and the health section: a view of the file, audited.
void CheckoutDesk::loadCustomer(CustomerId customer) {
  customer_ = 0;
  account_.reset();
  alert_.clear();
  alertAcknowledged_ = false;
  k_.view.checkout.bar = {};
  if (customer == 0) return;
  account_ = storage::loadAccount(k_.db.sql(), customer, setup_->policy, k_.clock.now());
  if (!account_) return;
  customer_ = customer;
  if (auto file = storage::SqliteCustomerFileStore(k_.db).load(customer)) {
    for (const char* key : {"allergies", "illnesses", "medication"}) {
      const std::string& value = file->field(key).value;
      if (!value.empty()) alert_.push_back({key, value});
    }
    k_.view.checkout.bar.memberNo = file->summary.memberNo;
  }
  k_.audit.append(auditOf(k_.clock.now(), k_.staff ? k_.staff->code : "", "customer.view", "customer",
                          std::to_string(customer), "checkout", "name,member,health"));
}

// The cart priced exactly as buildSale will: the best of promotion / tier /
// birthday per line, then the manual discount, tax and 抹零.
void CheckoutDesk::price() {
  const Instant now = k_.clock.now();
  const MemberTier* tier = nullptr;
  bool birthday = false;
  if (account_ && account_->member && !account_->suspended()) {
    tier = findTier(setup_->tiers, account_->tierCode);
    if (!tier && !setup_->tiers.empty()) tier = &earnedTier(setup_->tiers, Money(), 0);
    birthday = account_->birthday && account_->birthday->month == localDate(now, setup_->zone).month;
  }
  cart_.clear();
  for (const Line& l : lines_) {
    const CatalogItem& item = setup_->prices.require(l.item);
    CartLine c;
    c.unitPrice = setup_->prices.priceAt(item.code, now).value_or(Money());
    c.qty = l.qty;
    c.benefitsApply = item.kind != ItemKind::StoredValuePlan;
    c.promotionBp = setup_->prices.promotionBpAt(item, now);
    c.tierBp = tier ? tier->discountFor(item.category) : 0;
    c.birthdayBp = birthday ? setup_->policy.birthdayDiscountBp : 0;
    cart_.push_back(c);
  }
  try {
    cartTotals(cart_, orderDiscount_, setup_->policy, totals_);
  } catch (const DomainError& e) {
    orderDiscount_ = Money();
    cartTotals(cart_, orderDiscount_, setup_->policy, totals_);
    refuse(e.code());
  }
}

std::string CheckoutDesk::staffName(const std::string& code) const {
  for (const Staff& s : staff_)
    if (s.code == code) return s.name;
  return code;
}

void CheckoutDesk::refuse(const std::string& code) {
  k_.view.checkout.message = k_.catalog.text("error." + code);
  k_.view.checkout.messageIsError = true;
}

void CheckoutDesk::hint(const std::string& key) {
  k_.view.checkout.message = k_.catalog.text(key);
  k_.view.checkout.messageIsError = false;
}

// --- the view ----------------------------------------------------------------

void CheckoutDesk::show() {
  if (!setup_) return;
  showBar();
  showCart();
  showTender();
  ui::CheckoutView& v = k_.view.checkout;
  v.customer = customer_;
  auto day = storage::currentDay(k_.db.sql());
  v.dayOpen = day && !day->closedAt;
  v.saleNo = saleNo_;
  v.receiptText = receiptText_;
  v.receiptTexture = texture_ && settled_ && !receiptText_.empty() ? texture_ : 0;
  if (settled_) v.settledTotal = formatAmount(settled_->totals.total);
}

void CheckoutDesk::showBar() {
  ui::CheckoutCustomerBar& b = k_.view.checkout.bar;
  std::string memberNo = b.memberNo;
  b = {};
  if (!account_) return;
  b.memberNo = memberNo;
  b.name = account_->name;
  if (account_->member && !setup_->tiers.empty()) {
    // A member without a tier yet prices at the entry tier, as core does.
    const MemberTier* t = findTier(setup_->tiers, account_->tierCode);
    b.tier = (t ? *t : earnedTier(setup_->tiers, Money(), 0)).name;
  }
  b.points = std::to_string(account_->points);
  b.storedValue = formatAmount(account_->svPrincipal + account_->svBonus);
  b.arrears = formatAmount(account_->arrears);
  b.hasArrears = account_->arrears.fen > 0;
  b.suspended = account_->suspended();
  const Instant now = k_.clock.now();
  for (const CustomerPackage& p : account_->packages) {
    if (p.sessionsLeft <= 0 || p.expiresAt <= now) continue;
    const CatalogItem* item = setup_->prices.item(p.packageCode);
    b.packages.push_back((item ? item->name : p.packageCode) + " ×" + std::to_string(p.sessionsLeft));
  }
  for (const auto& [key, value] : alert_)
    b.alert += (b.alert.empty() ? "" : "；") + k_.catalog.text("ui.checkout.health." + key) + value;
  b.alertAcknowledged = alertAcknowledged_;
}

void CheckoutDesk::showCart() {
  ui::CheckoutView& v = k_.view.checkout;
  v.categories.clear();
  for (const CatalogItem& item : setup_->prices.items()) {
    // Packages and stored-value plans are sold to a customer on file only.
    bool forCustomer = item.kind == ItemKind::Package || item.kind == ItemKind::StoredValuePlan;
    if (!item.active || (forCustomer && !account_)) continue;
    auto price = setup_->prices.priceAt(item.code, k_.clock.now());
    if (!price) continue;
    std::string key = "ui.checkout.cat." + (item.kind == ItemKind::Package           ? std::string("package")
                                            : item.kind == ItemKind::StoredValuePlan ? std::string("stored_value")
                                                                                     : item.category);
    auto it = std::find_if(v.categories.begin(), v.categories.end(), [&](const auto& c) { return c.key == key; });
    if (it == v.categories.end()) it = v.categories.insert(v.categories.end(), ui::CheckoutCategory{key, {}});
    it->tiles.push_back({item.code, item.name, formatAmount(*price)});
  }
  // Services first, then products, packages and top-ups (each in catalog order).
  auto rank = [&](const ui::CheckoutCategory& c) {
    const CatalogItem* item = setup_->prices.item(c.tiles.front().code);
    return item ? static_cast<int>(item->kind) : 0;
  };
  std::stable_sort(v.categories.begin(), v.categories.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  v.category = std::min(v.category, std::max(0, static_cast<int>(v.categories.size()) - 1));
  v.lines.clear();
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const Line& l = lines_[i];
    const CatalogItem& item = setup_->prices.require(l.item);
    const LineTotals& t = totals_.lines[i];
    ui::CheckoutLine row;
    row.id = l.id;
    row.name = item.name;
    row.qty = l.qty;
    row.service = item.kind == ItemKind::Service;
    row.staffName = l.staff.empty() ? "" : staffName(l.staff);
    row.gross = formatAmount(t.gross);
    if (t.benefit != Benefit::None) row.benefitKey = std::string("ui.checkout.benefit.") + benefitName(t.benefit);
    Money off = t.benefitAmount + t.manualDiscount;
    if (off.fen != 0) row.discount = "-" + formatAmount(off);
    row.net = formatAmount(t.net);
    v.lines.push_back(std::move(row));
  }
  v.staffChoices.clear();
  if (v.askingStaffFor) {
    auto it = std::find_if(lines_.begin(), lines_.end(), [&](const Line& l) { return l.id == v.askingStaffFor; });
    if (it == lines_.end()) {
      v.askingStaffFor = 0;
    } else {
      const CatalogItem& item = setup_->prices.require(it->item);
      bool service = item.kind == ItemKind::Service;
      for (const Staff& s : staff_)
        if (service ? performs(s) && item.mayPerform(s.code) : sells(s)) v.staffChoices.push_back({s.code, s.name});
    }
  }
  v.undoName = removed_ ? setup_->prices.require(removed_->line.item).name : "";
  v.mayDiscount = k_.staff && Guard(k_.audit, k_.clock).allows(*k_.staff, Action::ManualDiscount);
  v.orderDiscount = orderDiscount_.fen ? "-" + formatAmount(orderDiscount_) : "";
  v.gross = formatAmount(totals_.gross);
  v.benefits = formatAmount(totals_.benefits + totals_.lineDiscounts);
  v.discounts = formatAmount(totals_.orderDiscount);
  v.rounding = formatAmount(totals_.rounding);
  v.hasRounding = totals_.rounding.fen != 0;
  v.total = formatAmount(totals_.total);
}

void CheckoutDesk::showTender() {
  ui::CheckoutView& v = k_.view.checkout;
  v.saleId = saleId_;
  v.amountEntry = amount_;
  v.tenders.clear();
  for (const TenderRequest& t : tenders_) {
    std::string ref = t.ref;
    if (t.type == TenderType::Package)
      if (const CustomerPackage* p = account_ ? account_->package(t.ref) : nullptr)
        if (const CatalogItem* item = setup_->prices.item(p->packageCode)) ref = item->name;
    Money amount = t.type == TenderType::Package ? packageValue(t.ref) : t.amount;
    v.tenders.push_back({tenderKey(t.type), formatAmount(amount), ref});
  }
  Money paidNow = paid();
  Money left = due() - paidNow;
  v.paid = formatAmount(paidNow);
  v.remaining = formatAmount(std::max(left, Money()));
  v.fullyPaid = left.fen <= 0 && !lines_.empty();
  v.change = left.fen < 0 ? formatAmount(Money() - left) : "";
  v.quickCash.clear();
  if (left.fen > 0) {
    v.quickCash.push_back(formatAmount(left));
    for (std::int64_t unit : {1000, 5000, 10000}) {
      std::string s = formatAmount(nextMultiple(left, unit));
      if (std::find(v.quickCash.begin(), v.quickCash.end(), s) == v.quickCash.end()) v.quickCash.push_back(s);
    }
  }
  v.tenderOptions.clear();
  for (TenderType t : {TenderType::Cash, TenderType::Card, TenderType::Wechat, TenderType::Alipay})
    v.tenderOptions.push_back({tenderName(t), ""});
  v.packageOptions.clear();
  if (!account_) return;
  Money sv = account_->svPrincipal + account_->svBonus;
  if (sv.fen > 0) v.tenderOptions.push_back({tenderName(TenderType::StoredValue), formatAmount(sv)});
  if (account_->member && !account_->suspended() && account_->points > 0)
    v.tenderOptions.push_back({tenderName(TenderType::Points), std::to_string(account_->points)});
  if (!account_->suspended()) v.tenderOptions.push_back({tenderName(TenderType::Arrears), formatAmount(account_->arrearsLimit - account_->arrears)});
  const Instant now = k_.clock.now();
  for (const CustomerPackage& p : account_->packages) {
    if (p.sessionsLeft <= 0 || p.expiresAt <= now) continue;
    bool inCart = std::any_of(lines_.begin(), lines_.end(), [&](const Line& l) { return l.item == p.serviceCode; });
    bool used = std::any_of(tenders_.begin(), tenders_.end(),
                            [&](const TenderRequest& t) { return t.type == TenderType::Package && t.ref == p.id; });
    if (!inCart || used) continue;
    const CatalogItem* item = setup_->prices.item(p.packageCode);
    v.packageOptions.push_back({p.id, (item ? item->name : p.packageCode) + " ×" + std::to_string(p.sessionsLeft)});
  }
}

bool CheckoutDesk::tick() {
  if (!removed_ || k_.clock.now() - removed_->when < kUndoFor) return false;
  removed_.reset();
  show();
  return true;
}

// --- intents -----------------------------------------------------------------

void CheckoutDesk::apply(const ui::CheckoutIntent& intent) {
  if (!setup_ || !k_.staff) return;
  k_.view.checkout.message.clear();
  std::visit([this](const auto& i) { on(i); }, intent);
  show();
}

void CheckoutDesk::on(const ui::CheckoutAcknowledgeAlert&) { alertAcknowledged_ = true; }

void CheckoutDesk::on(const ui::CheckoutFindMember&) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Cart) return;
  k_.view.checkout.entry = ui::CheckoutEntry::FindMember;
  k_.view.checkout.entryText.clear();
  k_.view.checkout.found.clear();
}

void CheckoutDesk::on(const ui::CheckoutEntryKeys& i) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Cart || v.entry == ui::CheckoutEntry::None) return;
  bool done = false;
  for (char c : i.keys) {
    if (c == '=') done = true;
    else if (c == 'C') v.entryText.clear();
    else if (c == '<') { if (!v.entryText.empty()) v.entryText.pop_back(); }
    else if ((c >= '0' && c <= '9') || (c == '.' && v.entry != ui::CheckoutEntry::FindMember)) {
      if (v.entryText.size() < 15) v.entryText += c;
    }
  }
  if (!done) return;
  if (v.entry == ui::CheckoutEntry::OpeningFloat) {
    Money opening;
    if (!v.entryText.empty() && !parseYuan(v.entryText, opening)) return refuse("bad_input");
    try {
      storage::openBusinessDay(k_.db, k_.staff->code, opening, k_.clock.now(), setup_->zone);
    } catch (const DomainError& e) {
      return refuse(e.code());
    }
    v.entry = ui::CheckoutEntry::None;
    return hint("ui.checkout.day_opened");
  }
  if (v.entry == ui::CheckoutEntry::Discount) {
    Money m;
    if (!v.entryText.empty() && !parseYuan(v.entryText, m)) return refuse("bad_input");
    orderDiscount_ = m;
    v.entry = ui::CheckoutEntry::None;
    price();
    return;
  }
  v.found.clear();
  if (v.entryText.size() < 4) return hint("ui.checkout.need_digits");
  for (const CustomerSummary& c : k_.directory.search(v.entryText, kFoundShown)) {
    v.found.push_back({c.id, c.name, maskPhone(c.phone)});
    k_.audit.append(auditOf(k_.clock.now(), k_.staff->code, "customer.view", "customer", std::to_string(c.id),
                            "checkout: find a member", "name,phone_masked"));
  }
  if (v.found.empty()) hint("ui.checkout.not_found");
}

void CheckoutDesk::on(const ui::CheckoutScanned& i) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage == ui::CheckoutStage::Tender) {
    // A payment code pays what is left (or the amount typed) by WeChat or Alipay.
    if (!looksLikePaymentCode(i.payload)) return hint("ui.checkout.not_payment_code");
    const char c0 = i.payload[0], c1 = i.payload.size() > 1 ? i.payload[1] : '0';
    bool wechat = c0 == '1' && c1 >= '0' && c1 <= '5';
    v.paymentRef = i.payload;
    return on(ui::CheckoutAddTender{tenderName(wechat ? TenderType::Wechat : TenderType::Alipay)});
  }
  if (v.stage != ui::CheckoutStage::Cart) return;
  if (looksLikePaymentCode(i.payload)) return refuse("payment_code_not_customer");
  for (const CustomerSummary& c : k_.directory.search(i.payload, 2)) {
    if (c.memberNo.empty() || c.memberNo != i.payload) continue;
    loadCustomer(c.id);
    v.entry = ui::CheckoutEntry::None;
    v.found.clear();
    price();
    return;
  }
  // Digits typed on a keyboard and Enter: a phone number to look up.
  if (!i.payload.empty() && std::all_of(i.payload.begin(), i.payload.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    v.entry = ui::CheckoutEntry::FindMember;
    v.entryText = i.payload.substr(0, 15);
    return on(ui::CheckoutEntryKeys{"="});
  }
  refuse("unknown_customer");
}

void CheckoutDesk::on(const ui::CheckoutPickCustomer& i) {
  ui::CheckoutView& v = k_.view.checkout;
  bool offered = std::any_of(v.found.begin(), v.found.end(), [&](const auto& f) { return f.id == i.id; });
  if (!offered || v.stage != ui::CheckoutStage::Cart) return;
  loadCustomer(i.id);
  v.entry = ui::CheckoutEntry::None;
  v.found.clear();
  price();
}

void CheckoutDesk::on(const ui::CheckoutStayWalkIn&) {
  k_.view.checkout.entry = ui::CheckoutEntry::None;
  k_.view.checkout.found.clear();
}

void CheckoutDesk::on(const ui::CheckoutPickCategory& i) {
  if (i.index >= 0 && i.index < static_cast<int>(k_.view.checkout.categories.size())) k_.view.checkout.category = i.index;
  k_.view.checkout.entry = ui::CheckoutEntry::None;
}

void CheckoutDesk::on(const ui::CheckoutAddItem& i) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Cart) return;
  const CatalogItem* item = setup_->prices.item(i.code);
  if (!item || !item->active) return refuse("unknown_item");
  if (item->kind == ItemKind::Package || item->kind == ItemKind::StoredValuePlan) {
    if (!account_) return refuse("customer_required");
    if (item->kind == ItemKind::StoredValuePlan) {
      try {
        Guard(k_.audit, k_.clock).require(*k_.staff, Action::TopUpStoredValue, "customer", std::to_string(customer_));
      } catch (const DomainError& e) {
        return refuse(e.code());
      }
    }
  }
  if (item->kind == ItemKind::Service) {
    // 过敏史 first: nobody starts a service before the alert was read.
    if (!alert_.empty() && !alertAcknowledged_) return hint("ui.checkout.acknowledge_first");
    if (account_ && account_->suspended()) return refuse("arrears_suspended");
  }
  if (lines_.size() >= 60) return refuse("too_many_lines");
  if (item->kind == ItemKind::Product && !lines_.empty() && lines_.back().item == item->code) {
    ++lines_.back().qty;
  } else {
    Line l;
    l.id = nextLine_++;
    l.item = item->code;
    if (item->kind != ItemKind::Service) l.staff = k_.staff->code;
    lines_.push_back(l);
    // Who does the service is asked at once (it decides 手工 and commission).
    v.askingStaffFor = item->kind == ItemKind::Service ? l.id : 0;
  }
  removed_.reset();
  price();
}

void CheckoutDesk::on(const ui::CheckoutAskStaff& i) {
  if (k_.view.checkout.stage == ui::CheckoutStage::Cart) k_.view.checkout.askingStaffFor = i.line;
}

void CheckoutDesk::on(const ui::CheckoutChooseStaff& i) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Cart) return;
  bool offered = std::any_of(v.staffChoices.begin(), v.staffChoices.end(), [&](const auto& s) { return s.code == i.code; });
  if (!offered || v.askingStaffFor != i.line) return;
  for (Line& l : lines_)
    if (l.id == i.line) l.staff = i.code;
  v.askingStaffFor = 0;
}

void CheckoutDesk::on(const ui::CheckoutRemoveLine& i) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Cart) return;
  auto it = std::find_if(lines_.begin(), lines_.end(), [&](const Line& l) { return l.id == i.line; });
  if (it == lines_.end()) return;
  removed_ = Removed{*it, static_cast<std::size_t>(it - lines_.begin()), k_.clock.now()};
  lines_.erase(it);
  if (k_.view.checkout.askingStaffFor == i.line) k_.view.checkout.askingStaffFor = 0;
  price();
}

void CheckoutDesk::on(const ui::CheckoutUndoRemove&) {
  if (!removed_ || k_.view.checkout.stage != ui::CheckoutStage::Cart) return;
  lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(std::min(removed_->at, lines_.size())), removed_->line);
  removed_.reset();
  price();
}

void CheckoutDesk::on(const ui::CheckoutOpenDiscount&) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Cart) return;
  try {
    Guard(k_.audit, k_.clock).require(*k_.staff, Action::ManualDiscount, "sale", saleId_.empty() ? "new" : saleId_);
  } catch (const DomainError& e) {
    return refuse(e.code());
  }
  v.entry = ui::CheckoutEntry::Discount;
  v.entryText = orderDiscount_.fen ? formatAmount(orderDiscount_) : "";
}

void CheckoutDesk::on(const ui::CheckoutOpenTender&) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Cart) return;
  if (lines_.empty()) return refuse("empty_sale");
  for (const Line& l : lines_) {
    if (l.staff.empty()) {
      v.askingStaffFor = l.id;
      return refuse("staff_required");
    }
  }
  // The sale's id is made now: every 结账 tap after this is the same sale.
  if (saleId_.empty()) saleId_ = newUuid();
  v.stage = ui::CheckoutStage::Tender;
  v.entry = ui::CheckoutEntry::None;
  v.askingStaffFor = 0;
  removed_.reset();
  amount_.clear();
}

void CheckoutDesk::on(const ui::CheckoutBackToCart&) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Tender) return;
  k_.view.checkout.stage = ui::CheckoutStage::Cart;
  tenders_.clear();
  k_.view.checkout.paymentRef.clear();
}

void CheckoutDesk::on(const ui::CheckoutAmountKeys& i) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Tender) return;
  for (char c : i.keys) {
    if (c == 'C') amount_.clear();
    else if (c == '<') { if (!amount_.empty()) amount_.pop_back(); }
    else if (c == '.' && amount_.find('.') == std::string::npos) amount_ += amount_.empty() ? "0." : ".";
    else if (c >= '0' && c <= '9' && amount_.size() < 9) {
      auto dot = amount_.find('.');
      if (dot == std::string::npos || amount_.size() - dot <= 2) amount_ += c;
    }
  }
}

void CheckoutDesk::on(const ui::CheckoutQuickCash& i) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Tender) return;
  Money m;
  if (!parseYuan(i.amount, m) || m.fen <= 0) return;
  amount_ = i.amount;
  on(ui::CheckoutAddTender{tenderName(TenderType::Cash)});
}

Money CheckoutDesk::packageValue(const std::string& packageId) const {
  const CustomerPackage* p = account_ ? account_->package(packageId) : nullptr;
  if (!p) return Money();
  for (std::size_t i = 0; i < lines_.size(); ++i)
    if (lines_[i].item == p->serviceCode && i < totals_.lines.size()) return totals_.lines[i].net;
  return Money();
}

Money CheckoutDesk::paid() const {
  Money m;
  for (const TenderRequest& t : tenders_) m += t.type == TenderType::Package ? packageValue(t.ref) : t.amount;
  return m;
}

void CheckoutDesk::on(const ui::CheckoutAddTender& i) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Tender) return;
  auto type = tenderFromName(i.type);
  if (!type || type == TenderType::Package) return;
  Money typed;
  if (!amount_.empty() && !parseYuan(amount_, typed)) return refuse("bad_tender_amount");
  Money left = due() - paid();
  if (left.fen <= 0) return hint("ui.checkout.already_paid");
  Money amount = amount_.empty() ? left : typed;
  if (amount.fen <= 0) return;
  addTender(*type, amount);
}

// Only cash may be more than what is left (the customer gets change); every
// other way pays at most what is left. Balances are checked here so the screen
// says at once what core would refuse at 结账.
void CheckoutDesk::addTender(TenderType type, Money amount) {
  ui::CheckoutView& v = k_.view.checkout;
  Money left = due() - paid();
  TenderRequest t;
  t.type = type;
  t.amount = type == TenderType::Cash ? amount : std::min(amount, left);
  if (type == TenderType::Cash) t.handed = amount;
  auto usedOf = [&](TenderType which) {
    Money m;
    for (const TenderRequest& r : tenders_)
      if (r.type == which) m += r.amount;
    return m;
  };
  switch (type) {
    case TenderType::Wechat:
    case TenderType::Alipay:
      if (v.paymentRef.empty()) return hint("ui.checkout.scan_payment_code");
      t.ref = v.paymentRef;
      v.paymentRef.clear();
      break;
    case TenderType::StoredValue: {
      if (!account_) return refuse("customer_required");
      Money balance = account_->svPrincipal + account_->svBonus - usedOf(type);
      if (amount_.empty()) t.amount = std::min(t.amount, balance);
      if (t.amount > balance || t.amount.fen <= 0) return refuse("stored_value_short");
      break;
    }
    case TenderType::Points: {
      if (!account_) return refuse("customer_required");
      const int per = std::max(1, setup_->policy.fenPerPoint);
      Money worth = Money(account_->points * per) - usedOf(type);
      if (amount_.empty()) t.amount = Money(std::min(t.amount, worth).fen / per * per);
      if (t.amount.fen % per != 0) return refuse("points_amount_not_whole");
      if (t.amount > worth || t.amount.fen <= 0) return refuse("points_short");
      break;
    }
    case TenderType::Arrears:
      if (!account_) return refuse("customer_required");
      if (account_->suspended()) return refuse("arrears_suspended");
      if (account_->arrears + usedOf(type) + t.amount > account_->arrearsLimit) return refuse("arrears_limit");
      break;
    default: break;
  }
  tenders_.push_back(t);
  amount_.clear();
}

void CheckoutDesk::on(const ui::CheckoutUsePackage& i) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Tender) return;
  bool offered = std::any_of(k_.view.checkout.packageOptions.begin(), k_.view.checkout.packageOptions.end(),
                             [&](const auto& p) { return p.id == i.id; });
  if (!offered) return;
  TenderRequest t;
  t.type = TenderType::Package;
  t.ref = i.id;
  tenders_.push_back(t);
}

void CheckoutDesk::on(const ui::CheckoutRemoveTender& i) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Tender) return;
  if (i.index >= 0 && i.index < static_cast<int>(tenders_.size())) tenders_.erase(tenders_.begin() + i.index);
}

SaleRequest CheckoutDesk::request() const {
  SaleRequest r;
  r.id = saleId_;
  if (customer_) r.customer = customer_;
  for (const Line& l : lines_) {
    LineRequest lr;
    lr.item = l.item;
    lr.qty = l.qty;
    if (!l.staff.empty()) lr.staff = {l.staff};
    r.lines.push_back(lr);
  }
  r.tenders = tenders_;
  r.orderDiscount = orderDiscount_;
  if (orderDiscount_.fen) {
    // Only a manager gets the discount keypad: they approve their own.
    r.approvedBy = k_.staff ? k_.staff->code : "";
    r.reason = "counter discount";
  }
  return r;
}

// One transaction by core's SaleStore; the same id settles once, so a second
// tap (or a retry after a lost answer) shows the sale already stored.
void CheckoutDesk::on(const ui::CheckoutSettle&) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Tender || saleId_.empty()) return;
  try {
    Guard(k_.audit, k_.clock).require(*k_.staff, Action::SettleSale, "sale", saleId_);
    storage::SaleStore store(k_.db, *setup_);
    finishSettle(store.settle(request(), *k_.staff, k_.clock.now()).sale);
  } catch (const DomainError& e) {
    if (e.code() == "id_conflict")
      if (auto stored = storage::loadSale(k_.db.sql(), saleId_)) return finishSettle(*stored);
    refuse(e.code());
  }
}

void CheckoutDesk::finishSettle(const Sale& sale) {
  settled_ = sale;
  k_.view.checkout.stage = ui::CheckoutStage::Settled;
  k_.view.checkout.change = sale.change.fen ? formatAmount(sale.change) : "";
  saleNo_ = saleNumber(storage::readSetting(k_.db.sql(), "store.code").value_or("S01"), sale.businessDay, sale.id);
  // The balances after the sale.
  if (customer_) account_ = storage::loadAccount(k_.db.sql(), customer_, setup_->policy, k_.clock.now());
  hint("ui.checkout.settled");
  makePicture();
}

// The receipt as the printer will print it, drawn by the virtual printer on a
// worker; the picture becomes a texture back on the main thread.
void CheckoutDesk::makePicture() {
  if (!settled_) return;
  const int attempt = ++attempt_;
  struct Result {
    std::optional<Receipt> receipt;
    TicketPicture picture;
  };
  auto result = std::make_shared<Result>();
  std::string path = k_.db.path(), id = settled_->id;
  TicketPreview* preview = preview_;
  k_.background(
      [result, path, id, preview] {
        try {
          auto db = storage::Database::open(path, {storage::OpenMode::Existing});
          result->receipt = storage::loadReceipt(db->sql(), id);
          if (result->receipt && preview) result->picture = preview->receipt(*result->receipt);
        } catch (const std::exception&) {
          result->receipt.reset();
        }
      },
      [this, result, attempt] {
        if (attempt != attempt_ || !result->receipt) return;
        saleNo_ = result->receipt->saleNo;
        receiptText_ = result->picture.text.empty() ? saleNo_ : result->picture.text;
        if (upload_ && result->picture.width > 0) {
          texture_ = upload_(result->picture, texture_);
          k_.view.checkout.receiptWidth = result->picture.width;
          k_.view.checkout.receiptHeight = result->picture.height;
        }
        show();
      });
}

void CheckoutDesk::on(const ui::CheckoutPrint&) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Settled || !settled_ || v.printing) return;
  std::string printer = storage::readSetting(k_.db.sql(), kPrinterSetting).value_or("");
  if (printer.empty() || !spool_) {
    hint("ui.checkout.no_printer");
    v.messageIsError = true;
    return;
  }
  v.printing = true;
  const int attempt = attempt_;
  struct Result {
    std::optional<PrintJob> job;
    std::string error;
  };
  auto result = std::make_shared<Result>();
  std::string path = k_.db.path(), id = settled_->id;
  k_.background(
      [result, path, id, printer] {
        try {
          auto db = storage::Database::open(path, {storage::OpenMode::Existing});
          result->job = cli::receiptJob(*db, id, printer);
        } catch (const DomainError& e) {
          result->error = e.code();
        } catch (const std::exception&) {
          result->error = "db_error";
        }
      },
      [this, result, attempt] {
        if (attempt != attempt_) return;
        if (!result->job) {
          k_.view.checkout.printing = false;
          refuse(result->error);
          return;
        }
        printJob_ = spool_->submit(*result->job);
        ++k_.view.checkout.prints;
        hint(k_.view.checkout.prints > 1 ? "ui.checkout.reprinting" : "ui.checkout.printing");
      });
}

void CheckoutDesk::printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
  if (jobId.empty() || jobId != printJob_) return;
  ui::CheckoutView& v = k_.view.checkout;
  v.printing = false;
  if (state == PrintJobState::Printed) return hint("ui.checkout.printed");
  refuse(reason.substr(0, reason.find(':')));
}

void CheckoutDesk::on(const ui::CheckoutOpenDay&) {
  ui::CheckoutView& v = k_.view.checkout;
  if (v.stage != ui::CheckoutStage::Cart || v.dayOpen) return;
  try {
    Guard(k_.audit, k_.clock).require(*k_.staff, Action::OpenCloseDay, "day", "open");
  } catch (const DomainError& e) {
    return refuse(e.code());
  }
  v.entry = ui::CheckoutEntry::OpeningFloat;
  v.entryText.clear();
}

void CheckoutDesk::on(const ui::CheckoutNewSale&) {
  if (k_.view.checkout.stage != ui::CheckoutStage::Settled) return;
  open(0);
}

}  // namespace salon::kiosk
