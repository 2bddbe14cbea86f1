#include "app/core/cart.h"

#include <algorithm>

#include "app/core/error.h"

namespace salon {

const char* benefitName(Benefit b) {
  switch (b) {
    case Benefit::None: return "";
    case Benefit::Promotion: return "promotion";
    case Benefit::Tier: return "member_tier";
    case Benefit::Birthday: return "birthday";
  }
  return "";
}

const char* roundingName(Rounding r) {
  switch (r) {
    case Rounding::None: return "none";
    case Rounding::Jiao: return "0.1";
    case Rounding::Yuan: return "1";
  }
  return "none";
}

bool roundingFromName(const char* name, Rounding& out) {
  for (Rounding r : {Rounding::None, Rounding::Jiao, Rounding::Yuan})
    if (std::string(name) == roundingName(r)) {
      out = r;
      return true;
    }
  return false;
}

namespace {

// Adds `amount` to parts in proportion to weights, exactly (largest remainder).
template <class Get, class Add>
void spread(Money amount, std::size_t n, Get weight, Add add) {
  if (n == 0 || amount.fen == 0) return;
  std::int64_t sumW = 0;
  for (std::size_t i = 0; i < n; ++i) sumW += weight(i).fen;
  if (sumW <= 0) {
    add(0, amount);
    return;
  }
  std::int64_t sign = amount.fen < 0 ? -1 : 1, abs = amount.fen * sign, given = 0;
  // Floor shares first, then one fen each to the largest remainders; n ≤ a few
  // dozen, so a simple repeated pass is fine and allocation-free.
  std::int64_t bestRem[64];
  std::size_t m = std::min<std::size_t>(n, 64);
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t share = mulDiv(abs, weight(i).fen, sumW);
    if (i < m) bestRem[i] = mulMod(abs, weight(i).fen, sumW);
    given += share;
    add(i, Money(share * sign));
  }
  for (std::int64_t left = abs - given; left > 0; --left) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < m; ++i)
      if (bestRem[i] > bestRem[best]) best = i;
    bestRem[best] = -1;
    add(best, Money(sign));
  }
}

std::int64_t roundingUnit(Rounding r) { return r == Rounding::Yuan ? 100 : r == Rounding::Jiao ? 10 : 1; }

}  // namespace

std::vector<Money> spreadProRata(Money amount, const std::vector<Money>& weights) {
  std::vector<Money> out(weights.size());
  if (out.empty()) return out;
  spread(amount, weights.size(), [&](std::size_t i) { return weights[i]; },
         [&](std::size_t i, Money m) { out[i] += m; });
  return out;
}

CartTotals cartTotals(const std::vector<CartLine>& lines, Money orderDiscount, const CheckoutPolicy& policy) {
  CartTotals t;
  cartTotals(lines, orderDiscount, policy, t);
  return t;
}

void cartTotals(const std::vector<CartLine>& lines, Money orderDiscount, const CheckoutPolicy& policy,
                CartTotals& t) {
  const std::size_t n = lines.size();
  t = CartTotals{Money(), Money(), Money(), orderDiscount, Money(), Money(), Money(), Money(),
                 policy.taxInclusive, std::move(t.lines)};
  t.lines.assign(n, LineTotals{});
  if (orderDiscount.fen < 0) throw DomainError("discount_negative", "order");
  Money afterLine;
  for (std::size_t i = 0; i < n; ++i) {
    const CartLine& l = lines[i];
    LineTotals& o = t.lines[i];
    if (l.qty <= 0) throw DomainError("bad_quantity", std::to_string(i + 1));
    if (l.unitPrice.fen < 0) throw DomainError("negative_price", std::to_string(i + 1));
    if (l.manualDiscount.fen < 0) throw DomainError("discount_negative", std::to_string(i + 1));
    o.gross = l.unitPrice * l.qty;
    if (l.benefitsApply) {
      // The best of the three applies, never more than one.
      const Money offs[3] = {std::clamp(l.promotionOff, Money(), o.gross),
                             percentOf(o.gross, std::clamp(l.tierBp, 0, 10000)),
                             percentOf(o.gross, std::clamp(l.birthdayBp, 0, 10000))};
      const Benefit kinds[3] = {Benefit::Promotion, Benefit::Tier, Benefit::Birthday};
      for (int k = 0; k < 3; ++k) {
        Money m = offs[k];
        if (m > o.benefitAmount) {
          o.benefitAmount = m;
          o.benefit = kinds[k];
        }
      }
    }
    Money after = o.gross - o.benefitAmount;
    if (l.manualDiscount > after) throw DomainError("discount_too_large", std::to_string(i + 1));
    o.manualDiscount = l.manualDiscount;
    o.net = after - l.manualDiscount;
    t.gross += o.gross;
    t.benefits += o.benefitAmount;
    t.lineDiscounts += l.manualDiscount;
    afterLine += o.net;
  }
  if (orderDiscount > afterLine) throw DomainError("discount_too_large", "order");
  spread(-orderDiscount, n, [&](std::size_t i) { return t.lines[i].net; },
         [&](std::size_t i, Money m) { t.lines[i].manualDiscount -= m; t.lines[i].net += m; });
  t.subtotal = afterLine - orderDiscount;
  Money beforeRounding = t.subtotal;
  if (!policy.taxInclusive) {
    t.tax = percentOf(t.subtotal, policy.taxRateBp);
    beforeRounding += t.tax;
  }
  t.rounding = Money(beforeRounding.fen % roundingUnit(policy.rounding));
  t.total = beforeRounding - t.rounding;
  if (policy.taxInclusive)
    t.tax = Money((t.total.fen * policy.taxRateBp + (10000 + policy.taxRateBp) / 2) / (10000 + policy.taxRateBp));
  Money adjustment = t.total - t.subtotal;
  spread(adjustment, n, [&](std::size_t i) { return t.lines[i].net; },
         [&](std::size_t i, Money m) { t.lines[i].adjustment += m; t.lines[i].net += m; });
}

}  // namespace salon
