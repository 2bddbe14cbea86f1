// Promotions of four kinds: what each takes off a line, what is refused when set
// up, and that the cart still applies the best ONE of promotion / tier / birthday.
#include <catch2/catch.hpp>

#include "app/core/checkout.h"
#include "app/core/error.h"
#include "app/core/promotion.h"
#include "checkout_fixture.h"

using namespace salon;
using namespace salon::test;

namespace {

Promotion promo(PromotionKind kind, const std::string& item = "S-CUT") {
  Promotion p{"p-" + std::string(promotionKindName(kind)), "promo", item, "", 0, kT0 + kHour, kT0 + 7 * kDay};
  p.kind = kind;
  return p;
}

CheckoutSetup setupWith(const Promotion& p) {
  CheckoutSetup s{demoBook(), demoTiers(), CheckoutPolicy{}, StoreZone{}};
  s.prices.addPromotion(p);
  return s;
}

CartTotals priced(const CheckoutSetup& s, const std::string& item, int qty, const MemberAccount* account) {
  std::vector<CartLine> lines;
  CartTotals t;
  priceCart({{item, qty}}, Money(), account, s, kT0 + 2 * kHour, lines, t);
  return t;
}

}  // namespace

TEST_CASE("each kind of promotion takes its own amount off a line") {
  Promotion pct = promo(PromotionKind::PercentOff);
  pct.percentOffBp = 2000;
  CHECK(promotionOff(pct, Money::yuan(88), 2, false) == Money::yuan(35) + Money(20));  // 20 % of 176.00

  Promotion fixed = promo(PromotionKind::FixedPrice);
  fixed.price = Money::yuan(68);
  CHECK(promotionOff(fixed, Money::yuan(88), 3, false) == Money::yuan(60));
  CHECK(promotionOff(fixed, Money::yuan(60), 1, false) == Money());  // above the list price: nothing

  Promotion members = promo(PromotionKind::MemberPrice);
  members.price = Money::yuan(68);
  CHECK(promotionOff(members, Money::yuan(88), 1, true) == Money::yuan(20));
  CHECK(promotionOff(members, Money::yuan(88), 1, false) == Money());  // a walk-in pays the list price

  Promotion buy2 = promo(PromotionKind::BuyGetFree);
  buy2.buyQty = 2;
  buy2.freeQty = 1;
  CHECK(promotionOff(buy2, Money(29900), 2, false) == Money());
  CHECK(promotionOff(buy2, Money(29900), 3, false) == Money(29900));
  CHECK(promotionOff(buy2, Money(29900), 5, false) == Money(29900));
  CHECK(promotionOff(buy2, Money(29900), 6, false) == Money(59800));
}

TEST_CASE("a promotion's figures are checked for its kind") {
  Promotion pct = promo(PromotionKind::PercentOff);
  CHECK_THROWS_WITH(checkNewPromotion(pct, kT0), Catch::Contains("promotion_bad_percent"));
  Promotion fixed = promo(PromotionKind::FixedPrice);
  fixed.price = Money(-1);
  CHECK_THROWS_WITH(checkNewPromotion(fixed, kT0), Catch::Contains("promotion_bad_price"));
  fixed.price = Money();  // free while it runs is allowed (a 0-yuan trial)
  CHECK_NOTHROW(checkNewPromotion(fixed, kT0));
  Promotion buy = promo(PromotionKind::BuyGetFree);
  buy.buyQty = 2;
  CHECK_THROWS_WITH(checkNewPromotion(buy, kT0), Catch::Contains("promotion_bad_quantity"));
  buy.freeQty = 98;
  CHECK_THROWS_WITH(checkNewPromotion(buy, kT0), Catch::Contains("promotion_bad_quantity"));
  buy.freeQty = 1;
  CHECK_NOTHROW(checkNewPromotion(buy, kT0));
  CHECK(promotionKindFromName("buy_get_free") == PromotionKind::BuyGetFree);
  CHECK_FALSE(promotionKindFromName("half_off"));
}

TEST_CASE("a member price beats a smaller tier discount, a walk-in pays the list price") {
  Promotion members = promo(PromotionKind::MemberPrice);
  members.price = Money::yuan(68);
  CheckoutSetup s = setupWith(members);
  MemberAccount silver = member();  // silver: hair 12 % off (¥10.56 of ¥88)
  CartTotals m = priced(s, "S-CUT", 1, &silver);
  CHECK(m.lines[0].benefit == Benefit::Promotion);
  CHECK(m.lines[0].benefitAmount == Money::yuan(20));
  CHECK(m.total == Money::yuan(68));
  CartTotals walkIn = priced(s, "S-CUT", 1, nullptr);
  CHECK(walkIn.lines[0].benefit == Benefit::None);
  CHECK(walkIn.total == Money::yuan(88));
  MemberAccount suspended = member();
  suspended.arrearsSuspended = true;
  CHECK(priced(s, "S-CUT", 1, &suspended).total == Money::yuan(88));  // a suspended member prices as a walk-in
}

TEST_CASE("buy two get one free in the cart, and the best one of the benefits still wins") {
  Promotion buy2 = promo(PromotionKind::BuyGetFree, "P-SERUM");
  buy2.buyQty = 2;
  buy2.freeQty = 1;
  CheckoutSetup s = setupWith(buy2);
  CHECK(priced(s, "P-SERUM", 3, nullptr).total == Money(59800));
  MemberAccount gold = member(7, "gold");  // gold: product 8 % off = ¥71.76 of ¥897, less than one free ¥299
  CartTotals g = priced(s, "P-SERUM", 3, &gold);
  CHECK(g.lines[0].benefit == Benefit::Promotion);
  CHECK(g.total == Money(59800));
  CartTotals two = priced(s, "P-SERUM", 2, &gold);  // not a whole 2 + 1: the tier's 8 % applies
  CHECK(two.lines[0].benefit == Benefit::Tier);
  CHECK(two.lines[0].benefitAmount == Money(4784));
}
