#include <catch2/catch.hpp>

#include "app/core/cart.h"
#include "app/core/error.h"
#include "checkout_fixture.h"

using namespace salon;
using namespace salon::test;

namespace {
CartLine cl(std::int64_t unit, int qty, int promo = 0, int tier = 0, int bday = 0, std::int64_t disc = 0) {
  CartLine l;
  l.unitPrice = Money(unit);
  l.qty = qty;
  l.promotionOff = percentOf(Money(unit) * qty, promo);  // a percent-off promotion's amount
  l.tierBp = tier;
  l.birthdayBp = bday;
  l.manualDiscount = Money(disc);
  return l;
}
}  // namespace

TEST_CASE("only the best of promotion, tier and birthday applies") {
  CheckoutPolicy p;
  auto t = cartTotals({cl(12800, 1, 500, 1200, 1000)}, Money(), p);
  CHECK(t.lines[0].benefit == Benefit::Tier);
  CHECK(t.lines[0].benefitAmount == Money(1536));  // 12 % of 128.00
  CHECK(t.total == Money(12800 - 1536));
  auto b = cartTotals({cl(12800, 1, 500, 0, 1000)}, Money(), p);
  CHECK(b.lines[0].benefit == Benefit::Birthday);
  CHECK(b.total == Money(11520));
}

TEST_CASE("manual discounts come after the benefit and may not exceed the price") {
  CheckoutPolicy p;
  auto t = cartTotals({cl(10000, 1, 1000, 0, 0, 500), cl(5000, 2)}, Money(1000), p);
  // line 1: 100 - 10 - 5 = 85; line 2: 100; order discount 10 spread 85:100
  CHECK(t.subtotal == Money(17500));
  CHECK(t.lines[0].net + t.lines[1].net == t.total);
  CHECK(t.lines[0].net == Money(8500 - 459));
  CHECK_THROWS_AS(cartTotals({cl(100, 1, 0, 0, 0, 101)}, Money(), p), DomainError);
  CHECK_THROWS_AS(cartTotals({cl(100, 1)}, Money(101), p), DomainError);
}

TEST_CASE("抹零 rounds down and shows the difference, tax is inside the price by default") {
  CheckoutPolicy p;
  p.rounding = Rounding::Yuan;
  auto t = cartTotals({cl(12345, 1), cl(999, 1)}, Money(), p);
  CHECK(t.rounding == Money(44));
  CHECK(t.total == Money(13300));
  CHECK(t.lines[0].net + t.lines[1].net == Money(13300));
  CHECK(t.tax == Money(753));  // 13300 × 6 / 106 = 752.8
  p.rounding = Rounding::Jiao;
  CHECK(cartTotals({cl(12345, 1)}, Money(), p).total == Money(12340));
  p.rounding = Rounding::None;
  p.taxInclusive = false;
  auto ex = cartTotals({cl(10000, 1)}, Money(), p);
  CHECK(ex.tax == Money(600));
  CHECK(ex.total == Money(10600));
  CHECK(ex.lines[0].net == Money(10600));
}

TEST_CASE("a promotion must be set up before it starts, prices change on their date") {
  Promotion promo{"p1", "周年庆", "S-CUT", "", 2000, kT0 - 1, kT0 + kDay};
  CHECK_THROWS_WITH(checkNewPromotion(promo, kT0), Catch::Contains("promotion_start_past"));
  promo.from = kT0 + kHour;
  CHECK_NOTHROW(checkNewPromotion(promo, kT0));
  PriceBook b = demoBook();
  b.addPrice({"S-CUT", Money::yuan(98), kT0});
  CHECK(*b.priceAt("S-CUT", kT0 - 1) == Money::yuan(88));
  CHECK(*b.priceAt("S-CUT", kT0) == Money::yuan(98));
  b.addPromotion(promo);
  const CatalogItem& cut = b.require("S-CUT");
  CHECK(b.promotionAt(cut, Money::yuan(98), 1, false, kT0).promotion == nullptr);
  CHECK(b.promotionAt(cut, Money::yuan(98), 1, false, kT0 + kHour).off == Money(1960));  // 20 % of 98
  CHECK(b.promotionAt(cut, Money::yuan(98), 1, false, kT0 + kDay).off == Money());
}

TEST_CASE("tiers move up at once and down only at the period end") {
  auto tiers = demoTiers();
  CHECK(earnedTier(tiers, Money::yuan(2999), 0).code == "basic");
  CHECK(earnedTier(tiers, Money::yuan(3000), 0).code == "silver");
  CHECK(earnedTier(tiers, Money(), 30).code == "gold");
  CHECK(nextTier(tiers, "basic", Money::yuan(12000), 0, false).code == "gold");
  CHECK(nextTier(tiers, "gold", Money(), 0, false).code == "gold");
  CHECK(nextTier(tiers, "gold", Money::yuan(3500), 0, true).code == "silver");
}

TEST_CASE("stored value is spent pro rata, packages refund paid minus used at list price") {
  auto s = splitStoredValue(Money(6000), Money(100000), Money(20000));
  CHECK(s.principal == Money(5000));
  CHECK(s.bonus == Money(1000));
  auto all = splitStoredValue(Money(120000), Money(100000), Money(20000));
  CHECK(all.principal == Money(100000));
  CHECK(all.bonus == Money(20000));
  CustomerPackage p{"x", "S-FACIAL", "K", 10, 7, Money::yuan(980), Money::yuan(128), 0};
  CHECK(packageRefund(p) == Money::yuan(980 - 3 * 128));
  p.sessionsLeft = 2;
  CHECK(packageRefund(p) == Money());
}

TEST_CASE("arrears suspend after N reminders or D days, expiring points are first in, first out") {
  CHECK_FALSE(arrearsSuspends(Money(), 9, 1, 100 * kDay, 3, 30));
  CHECK(arrearsSuspends(Money(100), 3, 0, 0, 3, 30));
  CHECK_FALSE(arrearsSuspends(Money(100), 2, kDay, 30 * kDay, 3, 30));
  CHECK(arrearsSuspends(Money(100), 2, kDay, 31 * kDay, 3, 30));
  CHECK(pointsToExpire(500, 200) == 300);
  CHECK(pointsToExpire(500, 800) == 0);
}
