// The checkout rules the counter screen and buildSale share: one pricing
// function, the tender the cashier may add, the bounds of every tender, and
// which wallet a payment code pays from.
#include <catch2/catch.hpp>

#include "app/core/checkout.h"
#include "app/core/error.h"
#include "checkout_fixture.h"

using namespace salon;
using namespace salon::test;

namespace {

CheckoutSetup setup() {
  CheckoutSetup s{demoBook(), demoTiers(), CheckoutPolicy{}, StoreZone{}};
  s.policy.rounding = Rounding::Jiao;
  return s;
}

std::string codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "";
}

SaleRequest request(std::vector<LineRequest> lines, std::vector<TenderRequest> tenders,
                    std::optional<CustomerId> customer = std::nullopt) {
  SaleRequest r;
  r.id = newUuid();
  r.customer = customer;
  r.lines = std::move(lines);
  r.tenders = std::move(tenders);
  return r;
}

}  // namespace

TEST_CASE("checkout: the screen's running totals are the totals buildSale stores, member and birthday included") {
  CheckoutSetup s = setup();
  MemberAccount m = member(7, "silver");
  m.birthday = CivilDate{1990, localDate(kT0, s.zone).month, 3};  // the birthday month: the better offer wins
  const std::vector<CartItem> items = {{"S-CUT", 1}, {"S-FACIAL", 2}, {"P-SERUM", 3}};
  for (const MemberAccount* who : {static_cast<const MemberAccount*>(nullptr), static_cast<const MemberAccount*>(&m)}) {
    std::vector<CartLine> lines;
    CartTotals shown;
    priceCart(items, Money(500), who, s, kT0, lines, shown);
    SaleRequest r = request({line("S-CUT"), line("S-FACIAL", 2), line("P-SERUM", 3, {"cash"})}, {},
                            who ? std::optional<CustomerId>(7) : std::nullopt);
    r.orderDiscount = Money(500);
    r.approvedBy = "mgr";
    r.reason = "counter discount";
    r.tenders.push_back({TenderType::Card, shown.total, std::nullopt, ""});
    SaleContext ctx{s.prices, s.tiers, s.policy, s.zone, kT0, "2026-05-28", "cash"};
    Sale sale = buildSale(r, who, ctx);
    CHECK(sale.totals.total == shown.total);
    CHECK(sale.totals.benefits == shown.benefits);
    CHECK(sale.totals.rounding == shown.rounding);
    REQUIRE(sale.lines.size() == shown.lines.size());
    for (std::size_t i = 0; i < shown.lines.size(); ++i) {
      CHECK(sale.lines[i].totals.net == shown.lines[i].net);
      CHECK(sale.lines[i].totals.benefit == shown.lines[i].benefit);
    }
  }
}

TEST_CASE("checkout: price terms: a walk-in and a suspended member get none, a member without a tier prices at the entry tier") {
  CheckoutSetup s = setup();
  CHECK(priceTerms(nullptr, s.tiers, s.zone, kT0).tier == nullptr);
  MemberAccount m = member(7, "");
  PriceTerms t = priceTerms(&m, s.tiers, s.zone, kT0);
  REQUIRE(t.tier);
  CHECK(t.tier->code == "basic");
  m.arrearsSuspended = true;
  CHECK(priceTerms(&m, s.tiers, s.zone, kT0).tier == nullptr);
  m.arrearsOverride = true;
  CHECK(priceTerms(&m, s.tiers, s.zone, kT0).tier != nullptr);
}

TEST_CASE("checkout: the tender the cashier adds: only cash gives change, others pay at most what is left") {
  CheckoutPolicy p;
  TenderRequest cash = proposeTender(TenderType::Cash, Money(20000), Money(12800), {}, nullptr, p);
  CHECK(cash.amount == Money(20000));
  CHECK(cash.handed == Money(20000));
  TenderRequest card = proposeTender(TenderType::Card, Money(20000), Money(12800), {}, nullptr, p);
  CHECK(card.amount == Money(12800));
  TenderRequest rest = proposeTender(TenderType::Card, std::nullopt, Money(12800), {}, nullptr, p);
  CHECK(rest.amount == Money(12800));
  CHECK(codeOf([&] { proposeTender(TenderType::Wechat, std::nullopt, Money(100), {}, nullptr, p); }) ==
        "tender_ref_required");
  TenderRequest wx = proposeTender(TenderType::Wechat, std::nullopt, Money(100), {}, nullptr, p, "134567890123456789");
  CHECK(wx.ref == "134567890123456789");
  CHECK(codeOf([&] { proposeTender(TenderType::StoredValue, std::nullopt, Money(100), {}, nullptr, p); }) ==
        "customer_required");
}

TEST_CASE("checkout: balances are checked with the tenders already added") {
  CheckoutPolicy p;
  p.fenPerPoint = 100;
  MemberAccount m = member();
  m.svPrincipal = Money(5000);
  m.svBonus = Money(1000);
  m.points = 30;
  // Stored value: what is left of the balance when no amount is typed; more is refused.
  TenderRequest sv = proposeTender(TenderType::StoredValue, std::nullopt, Money(10000), {}, &m, p);
  CHECK(sv.amount == Money(6000));
  CHECK(codeOf([&] { proposeTender(TenderType::StoredValue, Money(1), Money(4000), {sv}, &m, p); }) ==
        "stored_value_short");
  // Points: whole points only.
  TenderRequest pts = proposeTender(TenderType::Points, std::nullopt, Money(2550), {}, &m, p);
  CHECK(pts.amount == Money(2500));
  CHECK(codeOf([&] { proposeTender(TenderType::Points, Money(150), Money(5000), {}, &m, p); }) ==
        "points_amount_not_whole");
  CHECK(codeOf([&] { proposeTender(TenderType::Points, Money(600), Money(5000), {pts}, &m, p); }) == "points_short");
  // Arrears: up to the limit, never while suspended.
  TenderRequest owe = proposeTender(TenderType::Arrears, Money::yuan(400), Money::yuan(600), {}, &m, p);
  CHECK(codeOf([&] { proposeTender(TenderType::Arrears, Money::yuan(200), Money::yuan(200), {owe}, &m, p); }) ==
        "arrears_limit");
  m.arrearsSuspended = true;
  CHECK(codeOf([&] { proposeTender(TenderType::Arrears, Money(100), Money(100), {}, &m, p); }) == "arrears_suspended");
}

TEST_CASE("checkout: bounded tenders: a long ref, change above checkout.max_change, an amount above the store limit") {
  CheckoutPolicy p;
  CHECK(p.maxChange == Money(100000));  // ¥1,000 by default
  // At the screen.
  CHECK(codeOf([&] { proposeTender(TenderType::Cash, Money(100000 + 12800 + 1), Money(12800), {}, nullptr, p); }) ==
        "change_too_large");
  CHECK(proposeTender(TenderType::Cash, Money(100000 + 12800), Money(12800), {}, nullptr, p).amount ==
        Money(112800));
  CHECK(codeOf([&] { proposeTender(TenderType::Card, Money(1), Money(p.maxTender.fen + 1), {}, nullptr, p); }) ==
        "");
  CHECK(codeOf([&] {
          proposeTender(TenderType::Card, std::nullopt, Money(p.maxTender.fen + 1), {}, nullptr, p);
        }) == "tender_too_large");
  CHECK(codeOf([&] {
          proposeTender(TenderType::Alipay, std::nullopt, Money(100), {}, nullptr, p, std::string(65, '2'));
        }) == "tender_ref_too_long");
  // At 结账, whatever the caller sent.
  CheckoutSetup s = setup();
  SaleContext ctx{s.prices, s.tiers, s.policy, s.zone, kT0, "2026-05-28", "cash"};
  TenderRequest huge = tender(TenderType::Cash, 9223372036854775807LL);
  CHECK(codeOf([&] { buildSale(request({line("S-CUT")}, {huge}), nullptr, ctx); }) == "tender_too_large");
  TenderRequest handed = tender(TenderType::Cash, 8800);
  handed.handed = Money(8800 + 100001);
  CHECK(codeOf([&] { buildSale(request({line("S-CUT")}, {handed}), nullptr, ctx); }) == "change_too_large");
  handed.handed = Money(8800 + 100000);
  CHECK(buildSale(request({line("S-CUT")}, {handed}), nullptr, ctx).change == Money(100000));
  CHECK(codeOf([&] {
          buildSale(request({line("S-CUT")}, {tender(TenderType::Card, 8800, std::string(65, 'x'))}), nullptr, ctx);
        }) == "tender_ref_too_long");
  CHECK(buildSale(request({line("S-CUT")}, {tender(TenderType::Card, 8800, std::string(64, 'x'))}), nullptr, ctx)
            .tenders[0].ref.size() == 64);
  s.policy.maxChange = Money(500);
  CHECK(codeOf([&] { buildSale(request({line("S-CUT")}, {tender(TenderType::Cash, 10000)}), nullptr, ctx); }) ==
        "change_too_large");
}

TEST_CASE("checkout: a payment code's wallet: WeChat Pay 10–15, Alipay 25–30, anything else none") {
  CHECK(paymentCodeKind("134567890123456789") == TenderType::Wechat);
  CHECK(paymentCodeKind("104567890123456789") == TenderType::Wechat);
  CHECK(paymentCodeKind("284567890123456789") == TenderType::Alipay);
  CHECK(paymentCodeKind("2845678901234567") == TenderType::Alipay);
  CHECK_FALSE(paymentCodeKind("13912345678"));
  CHECK_FALSE(paymentCodeKind("M00000001"));
  CHECK_FALSE(paymentCodeKind("164567890123456789"));
}
