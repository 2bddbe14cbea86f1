#include "app/core/sale.h"

#include <algorithm>
#include <numeric>

#include "app/core/checkout.h"
#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

const char* saleKindName(SaleKind k) {
  switch (k) {
    case SaleKind::Sale: return "sale";
    case SaleKind::Void: return "void";
    case SaleKind::Refund: return "refund";
    case SaleKind::ArrearsSettlement: return "arrears_settlement";
  }
  return "?";
}

Money Sale::moneyTaken() const {
  Money m;
  for (const auto& t : tenders)
    if (isMoney(t.type)) m += t.amount;
  return m;
}

std::string requestFingerprint(const SaleRequest& r) {
  std::string s = r.id + "|c" + (r.customer ? std::to_string(*r.customer) : "-");
  for (const auto& l : r.lines) {
    s += "|L" + l.item + "," + std::to_string(l.qty) + "," + std::to_string(l.discount.fen) + "," +
         (l.priceOverride ? std::to_string(l.priceOverride->fen) : "-");
    for (const auto& st : l.staff) s += "," + st;
    for (int b : l.sharesBp) s += ";" + std::to_string(b);
  }
  for (const auto& t : r.tenders)
    s += "|T" + std::string(tenderName(t.type)) + "," + std::to_string(t.amount.fen) + "," +
         (t.handed ? std::to_string(t.handed->fen) : "-") + "," + t.ref;
  s += "|D" + std::to_string(r.orderDiscount.fen) + "|" + r.reason + "|" + r.approvedBy;
  s += "|@" + (r.completedAt ? std::to_string(*r.completedAt) : "-");
  return s;
}

namespace {

Instant addMonths(Instant at, int months, StoreZone zone) {
  CivilDate d = localDate(at, zone);
  int m = d.month - 1 + months;
  d.year += m / 12;
  d.month = m % 12 + 1;
  d.day = std::min(d.day, 28);
  return startOfLocalDay(d, zone) + (at - startOfLocalDay(localDate(at, zone), zone));
}

std::vector<LineStaff> lineStaff(const LineRequest& l, const CatalogItem& item, int lineNo) {
  std::string where = std::to_string(lineNo);
  if (l.staff.size() > 3) throw DomainError("too_many_staff", where);
  if (item.kind == ItemKind::Service && l.staff.empty()) throw DomainError("staff_required", where);
  if (!l.sharesBp.empty() && l.sharesBp.size() != l.staff.size()) throw DomainError("bad_shares", where);
  std::vector<LineStaff> out;
  int n = static_cast<int>(l.staff.size());
  for (int i = 0; i < n; ++i) {
    if (item.kind == ItemKind::Service && !item.mayPerform(l.staff[i]))
      throw DomainError("staff_not_qualified", l.staff[i] + " @ " + item.code);
    int share = l.sharesBp.empty() ? 10000 / n + (i == 0 ? 10000 % n : 0) : l.sharesBp[i];
    if (share <= 0) throw DomainError("bad_shares", where);
    out.push_back({l.staff[i], share});
  }
  int sum = 0;
  for (const auto& s : out) sum += s.shareBp;
  if (n > 0 && sum != 10000) throw DomainError("bad_shares", where);
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (l.staff[i] == l.staff[j]) throw DomainError("bad_shares", where);
  return out;
}

struct Builder {
  const SaleRequest& req;
  const MemberAccount* acct;
  const SaleContext& ctx;
  Sale sale;
  PriceTerms terms;
  std::vector<CartLine> cart;
  std::vector<const CatalogItem*> items;
  ChainSpend chainLeft, chainIn;  // what of req.chain the tenders have not taken yet; the store's cover

  void header() {
    if (!isUuid(req.id)) throw DomainError("bad_sale_id", req.id);
    if (req.lines.empty()) throw DomainError("empty_sale", req.id);
    if (req.lines.size() > 60) throw DomainError("too_many_lines", std::to_string(req.lines.size()));
    sale.id = req.id;
    sale.recordedAt = ctx.now;
    sale.completedAt = req.completedAt.value_or(ctx.now);
    if (sale.completedAt > ctx.now) throw DomainError("completed_in_future", req.id);
    // A back-entry (kiosk down, a paper slip) keeps its real completion time and
    // is posted on today's business day; it must say why it is entered late.
    if (sale.completedAt < ctx.now && req.reason.find_first_not_of(' ') == std::string::npos)
      throw DomainError("back_entry_reason_required", req.id);
    sale.businessDay = ctx.businessDay;
    sale.cashier = ctx.cashier;
    sale.fingerprint = requestFingerprint(req);
    sale.reason = req.reason;
    sale.approvedBy = req.approvedBy;
    sale.chain = req.chain;
    if (req.customer && !acct) throw DomainError("unknown_customer", std::to_string(*req.customer));
    if (!acct) return;
    sale.customer = acct->customerId;
    sale.customerName = acct->name;
    terms = priceTerms(acct, ctx.tiers, ctx.zone, sale.completedAt);
    sale.birthday = terms.birthday;
    if (terms.tier) sale.tierCode = terms.tier->code;
  }

  bool manual() const {
    if (req.orderDiscount.fen != 0) return true;
    for (const auto& l : req.lines)
      if (l.discount.fen != 0 || l.priceOverride) return true;
    return false;
  }

  void lines() {
    if (manual() && (req.approvedBy.empty() || req.reason.empty()))
      throw DomainError("manager_approval_required", req.id);
    int no = 0;
    for (const auto& l : req.lines) {
      ++no;
      const CatalogItem& item = ctx.prices.require(l.item);
      auto price = l.priceOverride ? l.priceOverride : ctx.prices.priceAt(item.code, sale.completedAt);
      if (!price) throw DomainError("no_price", item.code);
      if ((item.kind == ItemKind::Package || item.kind == ItemKind::StoredValuePlan) && !acct)
        throw DomainError("customer_required", item.code);
      if (item.kind == ItemKind::Service && acct && acct->suspended())
        throw DomainError("arrears_suspended", std::to_string(acct->customerId));
      cart.push_back(cartLine(item, *price, l.qty, l.discount, ctx.prices, terms, ctx.policy, sale.completedAt));
      items.push_back(&item);
      SaleLine s;
      s.lineNo = no;
      s.item = item.code;
      s.name = item.name;
      s.category = item.category;
      s.kind = item.kind;
      s.qty = l.qty;
      s.unitPrice = *price;
      s.staff = lineStaff(l, item, no);
      sale.lines.push_back(std::move(s));
    }
    sale.totals = cartTotals(cart, req.orderDiscount, ctx.policy);
    for (std::size_t i = 0; i < sale.lines.size(); ++i) sale.lines[i].totals = sale.totals.lines[i];
  }

  Money topUpNet() const {
    Money m;
    for (const auto& l : sale.lines)
      if (l.kind == ItemKind::StoredValuePlan) m += l.totals.net;
    return m;
  }

  const MemberAccount& needAccount(TenderType t) const {
    if (!acct) throw DomainError("customer_required", tenderName(t));
    return *acct;
  }

  SaleTender tender(const TenderRequest& tr, std::vector<bool>& covered, MemberAccount& left) {
    SaleTender st;
    st.type = tr.type;
    st.amount = tr.amount;
    st.ref = tr.ref;
    checkTenderBounds(tr, ctx.policy);
    bool topUp = topUpNet().fen > 0 && !paysTopUp(tr.type);
    switch (tr.type) {
      case TenderType::Cash:
        st.handed = tr.handed.value_or(tr.amount);
        if (st.handed < st.amount) throw DomainError("cash_short", std::to_string(st.amount.fen - st.handed.fen));
        break;
      case TenderType::Card: break;
      case TenderType::Wechat:
      case TenderType::Alipay:
        if (tr.ref.empty()) throw DomainError("tender_ref_required", tenderName(tr.type));
        break;
      case TenderType::StoredValue: {
        needAccount(tr.type);
        if (topUp) throw DomainError("topup_needs_money", tenderName(tr.type));
        if (tr.amount > left.svPrincipal + left.svBonus)
          throw DomainError("stored_value_short", formatAmount(left.svPrincipal + left.svBonus));
        StoredValueSplit s = req.chain ? chainSplit(tr.amount) : splitStoredValue(tr.amount, left.svPrincipal, left.svBonus);
        st.principal = s.principal;
        st.bonus = s.bonus;
        left.svPrincipal -= s.principal;
        left.svBonus -= s.bonus;
        break;
      }
      case TenderType::Points: {
        needAccount(tr.type);
        if (topUp) throw DomainError("topup_needs_money", tenderName(tr.type));
        if (!acct->member || acct->suspended()) throw DomainError("member_benefits_unavailable", "points");
        if (tr.amount.fen % ctx.policy.fenPerPoint != 0) throw DomainError("points_amount_not_whole", "");
        st.points = tr.amount.fen / ctx.policy.fenPerPoint;
        if (st.points > left.points) throw DomainError("points_short", std::to_string(left.points));
        if (req.chain && (chainLeft.points -= st.points) < 0) throw DomainError("chain_spend_mismatch", "points");
        left.points -= st.points;
        break;
      }
      case TenderType::Package: packageTender(tr, st, covered, left); break;
      case TenderType::Arrears:
        needAccount(tr.type);
        if (topUp) throw DomainError("topup_needs_money", tenderName(tr.type));
        if (acct->arrearsSuspended && !acct->arrearsOverride)
          throw DomainError("arrears_suspended", std::to_string(acct->customerId));
        if (left.arrears + tr.amount > left.arrearsLimit) throw DomainError("arrears_limit", formatAmount(left.arrearsLimit));
        left.arrears += tr.amount;
        break;
    }
    return st;
  }

  void packageTender(const TenderRequest& tr, SaleTender& st, std::vector<bool>& covered, MemberAccount& left) {
    needAccount(tr.type);
    CustomerPackage* p = left.package(tr.ref);
    if (!p) throw DomainError("unknown_package", tr.ref);
    if (p->expiresAt <= sale.completedAt) throw DomainError("package_expired", tr.ref);
    for (std::size_t i = 0; i < sale.lines.size(); ++i) {
      const SaleLine& l = sale.lines[i];
      if (covered[i] || l.item != p->serviceCode) continue;
      if (l.qty > p->sessionsLeft) throw DomainError("package_sessions_short", std::to_string(p->sessionsLeft));
      if (tr.amount.fen != 0 && tr.amount != l.totals.net) throw DomainError("package_amount_mismatch", tr.ref);
      covered[i] = true;
      st.amount = l.totals.net;
      st.packageId = p->id;
      st.sessions = l.qty;
      st.lineNo = l.lineNo;
      p->sessionsLeft -= l.qty;
      return;
    }
    throw DomainError("package_not_for_cart", tr.ref);
  }

  // A stored-value tender of a chain sale takes the split head office debited.
  StoredValueSplit chainSplit(Money amount) {
    StoredValueSplit s;
    s.principal = std::min(amount, chainLeft.principal);
    s.bonus = amount - s.principal;
    if (s.bonus > chainLeft.bonus) throw DomainError("chain_spend_mismatch", "stored_value");
    chainLeft.principal -= s.principal;
    chainLeft.bonus -= s.bonus;
    return s;
  }

  // What the store's own ledger lacks of the chain spend comes in first.
  void coverChain(MemberAccount& left) {
    if (!req.chain) return;
    if (!acct) throw DomainError("customer_required", "chain");
    const ChainSpend& c = *req.chain;
    if (c.principal.fen < 0 || c.bonus.fen < 0 || c.points < 0) throw DomainError("chain_spend_mismatch", "negative");
    chainLeft = c;
    chainIn.principal = std::max(Money(), c.principal - left.svPrincipal);
    chainIn.bonus = std::max(Money(), c.bonus - left.svBonus);
    chainIn.points = std::max<std::int64_t>(0, c.points - left.points);
    left.svPrincipal += chainIn.principal;
    left.svBonus += chainIn.bonus;
    left.points += chainIn.points;
  }

  void tenders() {
    MemberAccount left = acct ? *acct : MemberAccount{};
    coverChain(left);
    std::vector<bool> covered(sale.lines.size(), false);
    Money sum;
    for (const auto& tr : req.tenders) {
      sale.tenders.push_back(tender(tr, covered, left));
      sum += sale.tenders.back().amount;
    }
    Money due = sale.totals.total;
    if (sum < due) throw DomainError("tenders_short", formatAmount(due - sum));
    Money excess = sum - due;
    // Only cash gives change: a customer hands 200 for 128.
    for (auto it = sale.tenders.rbegin(); it != sale.tenders.rend() && excess.fen > 0; ++it) {
      if (it->type != TenderType::Cash) continue;
      Money take = std::min(excess, it->amount);
      it->amount -= take;
      excess -= take;
    }
    if (excess.fen > 0) throw DomainError("overpaid", formatAmount(excess));
    if (req.chain && !chainLeft.empty()) throw DomainError("chain_spend_mismatch", "not all taken");
    for (const auto& t : sale.tenders)
      if (t.type == TenderType::Cash) sale.change += t.handed - t.amount;
    if (sale.change > ctx.policy.maxChange) throw DomainError("change_too_large", formatAmount(ctx.policy.maxChange));
    sale.pointsAfter = left.points;
    sale.svPrincipalAfter = left.svPrincipal;
    sale.svBonusAfter = left.svBonus;
    sale.arrearsAfter = left.arrears;
    sale.packagesAfter = left.packages;
  }

  void movements() {
    if (chainIn.principal.fen || chainIn.bonus.fen) sale.storedValue.push_back({chainIn.principal, chainIn.bonus, "chain_in"});
    if (chainIn.points) sale.points.push_back({chainIn.points, "chain_in", 0});
    for (const auto& t : sale.tenders) {
      if (t.type == TenderType::Points && t.points) sale.points.push_back({-t.points, "redeem", 0});
      if (t.type == TenderType::StoredValue && t.amount.fen) sale.storedValue.push_back({-t.principal, -t.bonus, "spend"});
      if (t.type == TenderType::Package) sale.packageMoves.push_back({t.packageId, -t.sessions, "use"});
      if (t.type == TenderType::Arrears && t.amount.fen) sale.arrears.push_back({t.amount, "charge"});
    }
    for (std::size_t i = 0; i < sale.lines.size(); ++i) {
      const SaleLine& l = sale.lines[i];
      const CatalogItem& item = *items[i];
      if (l.kind == ItemKind::Product) sale.stock.push_back({l.item, -l.qty});
      if (l.kind == ItemKind::StoredValuePlan) {
        StoredValueMove m{l.totals.net, item.storedValueBonus * l.qty, "top_up"};
        sale.storedValue.push_back(m);
        sale.svPrincipalAfter += m.principal;
        sale.svBonusAfter += m.bonus;
      }
      if (l.kind == ItemKind::Package) buyPackage(l, item);
    }
    earnPoints();
  }

  void buyPackage(const SaleLine& l, const CatalogItem& item) {
    CustomerPackage p;
    p.id = sale.id + "/" + std::to_string(l.lineNo);
    p.serviceCode = item.packageService;
    p.packageCode = item.code;
    p.sessionsTotal = p.sessionsLeft = item.packageSessions * l.qty;
    p.paid = l.totals.net;
    p.sessionListPrice = ctx.prices.priceAt(item.packageService, sale.completedAt).value_or(Money());
    p.expiresAt = sale.completedAt + static_cast<Instant>(item.validityDays) * kDay;
    sale.newPackages.push_back(p);
    sale.packagesAfter.push_back(p);
    sale.packageMoves.push_back({p.id, p.sessionsTotal, "buy"});
  }

  // Points only on money actually paid: cash, card, WeChat, Alipay and stored-value
  // principal; never on bonus, points or package sessions, nor twice on a top-up.
  void earnPoints() {
    if (!terms.tier) return;
    Money base;
    for (const auto& t : sale.tenders) {
      if (isMoney(t.type)) base += t.amount;
      if (t.type == TenderType::StoredValue) base += t.principal;
    }
    base -= topUpNet();
    if (base.fen <= 0) return;
    std::int64_t mult = sale.birthday ? std::max(1, ctx.policy.birthdayPointsMultiplier) : 1;
    sale.pointsEarned = base.fen * terms.tier->pointsPerYuan * mult / 100;
    if (sale.pointsEarned <= 0) return;
    sale.points.push_back({sale.pointsEarned, "earn", addMonths(sale.completedAt, ctx.policy.pointsExpiryMonths, ctx.zone)});
    sale.pointsAfter += sale.pointsEarned;
  }
};

}  // namespace

Sale buildSale(const SaleRequest& request, const MemberAccount* account, const SaleContext& ctx) {
  Builder b{request, account, ctx, {}, {}, {}, {}, {}, {}};
  b.header();
  b.lines();
  b.tenders();
  b.movements();
  return std::move(b.sale);
}

}  // namespace salon
