#include "app/core/reversal.h"

#include <algorithm>
#include <map>

#include "app/core/checkout.h"
#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {
namespace {

// The part of `whole` that units [from, to) of `qty` carry, so pieces add up exactly.
Money slice(Money whole, int from, int to, int qty) {
  return Money(mulDiv(whole.fen, to, qty) - mulDiv(whole.fen, from, qty));
}

struct Reverser {
  const ReversalRequest& req;
  const Sale& orig;
  const std::vector<Sale>& earlier;
  const MemberAccount* acct;
  const SaleContext& ctx;
  Sale out;
  MemberAccount left;
  std::map<int, int> already;        // line no → units reversed before
  std::map<int, Money> tenderUsed;   // original tender (1-based) → returned before
  std::map<int, Money> principalUsed;  // stored value principal returned before
  std::map<int, std::int64_t> pointsUsed;  // points returned before
  std::int64_t earnedReversed = 0;

  void header() {
    if (!isUuid(req.id)) throw DomainError("bad_sale_id", req.id);
    if (req.approvedBy.empty() || req.reason.empty()) throw DomainError("manager_approval_required", req.id);
    if (orig.kind != SaleKind::Sale) throw DomainError("not_reversible", orig.id);
    if (req.kind != SaleKind::Void && req.kind != SaleKind::Refund) throw DomainError("not_reversible", orig.id);
    for (const Sale& e : earlier) {
      if (e.kind == SaleKind::Void) throw DomainError("already_reversed", orig.id);
      for (const auto& l : e.lines) already[l.reversesLine] += -l.qty;
      for (const auto& t : e.tenders) {
        tenderUsed[t.reversesTender] += -t.amount;
        principalUsed[t.reversesTender] += -t.principal;
        pointsUsed[t.reversesTender] += -t.points;
      }
      for (const auto& p : e.points)
        if (p.kind == "earn_reversal") earnedReversed += -p.delta;
    }
    if (req.kind == SaleKind::Void) {
      if (orig.businessDay != ctx.businessDay) throw DomainError("void_other_day", orig.businessDay);
      if (!earlier.empty()) throw DomainError("already_reversed", orig.id);
      if (!req.lines.empty()) throw DomainError("void_whole_sale", orig.id);
    }
    out.id = req.id;
    out.kind = req.kind;
    out.reverses = orig.id;
    out.businessDay = ctx.businessDay;
    out.completedAt = out.recordedAt = ctx.now;
    out.cashier = ctx.cashier;
    out.customer = orig.customer;
    out.customerName = orig.customerName;
    out.tierCode = orig.tierCode;
    out.reason = req.reason;
    out.approvedBy = req.approvedBy;
    out.fingerprint = reversalFingerprint(req, orig.id);
    if (orig.customer && !acct) throw DomainError("unknown_customer", std::to_string(*orig.customer));
    if (acct) left = *acct;
  }

  std::vector<std::pair<int, int>> wanted() const {
    if (!req.lines.empty()) return req.lines;
    std::vector<std::pair<int, int>> all;
    for (const auto& l : orig.lines) {
      int rest = l.qty - (already.count(l.lineNo) ? already.at(l.lineNo) : 0);
      if (rest > 0) all.push_back({l.lineNo, rest});
    }
    if (all.empty()) throw DomainError("already_reversed", orig.id);
    return all;
  }

  const SaleLine& origLine(int no) const {
    for (const auto& l : orig.lines)
      if (l.lineNo == no) return l;
    throw DomainError("unknown_line", std::to_string(no));
  }

  const SaleTender* packageTenderFor(int no) const {
    for (const auto& t : orig.tenders)
      if (t.type == TenderType::Package && t.lineNo == no) return &t;
    return nullptr;
  }

  // What this line gives back, by the kind of thing bought.
  Money lineValue(const SaleLine& l, int from, int q) {
    std::string where = std::to_string(l.lineNo);
    if (l.kind == ItemKind::Package) {
      if (from != 0 || q != l.qty) throw DomainError("package_refund_whole", where);
      CustomerPackage* p = left.package(orig.id + "/" + where);
      if (!p) throw DomainError("unknown_package", orig.id + "/" + where);
      Money v = std::min(packageRefund(*p), l.totals.net);
      if (p->sessionsLeft > 0) out.packageMoves.push_back({p->id, -p->sessionsLeft, "refund"});
      p->sessionsLeft = 0;
      return v;
    }
    if (l.kind == ItemKind::StoredValuePlan) {
      if (from != 0 || q != l.qty) throw DomainError("stored_value_refund_whole", where);
      // Only unspent principal comes back; the bonus that went with it is forfeited.
      Money principal = std::min(l.totals.net, left.svPrincipal);
      Money bonusGiven;
      for (const auto& m : orig.storedValue)
        if (m.kind == "top_up") bonusGiven += m.bonus;
      Money bonus = l.totals.net.fen > 0 ? Money(mulDiv(bonusGiven.fen, principal.fen, l.totals.net.fen)) : Money();
      bonus = std::min(bonus, left.svBonus);
      if (principal.fen || bonus.fen) out.storedValue.push_back({-principal, -bonus, "refund"});
      left.svPrincipal -= principal;
      left.svBonus -= bonus;
      return principal;
    }
    if (l.kind == ItemKind::Product) out.stock.push_back({l.item, q});
    return slice(l.totals.net, from, from + q, l.qty);
  }

  SaleLine reverseLine(const SaleLine& l, int from, int q, Money value) {
    SaleLine r = l;
    r.reversesLine = l.lineNo;
    r.lineNo = static_cast<int>(out.lines.size()) + 1;
    r.qty = -q;
    LineTotals& t = r.totals;
    t.gross = -slice(l.totals.gross, from, from + q, l.qty);
    t.benefitAmount = -slice(l.totals.benefitAmount, from, from + q, l.qty);
    t.manualDiscount = -slice(l.totals.manualDiscount, from, from + q, l.qty);
    t.net = -value;
    t.adjustment = t.net - (t.gross - t.benefitAmount - t.manualDiscount);
    return r;
  }

  void linesAndTenders() {
    Money toTenders;
    int origTotalQty = 0, reversedQty = 0;
    for (const auto& l : orig.lines) origTotalQty += l.qty;
    for (const auto& [no, q] : already) reversedQty += q;
    for (const auto& [no, q] : wanted()) {
      const SaleLine& l = origLine(no);
      int from = already[no];
      if (q <= 0 || from + q > l.qty) throw DomainError("refund_exceeds", std::to_string(no));
      Money v = lineValue(l, from, q);
      out.lines.push_back(reverseLine(l, from, q, v));
      already[no] += q;
      reversedQty += q;
      if (const SaleTender* pt = packageTenderFor(no)) {
        restoreSessions(*pt, q, v);
      } else {
        toTenders += v;
      }
    }
    refundTenders(toTenders);
    reversePoints(reversedQty == origTotalQty);
    out.totals.total = Money();
    for (const auto& l : out.lines) {
      out.totals.gross += l.totals.gross;
      out.totals.benefits += l.totals.benefitAmount;
      out.totals.lineDiscounts += l.totals.manualDiscount;
      out.totals.total += l.totals.net;
      out.totals.lines.push_back(l.totals);
    }
    out.totals.subtotal = out.totals.total;
    out.totals.taxInclusive = orig.totals.taxInclusive;
    out.totals.tax = orig.totals.total.fen ? Money(mulDiv(orig.totals.tax.fen, out.totals.total.fen, orig.totals.total.fen)) : Money();
  }

  void restoreSessions(const SaleTender& pt, int q, Money v) {
    CustomerPackage* p = left.package(pt.packageId);
    if (!p) throw DomainError("unknown_package", pt.packageId);
    q = std::min(q, p->sessionsTotal - p->sessionsLeft);
    p->sessionsLeft += q;
    out.packageMoves.push_back({p->id, q, "restore"});
    SaleTender t = pt;
    t.amount = -v;
    t.sessions = -q;
    t.reversesTender = index(pt);
    out.tenders.push_back(t);
  }

  int index(const SaleTender& t) const { return static_cast<int>(&t - orig.tenders.data()) + 1; }

  void refundTenders(Money total) {
    if (total.fen == 0) return;
    std::vector<Money> cap;
    std::vector<const SaleTender*> src;
    for (const auto& t : orig.tenders) {
      if (t.type == TenderType::Package) continue;
      Money c = t.amount - tenderUsed[index(t)];
      src.push_back(&t);
      cap.push_back(std::max(c, Money()));
    }
    Money capSum;
    for (Money c : cap) capSum += c;
    if (total > capSum) throw DomainError("refund_exceeds", formatAmount(total - capSum));
    std::vector<Money> share = spreadProRata(total, cap);
    for (std::size_t i = 0; i < src.size(); ++i)
      if (share[i].fen) giveBack(*src[i], share[i]);
  }

  void giveBack(const SaleTender& t, Money s) {
    SaleTender r;
    r.type = t.type;
    r.ref = t.ref;
    r.amount = -s;
    r.reversesTender = index(t);
    switch (t.type) {
      case TenderType::Points: {
        // Cumulative, so pieces of a refund add up to exactly the points redeemed.
        int i = index(t);
        std::int64_t pts = mulDiv(t.points, (tenderUsed[i] + s).fen, t.amount.fen) - pointsUsed[i];
        r.points = -pts;
        out.points.push_back({pts, "redeem_reversal", 0});
        left.points += pts;
        break;
      }
      case TenderType::StoredValue: {
        int i = index(t);
        Money p = Money(mulDiv((tenderUsed[i] + s).fen, t.principal.fen, t.amount.fen)) - principalUsed[i];
        Money b = s - p;
        r.principal = -p;
        r.bonus = -b;
        out.storedValue.push_back({p, b, "spend_reversal"});
        left.svPrincipal += p;
        left.svBonus += b;
        break;
      }
      case TenderType::Arrears: {
        // Still owed: cancel the debt; already settled: the money goes back in cash.
        Money cancel = std::min(s, left.arrears);
        if (cancel.fen) {
          out.arrears.push_back({-cancel, "charge_reversal"});
          left.arrears -= cancel;
          r.amount = -cancel;
          out.tenders.push_back(r);
        }
        if (s > cancel) {
          SaleTender cash;
          cash.type = TenderType::Cash;
          cash.amount = cash.handed = -(s - cancel);
          cash.reversesTender = index(t);
          out.tenders.push_back(cash);
        }
        return;
      }
      default: r.handed = t.type == TenderType::Cash ? r.amount : Money(); break;
    }
    out.tenders.push_back(r);
  }

  void reversePoints(bool whole) {
    std::int64_t rest = orig.pointsEarned - earnedReversed;
    if (rest <= 0 || !acct) return;
    std::int64_t back = rest;
    if (!whole && orig.totals.total.fen > 0)
      back = std::min(rest, mulDiv(orig.pointsEarned, -totalOf(), orig.totals.total.fen));
    back = std::min(back, left.points);  // never below zero
    if (back <= 0) return;
    out.points.push_back({-back, "earn_reversal", 0});
    left.points -= back;
  }

  std::int64_t totalOf() const {
    std::int64_t s = 0;
    for (const auto& l : out.lines) s += l.totals.net.fen;
    return s;
  }

  Sale finish() {
    out.pointsAfter = left.points;
    out.svPrincipalAfter = left.svPrincipal;
    out.svBonusAfter = left.svBonus;
    out.arrearsAfter = left.arrears;
    out.packagesAfter = left.packages;
    return std::move(out);
  }
};

}  // namespace

std::string reversalFingerprint(const ReversalRequest& req, const std::string& originalId) {
  std::string f = req.id + "|" + saleKindName(req.kind) + "|" + originalId + "|" + req.reason + "|" + req.approvedBy;
  for (const auto& [no, q] : req.lines) f += "|" + std::to_string(no) + "x" + std::to_string(q);
  return f;
}

std::string arrearsFingerprint(const std::string& id, CustomerId customer, const std::vector<TenderRequest>& tenders) {
  std::string f = id + "|settle|" + std::to_string(customer);
  for (const auto& t : tenders)
    f += "|" + std::string(tenderName(t.type)) + "," + std::to_string(t.amount.fen) + "," +
         (t.handed ? std::to_string(t.handed->fen) : "-") + "," + t.ref;
  return f;
}

Sale buildReversal(const ReversalRequest& request, const Sale& original, const std::vector<Sale>& earlier,
                   const MemberAccount* account, const SaleContext& ctx) {
  Reverser r{request, original, earlier, account, ctx, {}, {}, {}, {}, {}, {}, 0};
  r.header();
  r.linesAndTenders();
  return r.finish();
}

Sale buildArrearsSettlement(const std::string& id, const MemberAccount& account,
                            const std::vector<TenderRequest>& tenders, const SaleContext& ctx) {
  if (!isUuid(id)) throw DomainError("bad_sale_id", id);
  Sale s;
  s.id = id;
  s.kind = SaleKind::ArrearsSettlement;
  s.businessDay = ctx.businessDay;
  s.completedAt = s.recordedAt = ctx.now;
  s.cashier = ctx.cashier;
  s.customer = account.customerId;
  s.customerName = account.name;
  s.fingerprint = arrearsFingerprint(id, account.customerId, tenders);
  Money sum;
  for (const auto& tr : tenders) {
    if (!isMoney(tr.type)) throw DomainError("arrears_needs_money", tenderName(tr.type));
    if (tr.amount.fen <= 0) throw DomainError("bad_tender_amount", tenderName(tr.type));
    checkTenderBounds(tr, ctx.policy);
    if ((tr.type == TenderType::Wechat || tr.type == TenderType::Alipay) && tr.ref.empty())
      throw DomainError("tender_ref_required", tenderName(tr.type));
    SaleTender t;
    t.type = tr.type;
    t.amount = tr.amount;
    t.ref = tr.ref;
    t.handed = tr.type == TenderType::Cash ? tr.handed.value_or(tr.amount) : Money();
    if (t.type == TenderType::Cash && t.handed < t.amount) throw DomainError("cash_short", "");
    s.change += t.type == TenderType::Cash ? t.handed - t.amount : Money();
    s.tenders.push_back(t);
    sum += tr.amount;
  }
  if (sum.fen <= 0) throw DomainError("tenders_short", "0");
  if (s.change > ctx.policy.maxChange) throw DomainError("change_too_large", formatAmount(ctx.policy.maxChange));
  if (sum > account.arrears) throw DomainError("overpaid", formatAmount(sum - account.arrears));
  s.totals.total = s.totals.subtotal = s.totals.gross = sum;
  s.arrears.push_back({-sum, "settle"});
  s.pointsAfter = account.points;
  s.svPrincipalAfter = account.svPrincipal;
  s.svBonusAfter = account.svBonus;
  s.arrearsAfter = account.arrears - sum;
  s.packagesAfter = account.packages;
  return s;
}

}  // namespace salon
