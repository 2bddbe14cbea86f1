#include "app/core/checkout.h"

#include <algorithm>

#include "app/core/error.h"

namespace salon {

PriceTerms priceTerms(const MemberAccount* account, const std::vector<MemberTier>& tiers, StoreZone zone, Instant at) {
  PriceTerms t;
  if (!account || !account->member || account->suspended()) return t;
  t.member = true;
  t.tier = findTier(tiers, account->tierCode);
  if (!t.tier && !tiers.empty()) t.tier = &earnedTier(tiers, Money(), 0);
  t.birthday = account->birthday && account->birthday->month == localDate(at, zone).month;
  return t;
}

CartLine cartLine(const CatalogItem& item, Money unitPrice, int qty, Money manualDiscount, const PriceBook& prices,
                  const PriceTerms& terms, const CheckoutPolicy& policy, Instant at) {
  CartLine c;
  c.unitPrice = unitPrice;
  c.qty = qty;
  c.benefitsApply = item.kind != ItemKind::StoredValuePlan;
  c.promotionOff = prices.promotionAt(item, unitPrice, qty, terms.member, at).off;
  c.tierBp = terms.tier ? terms.tier->discountFor(item.category) : 0;
  c.birthdayBp = terms.birthday ? policy.birthdayDiscountBp : 0;
  c.manualDiscount = manualDiscount;
  return c;
}

void priceCart(const std::vector<CartItem>& items, Money orderDiscount, const MemberAccount* account,
               const CheckoutSetup& setup, Instant at, std::vector<CartLine>& lines, CartTotals& out) {
  const PriceTerms terms = priceTerms(account, setup.tiers, setup.zone, at);
  lines.clear();
  for (const CartItem& i : items) {
    const CatalogItem& item = setup.prices.require(i.item);
    Money price = setup.prices.priceAt(item.code, at).value_or(Money());
    lines.push_back(cartLine(item, price, i.qty, Money(), setup.prices, terms, setup.policy, at));
  }
  cartTotals(lines, orderDiscount, setup.policy, out);
}

void checkTenderBounds(const TenderRequest& t, const CheckoutPolicy& policy) {
  if (t.amount.fen < 0) throw DomainError("bad_tender_amount", tenderName(t.type));
  if (t.amount > policy.maxTender || (t.handed && *t.handed > policy.maxTender))
    throw DomainError("tender_too_large", formatAmount(policy.maxTender));
  if (t.ref.size() > kMaxTenderRef) throw DomainError("tender_ref_too_long", std::to_string(t.ref.size()));
}

namespace {

Money usedOf(const std::vector<TenderRequest>& earlier, TenderType which) {
  Money m;
  for (const TenderRequest& r : earlier)
    if (r.type == which) m += r.amount;
  return m;
}

const MemberAccount& needAccount(const MemberAccount* account, TenderType t) {
  if (!account) throw DomainError("customer_required", tenderName(t));
  return *account;
}

// Balances are checked here so the screen refuses what core would refuse at 结账.
void checkBalance(TenderRequest& t, bool typed, const std::vector<TenderRequest>& earlier,
                  const MemberAccount* account, const CheckoutPolicy& policy) {
  switch (t.type) {
    case TenderType::StoredValue: {
      const MemberAccount& a = needAccount(account, t.type);
      Money balance = a.svPrincipal + a.svBonus - usedOf(earlier, t.type);
      if (!typed) t.amount = std::min(t.amount, balance);
      if (t.amount > balance || t.amount.fen <= 0) throw DomainError("stored_value_short", formatAmount(balance));
      return;
    }
    case TenderType::Points: {
      const MemberAccount& a = needAccount(account, t.type);
      const int per = std::max(1, policy.fenPerPoint);
      Money worth = Money(a.points * per) - usedOf(earlier, t.type);
      if (!typed) t.amount = Money(std::min(t.amount, worth).fen / per * per);
      if (t.amount.fen % per != 0) throw DomainError("points_amount_not_whole", "");
      if (t.amount > worth || t.amount.fen <= 0) throw DomainError("points_short", std::to_string(a.points));
      return;
    }
    case TenderType::Arrears: {
      const MemberAccount& a = needAccount(account, t.type);
      if (a.suspended()) throw DomainError("arrears_suspended", std::to_string(a.customerId));
      if (a.arrears + usedOf(earlier, t.type) + t.amount > a.arrearsLimit)
        throw DomainError("arrears_limit", formatAmount(a.arrearsLimit));
      return;
    }
    default: return;
  }
}

}  // namespace

TenderRequest proposeTender(TenderType type, std::optional<Money> typed, Money left,
                            const std::vector<TenderRequest>& earlier, const MemberAccount* account,
                            const CheckoutPolicy& policy, const std::string& ref) {
  const Money amount = typed.value_or(left);
  TenderRequest t;
  t.type = type;
  t.amount = type == TenderType::Cash ? amount : std::min(amount, left);
  if (type == TenderType::Cash) {
    t.handed = amount;
    if (amount - left > policy.maxChange) throw DomainError("change_too_large", formatAmount(policy.maxChange));
  }
  if (type == TenderType::Wechat || type == TenderType::Alipay) {
    if (ref.empty()) throw DomainError("tender_ref_required", tenderName(type));
    t.ref = ref;
  }
  checkTenderBounds(t, policy);
  checkBalance(t, typed.has_value(), earlier, account, policy);
  return t;
}

std::optional<std::string> staticQrRef(const std::string& digits) {
  if (digits.size() < 4 || digits.size() > 32) return std::nullopt;
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  return kStaticQrPrefix + digits;
}

std::optional<TenderType> paymentCodeKind(const std::string& code) {
  if (!looksLikePaymentCode(code)) return std::nullopt;
  const bool wechat = code[0] == '1' && code[1] >= '0' && code[1] <= '5';
  return wechat ? TenderType::Wechat : TenderType::Alipay;
}

}  // namespace salon
