#include "app/kiosk/checkout_tender.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>

#include "app/core/chain_settle.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"

namespace salon::kiosk {
namespace {

std::string tenderKey(TenderType t) { return std::string("ui.checkout.tender.") + tenderName(t); }

Money nextMultiple(Money m, std::int64_t unitFen) { return Money((m.fen / unitFen + 1) * unitFen); }

// chain_balance_short's detail "principal,bonus,points" (fen) as the bar says figures:
// "¥83.33 + bonus ¥16.67 · Points 150".
std::string chainLeftText(const std::string& detail, const Catalog& words) {
  long long p = 0, b = 0, pts = 0;
  if (std::sscanf(detail.c_str(), "%lld,%lld,%lld", &p, &b, &pts) != 3) return detail;
  return formatYuan(Money(p)) + " + " + words.text("ui.checkout.figures.bonus") + " " + formatYuan(Money(b)) + " · " +
         words.text("ui.checkout.figures.points") + " " + std::to_string(pts);
}

// formatAmount's "120.00" as the bar says money: "¥120.00".
std::string yuanText(const std::string& amount) {
  Money m;
  return parseYuan(amount, m) ? formatYuan(m) : amount;
}

}  // namespace

// A member's stored value and points are the chain's: offered and checked against
// head office's figures once they came (issue 18), else the store's own; of them,
// what this store may spend (chain.scope.*: another store's bonus and packages
// by default not), as head office says it, so 结账 is not refused not_usable_here.
std::optional<MemberAccount> CheckoutTender::chainAccount() const {
  std::optional<MemberAccount> a = c_.account;
  if (a && c_.figures.headOfficeFigures()) {
    const MemberBalance& hq = *c_.figures.headOfficeFigures();
    a->svPrincipal = hq.usableHere ? hq.usableHere->principal : hq.principal;
    a->svBonus = hq.usableHere ? hq.usableHere->bonus : hq.bonus;
    a->points = hq.usableHere ? hq.usableHere->points : hq.points;
    if (hq.usableHere) {
      const std::vector<std::string>& elsewhere = hq.usableHere->packagesElsewhere;
      auto& packages = a->packages;
      packages.erase(std::remove_if(packages.begin(), packages.end(), [&](const CustomerPackage& p) {
                       return std::find(elsewhere.begin(), elsewhere.end(), p.id) != elsewhere.end();
                     }), packages.end());
    }
  }
  return a;
}

// --- the view ----------------------------------------------------------------

void CheckoutTender::show() {
  ui::CheckoutView& v = c_.view();
  v.saleId = c_.saleId;
  v.amountEntry = c_.amount.text();
  v.staticQr = c_.staticQr;
  v.staticQrDigits = c_.staticQrDigits.text();
  showTenders();
  Money paidNow = c_.paid();
  Money left = c_.due() - paidNow;
  v.paid = formatAmount(paidNow);
  v.remaining = formatAmount(std::max(left, Money()));
  v.fullyPaid = left.fen <= 0 && !c_.lines.empty();
  v.change = left.fen < 0 ? formatAmount(Money() - left) : "";
  showQuickCash(left);
  showOptions();
}

void CheckoutTender::showTenders() {
  ui::CheckoutView& v = c_.view();
  v.tenders.clear();
  for (const TenderRequest& t : c_.tenders) {
    std::string ref = t.ref;
    if (t.type == TenderType::Package)
      if (const CustomerPackage* p = c_.account ? c_.account->package(t.ref) : nullptr)
        if (const CatalogItem* item = c_.setup->prices.item(p->packageCode)) ref = item->name;
    Money amount = t.type == TenderType::Package ? c_.packageValue(t.ref) : t.amount;
    v.tenders.push_back({tenderKey(t.type), formatAmount(amount), ref});
  }
}

void CheckoutTender::showQuickCash(Money left) {
  ui::CheckoutView& v = c_.view();
  v.quickCash.clear();
  if (left.fen <= 0) return;
  v.quickCash.push_back(formatAmount(left));
  for (std::int64_t unit : {1000, 5000, 10000}) {
    std::string s = formatAmount(nextMultiple(left, unit));
    if (std::find(v.quickCash.begin(), v.quickCash.end(), s) == v.quickCash.end()) v.quickCash.push_back(s);
  }
}

// Whether the cart sells stored value (a top-up): core takes only money for it.
bool CheckoutTender::holdsTopUp() const {
  return std::any_of(c_.lines.begin(), c_.lines.end(), [&](const CheckoutLine& l) {
    const CatalogItem* item = c_.setup->prices.item(l.item);
    return item && item->kind == ItemKind::StoredValuePlan;
  });
}

void CheckoutTender::showOptions() {
  ui::CheckoutView& v = c_.view();
  v.tenderOptions.clear();
  for (TenderType t : {TenderType::Cash, TenderType::Card, TenderType::Wechat, TenderType::Alipay})
    v.tenderOptions.push_back({tenderName(t), ""});
  v.packageOptions.clear();
  const std::optional<MemberAccount> chain = chainAccount();
  if (!chain) return;
  const MemberAccount& a = *chain;
  const bool topUp = holdsTopUp();
  auto offer = [&](TenderType t, const std::string& note) {
    if (!topUp || paysTopUp(t)) v.tenderOptions.push_back({tenderName(t), note});
  };
  // What is left after the payments already entered on this sale.
  Money svUsed, arrearsUsed;
  std::int64_t pointsUsed = 0;
  for (const TenderRequest& t : c_.tenders) {
    if (t.type == TenderType::StoredValue) svUsed += t.amount;
    if (t.type == TenderType::Arrears) arrearsUsed += t.amount;
    if (t.type == TenderType::Points) pointsUsed += t.amount.fen / std::max<std::int64_t>(1, c_.setup->policy.fenPerPoint);
  }
  Money sv = a.svPrincipal + a.svBonus;
  if (sv.fen > 0) offer(TenderType::StoredValue, formatAmount(std::max(Money(), sv - svUsed)));
  if (a.member && !a.suspended() && a.points > 0)
    offer(TenderType::Points, std::to_string(std::max<std::int64_t>(0, a.points - pointsUsed)));
  if (!a.suspended()) offer(TenderType::Arrears, formatAmount(std::max(Money(), a.arrearsLimit - a.arrears - arrearsUsed)));
  const Instant now = c_.k().clock.now();
  for (const CustomerPackage& p : a.packages) {
    if (p.sessionsLeft <= 0 || p.expiresAt <= now) continue;
    bool inCart = std::any_of(c_.lines.begin(), c_.lines.end(), [&](const CheckoutLine& l) { return l.item == p.serviceCode; });
    bool used = std::any_of(c_.tenders.begin(), c_.tenders.end(),
                            [&](const TenderRequest& t) { return t.type == TenderType::Package && t.ref == p.id; });
    if (!inCart || used) continue;
    const CatalogItem* item = c_.setup->prices.item(p.packageCode);
    v.packageOptions.push_back({p.id, (item ? item->name : p.packageCode) + " ×" + std::to_string(p.sessionsLeft)});
  }
}

// --- the tenders -------------------------------------------------------------

void CheckoutTender::on(const ui::CheckoutBackToCart&) {
  if (!c_.at(ui::CheckoutStage::Tender)) return;
  c_.view().stage = ui::CheckoutStage::Cart;
  c_.tenders.clear();
  c_.view().paymentRef.clear();
  leaveStaticQr();
}

void CheckoutTender::on(const ui::CheckoutAmountKeys& i) {
  if (!c_.at(ui::CheckoutStage::Tender)) return;
  if (c_.staticQr) c_.staticQrDigits.apply(i.keys);
  else c_.amount.apply(i.keys);
}

void CheckoutTender::on(const ui::CheckoutStaticQr&) {
  if (!c_.at(ui::CheckoutStage::Tender)) return;
  if (c_.staticQr) return leaveStaticQr();
  c_.staticQr = true;
  c_.hint("ui.checkout.static_qr_hint");
}

void CheckoutTender::leaveStaticQr() {
  c_.staticQr = false;
  c_.staticQrDigits.clear();
}

void CheckoutTender::on(const ui::CheckoutQuickCash& i) {
  if (!c_.at(ui::CheckoutStage::Tender)) return;
  Money m;
  if (!parseYuan(i.amount, m) || m.fen <= 0) return;
  c_.amount.set(i.amount);
  on(ui::CheckoutAddTender{tenderName(TenderType::Cash)});
}

bool CheckoutTender::scanned(const std::string& payload) {
  auto kind = paymentCodeKind(payload);
  if (!kind) return c_.hint("ui.checkout.not_payment_code"), false;
  c_.view().paymentRef = payload;
  on(ui::CheckoutAddTender{tenderName(*kind)});
  return true;
}

void CheckoutTender::on(const ui::CheckoutAddTender& i) {
  if (!c_.at(ui::CheckoutStage::Tender)) return;
  auto type = tenderFromName(i.type);
  if (!type || type == TenderType::Package) return;
  if (!paysTopUp(*type) && holdsTopUp()) return c_.refuse("topup_needs_money");  // never offered: a stale tap
  std::optional<Money> typed;
  if (!c_.amount.text().empty()) {
    Money m;
    if (!parseYuan(c_.amount.text(), m)) return c_.refuse("bad_tender_amount");
    typed = m;
  }
  if ((c_.due() - c_.paid()).fen <= 0) return c_.hint("ui.checkout.already_paid");
  if (typed && typed->fen <= 0) return;
  addTender(*type, typed);
}

// core's tender rules (app/core/checkout.h): the screen says at once what 结账 would refuse.
void CheckoutTender::addTender(TenderType type, std::optional<Money> typed) {
  ui::CheckoutView& v = c_.view();
  const std::optional<MemberAccount> chain = chainAccount();
  const MemberAccount* who = chain ? &*chain : nullptr;
  const bool wallet = type == TenderType::Wechat || type == TenderType::Alipay;
  std::string ref = v.paymentRef;
  if (wallet && c_.staticQr) {
    auto digits = staticQrRef(c_.staticQrDigits.text());
    if (!digits) return c_.hint("ui.checkout.static_qr_digits");
    ref = *digits;
  }
  try {
    c_.tenders.push_back(proposeTender(type, typed, c_.due() - c_.paid(), c_.tenders, who, c_.setup->policy, ref));
  } catch (const DomainError& e) {
    if (e.code() == "tender_ref_required") return c_.hint("ui.checkout.scan_payment_code");
    return c_.refuse(e.code());
  }
  if (wallet) {
    v.paymentRef.clear();
    leaveStaticQr();
  }
  c_.amount.clear();
}

void CheckoutTender::on(const ui::CheckoutUsePackage& i) {
  if (!c_.at(ui::CheckoutStage::Tender)) return;
  const auto& options = c_.view().packageOptions;
  bool offered = std::any_of(options.begin(), options.end(), [&](const auto& p) { return p.id == i.id; });
  if (!offered) return;
  TenderRequest t;
  t.type = TenderType::Package;
  t.ref = i.id;
  c_.tenders.push_back(t);
}

void CheckoutTender::on(const ui::CheckoutRemoveTender& i) {
  if (!c_.at(ui::CheckoutStage::Tender)) return;
  if (i.index >= 0 && i.index < static_cast<int>(c_.tenders.size())) c_.tenders.erase(c_.tenders.begin() + i.index);
}

// --- 结账 ------------------------------------------------------------------------

SaleRequest CheckoutTender::request() const {
  SaleRequest r;
  r.id = c_.saleId;
  if (c_.customer) r.customer = c_.customer;
  for (const CheckoutLine& l : c_.lines) {
    LineRequest lr;
    lr.item = l.item;
    lr.qty = l.qty;
    if (!l.staff.empty()) lr.staff = {l.staff};
    r.lines.push_back(lr);
  }
  r.tenders = c_.tenders;
  r.orderDiscount = c_.orderDiscount;
  if (c_.orderDiscount.fen) {
    // Only a manager gets the discount keypad: they approve their own.
    r.approvedBy = c_.k().staff ? c_.k().staff->code : "";
    r.reason = "counter discount";
  }
  // 补录: when the service was really finished, and why it is entered late (one
  // reason field: a discount's reason goes first).
  if (c_.backEntry) {
    r.completedAt = c_.backEntry->at;
    r.reason = r.reason.empty() ? c_.backEntry->reason : r.reason + "; " + c_.backEntry->reason;
  }
  // A manager's PIN past the member's offline allowance, as `sale`'s "approved_by".
  if (std::string manager = approval_.approvedBy(r); !manager.empty()) r.approvedBy = manager;
  return r;
}

// One transaction by core's CheckoutStore; the same id settles once, so a
// second tap (or a retry after a lost answer) shows the sale already stored.
std::optional<Sale> CheckoutTender::settle() {
  if (!c_.at(ui::CheckoutStage::Tender) || c_.saleId.empty() || asking_) return std::nullopt;
  DeskContext& k = c_.k();
  try {
    Guard(k.audit, k.clock).require(*k.staff, Action::SettleSale, "sale", c_.saleId);
    SaleRequest r = request();
    if (spendsChainValue(r)) {
      settleThroughHeadOffice(r);
      return std::nullopt;
    }
    return c_.store().settle(r, *c_.setup, *k.staff, k.clock.now()).sale;
  } catch (const DomainError& e) {
    if (e.code() == "id_conflict")
      if (auto stored = c_.store().sale(c_.saleId)) return stored;
    c_.refuse(e.code());
  }
  return std::nullopt;
}

// A member's stored value or points at an enrolled store with a line to head office.
bool CheckoutTender::spendsChainValue(const SaleRequest& r) {
  if (!c_.headOffice || !c_.account || c_.account->memberNo.empty() || !c_.k().tasks) return false;
  const bool chainTender = std::any_of(r.tenders.begin(), r.tenders.end(), [](const TenderRequest& t) {
    return t.type == TenderType::StoredValue || t.type == TenderType::Points;
  });
  return chainTender && c_.k().backroom.headOfficeSync().enrolment().has_value();
}

// Head office debits first (core's ChainSettle, on the Lookups lane: the frame never
// waits on the network), then the sale is stored; an answer for another sale is dropped.
void CheckoutTender::settleThroughHeadOffice(const SaleRequest& r) {
  struct Answer {
    std::optional<Sale> sale;
    std::string refused, detail;
  };
  DeskContext& k = c_.k();
  auto out = std::make_shared<Answer>();
  asking_ = true;
  c_.hint("ui.checkout.asking_head_office");
  k.tasks->run(
      Lane::Lookups, "chain settle",
      [out, r, setup = *c_.setup, staff = *k.staff, lines = c_.headOffice, clock = &k.clock](Backroom& b) {
        try {
          out->sale = ChainSettle(b.checkout(), b.headOfficeSync(), b.chainSpends(), lines, *clock)
                          .settle(r, setup, staff).settled.sale;
        } catch (const DomainError& e) {
          out->refused = e.code();
          out->detail = e.detail();
        } catch (const std::exception&) {
          out->refused = "db_error";
        }
      },
      [this, out, r] {
        asking_ = false;
        if (r.id != c_.saleId) return;
        if (out->sale) {
          if (settledLater) settledLater(*out->sale);
          return;
        }
        refusedByHeadOffice(r, out->refused, out->detail);
      });
}

// Said on screen with what is left; past the member's offline allowance a manager's
// PIN is offered (the store's and the sale's caps and "offline too long" say no PIN lifts them).
void CheckoutTender::refusedByHeadOffice(const SaleRequest& r, const std::string& code, const std::string& detail) {
  const Catalog& words = c_.k().catalog;
  // A manager approved while this try (without it) was on its way: 结账 again, with it.
  if (code == "offline_member_allowance" && r.approvedBy.empty() && !approval_.approvedBy(request()).empty() &&
      approval_.approved)
    return approval_.approved();
  if (code == "chain_balance_short") c_.askFigures();  // the bar shows what is left now
  c_.refuse(code);
  std::string& message = c_.view().message;
  if (code == "chain_balance_short") message += " " + chainLeftText(detail, words);
  if (code == "offline_member_allowance") {
    message += " " + words.text("ui.checkout.approval.left") + " " + yuanText(detail);
    approval_.offer(detail, r);
  }
  if (code == "offline_store_allowance" || code == "offline_sale_cap" || code == "offline_too_long")
    message += " " + words.text("ui.checkout.approval.no_pin");
}

}  // namespace salon::kiosk
