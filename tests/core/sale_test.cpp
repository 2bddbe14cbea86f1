#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "app/core/reversal.h"
#include "checkout_fixture.h"

using namespace salon;
using namespace salon::test;

namespace {

struct Counter {
  PriceBook book = demoBook();
  std::vector<MemberTier> tiers = demoTiers();
  CheckoutPolicy policy;
  SaleContext ctx() const { return {book, tiers, policy, StoreZone{}, kT0, "2026-05-28", "cash"}; }
};

SaleRequest request(std::vector<LineRequest> lines, std::vector<TenderRequest> tenders,
                    std::optional<CustomerId> customer = std::nullopt) {
  SaleRequest r;
  r.id = newUuid();
  r.customer = customer;
  r.lines = std::move(lines);
  r.tenders = std::move(tenders);
  return r;
}

void applyTo(MemberAccount& a, const Sale& s) {
  a.points = s.pointsAfter;
  a.svPrincipal = s.svPrincipalAfter;
  a.svBonus = s.svBonusAfter;
  a.arrears = s.arrearsAfter;
  a.packages = s.packagesAfter;
}

}  // namespace

TEST_CASE("a walk-in pays cash and gets change, no points") {
  Counter c;
  auto r = request({line("S-CUT", 1, {"beau"})}, {tender(TenderType::Cash, 10000)});
  Sale s = buildSale(r, nullptr, c.ctx());
  CHECK(s.totals.total == Money(8800));
  REQUIRE(s.tenders.size() == 1);
  CHECK(s.tenders[0].amount == Money(8800));
  CHECK(s.change == Money(1200));
  CHECK(s.pointsEarned == 0);
}

TEST_CASE("tender rules: references, shortfalls, overpayment, staff") {
  Counter c;
  CHECK_THROWS_WITH(buildSale(request({line("S-CUT")}, {tender(TenderType::Wechat, 8800)}), nullptr, c.ctx()),
                    Catch::Contains("tender_ref_required"));
  CHECK_THROWS_WITH(buildSale(request({line("S-CUT")}, {tender(TenderType::Card, 8000)}), nullptr, c.ctx()),
                    Catch::Contains("tenders_short"));
  CHECK_THROWS_WITH(buildSale(request({line("S-CUT")}, {tender(TenderType::Card, 9000)}), nullptr, c.ctx()),
                    Catch::Contains("overpaid"));
  CHECK_THROWS_WITH(buildSale(request({line("S-CUT", 1, {})}, {tender(TenderType::Card, 8800)}), nullptr, c.ctx()),
                    Catch::Contains("staff_required"));
  CHECK_THROWS_WITH(buildSale(request({line("S-FACIAL", 1, {"cash"})}, {tender(TenderType::Card, 12800)}), nullptr, c.ctx()),
                    Catch::Contains("staff_not_qualified"));
  CHECK_THROWS_WITH(buildSale(request({line("S-CUT", 1, {"a", "b", "c", "d"})}, {tender(TenderType::Card, 8800)}), nullptr, c.ctx()),
                    Catch::Contains("too_many_staff"));
  auto noApproval = request({line("S-CUT")}, {tender(TenderType::Card, 7800)});
  noApproval.orderDiscount = Money(1000);
  CHECK_THROWS_WITH(buildSale(noApproval, nullptr, c.ctx()), Catch::Contains("manager_approval_required"));
  noApproval.approvedBy = "mgr";
  noApproval.reason = "老顾客";
  CHECK(buildSale(noApproval, nullptr, c.ctx()).totals.total == Money(7800));
}

TEST_CASE("a member earns points only on money paid, stored value spends principal and bonus pro rata") {
  Counter c;
  MemberAccount a = member();
  a.svPrincipal = Money(100000);
  a.svBonus = Money(20000);
  // silver: hair 12 % off → 77.44; 30.00 from stored value (25 principal + 5 bonus), rest WeChat
  auto r = request({line("S-CUT")}, {tender(TenderType::StoredValue, 3000), tender(TenderType::Wechat, 4744, "WX1")}, 7);
  Sale s = buildSale(r, &a, c.ctx());
  CHECK(s.totals.total == Money(7744));
  CHECK(s.tenders[0].principal == Money(2500));
  CHECK(s.tenders[0].bonus == Money(500));
  CHECK(s.pointsEarned == (4744 + 2500) * 2 / 100);
  CHECK(s.svPrincipalAfter == Money(97500));
  CHECK(s.svBonusAfter == Money(19500));
}

TEST_CASE("a package is bought, used by session, and refunded at paid minus used at list price") {
  Counter c;
  MemberAccount a = member();
  Sale buy = buildSale(request({line("K-FACIAL10", 1, {"beau"})}, {tender(TenderType::Card, 88200)}, 7), &a, c.ctx());
  REQUIRE(buy.newPackages.size() == 1);  // 980 − 10 % silver face discount
  CHECK(buy.newPackages[0].paid == Money(88200));
  CHECK(buy.newPackages[0].sessionsLeft == 10);
  applyTo(a, buy);
  Sale use = buildSale(request({line("S-FACIAL", 2)}, {tender(TenderType::Package, 0, buy.newPackages[0].id)}, 7), &a, c.ctx());
  CHECK(use.tenders[0].sessions == 2);
  CHECK(use.pointsEarned == 0);
  CHECK(use.packagesAfter[0].sessionsLeft == 8);
  applyTo(a, use);
  ReversalRequest rr{newUuid(), SaleKind::Refund, {}, "不想做了", "mgr"};
  Sale back = buildReversal(rr, buy, {}, &a, c.ctx());
  CHECK(back.totals.total == -Money(88200 - 2 * 12800));
  CHECK(back.packagesAfter[0].sessionsLeft == 0);
  CHECK(back.pointsAfter >= 0);
}

TEST_CASE("arrears stay within the customer's limit and are refused while suspended") {
  Counter c;
  MemberAccount a = member();
  a.arrears = Money::yuan(450);
  auto r = request({line("S-CUT")}, {tender(TenderType::Arrears, 7744)}, 7);
  CHECK_THROWS_WITH(buildSale(r, &a, c.ctx()), Catch::Contains("arrears_limit"));
  a.arrears = Money::yuan(100);
  CHECK(buildSale(r, &a, c.ctx()).arrearsAfter == Money::yuan(100) + Money(7744));
  a.arrearsSuspended = true;
  CHECK_THROWS_WITH(buildSale(r, &a, c.ctx()), Catch::Contains("arrears_suspended"));
  a.arrearsOverride = true;
  CHECK_NOTHROW(buildSale(r, &a, c.ctx()));
  Sale pay = buildArrearsSettlement(newUuid(), a, {tender(TenderType::Cash, 10000)}, c.ctx());
  CHECK(pay.arrearsAfter == Money());
  CHECK_THROWS_WITH(buildArrearsSettlement(newUuid(), a, {tender(TenderType::Cash, 10001)}, c.ctx()),
                    Catch::Contains("overpaid"));
}

TEST_CASE("a void is same-day only and restores points and stored value") {
  Counter c;
  MemberAccount a = member();
  a.points = 1000;
  a.svPrincipal = Money(50000);
  a.svBonus = Money(10000);
  auto r = request({line("S-CUT"), line("P-SERUM", 1, {})},
                   {tender(TenderType::Points, 500), tender(TenderType::StoredValue, 20000), tender(TenderType::Cash, 20000)}, 7);
  Sale s = buildSale(r, &a, c.ctx());
  MemberAccount before = a;
  applyTo(a, s);
  ReversalRequest v{newUuid(), SaleKind::Void, {}, "收错了", "mgr"};
  Sale undo = buildReversal(v, s, {}, &a, c.ctx());
  CHECK(undo.totals.total == -s.totals.total);
  CHECK(undo.pointsAfter == before.points);
  CHECK(undo.svPrincipalAfter == before.svPrincipal);
  CHECK(undo.svBonusAfter == before.svBonus);
  auto nextDay = c.ctx();
  nextDay.businessDay = "2026-05-29";
  CHECK_THROWS_WITH(buildReversal(v, s, {}, &a, nextDay), Catch::Contains("void_other_day"));
  v.approvedBy = "";
  CHECK_THROWS_WITH(buildReversal(v, s, {}, &a, c.ctx()), Catch::Contains("manager_approval_required"));
}

TEST_CASE("the birthday month brings the birthday offer when it is the best, and doubles points") {
  Counter c;
  MemberAccount a = member(7, "basic");  // basic: hair 5 %; birthday 10 %
  a.birthday = CivilDate{1990, 5, 3};    // the sale is on 2026-05-28
  Sale s = buildSale(request({line("S-CUT")}, {tender(TenderType::Card, 7920)}, 7), &a, c.ctx());
  CHECK(s.birthday);
  CHECK(s.lines[0].totals.benefit == Benefit::Birthday);
  CHECK(s.pointsEarned == 79 * 2);
  a.birthday = CivilDate{1990, 6, 3};
  Sale other = buildSale(request({line("S-CUT")}, {tender(TenderType::Card, 8360)}, 7), &a, c.ctx());
  CHECK(other.lines[0].totals.benefit == Benefit::Tier);
  CHECK(other.pointsEarned == 83);
}

TEST_CASE("a payment code is told apart from a phone or member number") {
  CHECK(looksLikePaymentCode("134567890123456789"));    // WeChat: 18 digits, 10–15
  CHECK(looksLikePaymentCode("2834567890123456"));      // Alipay: 25–30
  CHECK_FALSE(looksLikePaymentCode("13800138000"));     // a phone
  CHECK_FALSE(looksLikePaymentCode("M00000001"));
  CHECK_FALSE(looksLikePaymentCode("S01-2026-000123"));
}

TEST_CASE("points pay at the configured rate, never more than the balance, top-ups take no stored value") {
  Counter c;
  c.policy.fenPerPoint = 2;
  MemberAccount a = member();
  a.points = 100;
  CHECK_THROWS_WITH(buildSale(request({line("S-CUT")}, {tender(TenderType::Points, 201), tender(TenderType::Cash, 7543)}, 7), &a, c.ctx()),
                    Catch::Contains("points_amount_not_whole"));
  CHECK_THROWS_WITH(buildSale(request({line("S-CUT")}, {tender(TenderType::Points, 202), tender(TenderType::Cash, 7542)}, 7), &a, c.ctx()),
                    Catch::Contains("points_short"));
  Sale s = buildSale(request({line("S-CUT")}, {tender(TenderType::Points, 200), tender(TenderType::Cash, 7544)}, 7), &a, c.ctx());
  CHECK(s.tenders[0].points == 100);
  CHECK(s.pointsAfter == 0 + s.pointsEarned);
  CHECK(s.pointsEarned == 7544 * 2 / 100);  // only on the cash
  a.svPrincipal = Money(200000);
  CHECK_THROWS_WITH(buildSale(request({line("V-1000", 1, {"cash"})}, {tender(TenderType::StoredValue, 100000)}, 7), &a, c.ctx()),
                    Catch::Contains("topup_needs_money"));
}
