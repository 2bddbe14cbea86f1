#include "app/core/promotion.h"

#include "app/core/cart.h"  // percentOf
#include "app/core/error.h"

namespace salon {

namespace {
constexpr PromotionKind kKinds[] = {PromotionKind::PercentOff, PromotionKind::FixedPrice,
                                    PromotionKind::MemberPrice, PromotionKind::BuyGetFree};
constexpr int kMaxGroup = 99;  // N + M: a bigger bundle is a typing slip
}  // namespace

const char* promotionKindName(PromotionKind k) {
  switch (k) {
    case PromotionKind::PercentOff: return "percent_off";
    case PromotionKind::FixedPrice: return "fixed_price";
    case PromotionKind::MemberPrice: return "member_price";
    case PromotionKind::BuyGetFree: return "buy_get_free";
  }
  return "?";
}

std::optional<PromotionKind> promotionKindFromName(const std::string& name) {
  for (PromotionKind k : kKinds)
    if (name == promotionKindName(k)) return k;
  return std::nullopt;
}

Money promotionOff(const Promotion& p, Money unitPrice, int qty, bool member) {
  if (qty <= 0 || unitPrice.fen <= 0) return Money();
  switch (p.kind) {
    case PromotionKind::PercentOff: return percentOf(unitPrice * qty, p.percentOffBp);
    case PromotionKind::MemberPrice:
      if (!member) return Money();
      [[fallthrough]];
    case PromotionKind::FixedPrice: return unitPrice > p.price ? (unitPrice - p.price) * qty : Money();
    case PromotionKind::BuyGetFree: {
      const int group = p.buyQty + p.freeQty;
      if (p.buyQty <= 0 || p.freeQty <= 0) return Money();
      return unitPrice * (qty / group * p.freeQty);
    }
  }
  return Money();
}

void checkNewPromotion(const Promotion& p, Instant now) {
  if (p.from < now) throw DomainError("promotion_start_past", p.id);
  if (p.until <= p.from) throw DomainError("promotion_bad_period", p.id);
  if (p.itemCode.empty() == p.category.empty()) throw DomainError("promotion_bad_target", p.id);
  switch (p.kind) {
    case PromotionKind::PercentOff:
      if (p.percentOffBp <= 0 || p.percentOffBp > 10000) throw DomainError("promotion_bad_percent", p.id);
      break;
    case PromotionKind::FixedPrice:
    case PromotionKind::MemberPrice:
      if (p.price.fen < 0) throw DomainError("promotion_bad_price", p.id);
      break;
    case PromotionKind::BuyGetFree:
      if (p.buyQty < 1 || p.freeQty < 1 || p.buyQty + p.freeQty > kMaxGroup)
        throw DomainError("promotion_bad_quantity", p.id);
      break;
  }
}

}  // namespace salon
