// Property: for random carts, tenders and refunds, every total adds up to the fen,
// and refunding everything brings every balance back to where it was.
#include <catch2/catch.hpp>

#include <random>

#include "app/core/error.h"
#include "app/core/reversal.h"
#include "checkout_fixture.h"

using namespace salon;
using namespace salon::test;

namespace {

void applyTo(MemberAccount& a, const Sale& s) {
  a.points = s.pointsAfter;
  a.svPrincipal = s.svPrincipalAfter;
  a.svBonus = s.svBonusAfter;
  a.arrears = s.arrearsAfter;
  a.packages = s.packagesAfter;
}

Money sumTenders(const Sale& s) {
  Money m;
  for (const auto& t : s.tenders) m += t.amount;
  return m;
}

}  // namespace

TEST_CASE("property: random sales and refunds add up to the fen") {
  std::mt19937 rng(20261122);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  PriceBook book = demoBook();
  auto tiers = demoTiers();
  const char* items[] = {"S-CUT", "S-FACIAL", "P-SERUM"};
  for (int round = 0; round < 400; ++round) {
    CheckoutPolicy policy;
    policy.rounding = static_cast<Rounding>(pick(0, 2));
    policy.taxInclusive = pick(0, 3) != 0;
    policy.fenPerPoint = pick(1, 3);
    SaleContext ctx{book, tiers, policy, StoreZone{}, kT0 + pick(0, 365) * kDay, "2026-05-28", "cash"};
    MemberAccount a = member(7, tiers[static_cast<std::size_t>(pick(0, 2))].code);
    a.points = pick(0, 5000);
    a.svPrincipal = Money(pick(0, 200000));
    a.svBonus = Money(pick(0, 40000));
    const MemberAccount start = a;
    SaleRequest r;
    r.id = newUuid();
    r.customer = 7;
    int n = pick(1, 8);
    for (int i = 0; i < n; ++i) {
      LineRequest l = line(items[pick(0, 2)], pick(1, 3), {"beau"});
      if (pick(0, 4) == 0) l.discount = Money(pick(0, 500));
      r.lines.push_back(l);
    }
    if (pick(0, 3) == 0) {
      r.orderDiscount = Money(pick(0, 2000));
      r.approvedBy = "mgr";
      r.reason = "test";
    }
    r.approvedBy = "mgr";
    r.reason = "test";
    // Price it first, then split the total over random tenders.
    SaleRequest probe = r;
    probe.tenders = {tender(TenderType::Card, 0)};
    Money total;
    try {
      buildSale(probe, &a, ctx);
    } catch (const DomainError& e) {
      if (std::string(e.code()) != "tenders_short") throw;
      Money missing;
      REQUIRE(parseYuan(e.detail(), missing));
      total = missing;
    }
    Money left = total;
    std::int64_t pts = std::min<std::int64_t>(a.points * policy.fenPerPoint, left.fen / 3);
    pts -= pts % policy.fenPerPoint;
    if (pts > 0) { r.tenders.push_back(tender(TenderType::Points, pts)); left -= Money(pts); }
    Money sv = std::min(a.svPrincipal + a.svBonus, Money(left.fen / 2));
    if (sv.fen > 0) { r.tenders.push_back(tender(TenderType::StoredValue, sv.fen)); left -= sv; }
    Money card(left.fen / 3);
    if (card.fen > 0) { r.tenders.push_back(tender(TenderType::Card, card.fen)); left -= card; }
    TenderRequest cash = tender(TenderType::Cash, left.fen + pick(0, 5000));
    r.tenders.push_back(cash);

    Sale s = buildSale(r, &a, ctx);
    INFO("round " << round);
    Money lineSum;
    for (const auto& l : s.lines) lineSum += l.totals.net;
    REQUIRE(lineSum == s.totals.total);
    REQUIRE(sumTenders(s) == s.totals.total);
    REQUIRE(s.totals.total == s.totals.subtotal + (policy.taxInclusive ? Money() : s.totals.tax) - s.totals.rounding);
    REQUIRE(s.change == Money(cash.amount.fen) - s.tenders.back().amount);
    REQUIRE(s.pointsAfter >= 0);
    applyTo(a, s);

    // Refund in random pieces until nothing is left.
    std::vector<Sale> done;
    Money refunded;
    for (int guard = 0; guard < 50; ++guard) {
      std::vector<std::pair<int, int>> want;
      for (const auto& l : s.lines) {
        int used = 0;
        for (const auto& d : done)
          for (const auto& rl : d.lines)
            if (rl.reversesLine == l.lineNo) used += -rl.qty;
        if (used < l.qty && pick(0, 1)) want.push_back({l.lineNo, pick(1, l.qty - used)});
      }
      bool lastOne = guard == 49;
      if (want.empty() && !lastOne) continue;
      ReversalRequest rr{newUuid(), SaleKind::Refund, lastOne ? std::vector<std::pair<int, int>>{} : want, "r", "mgr"};
      Sale back;
      try {
        back = buildReversal(rr, s, done, &a, ctx);
      } catch (const DomainError& e) {
        if (lastOne && std::string(e.code()) == "already_reversed") break;
        throw;
      }
      Money rl;
      for (const auto& l : back.lines) rl += l.totals.net;
      REQUIRE(rl == back.totals.total);
      REQUIRE(sumTenders(back) == back.totals.total);
      refunded += back.totals.total;
      applyTo(a, back);
      REQUIRE(a.points >= 0);
      REQUIRE(a.svPrincipal.fen >= 0);
      REQUIRE(a.svBonus.fen >= 0);
      done.push_back(back);
    }
    REQUIRE(refunded == -s.totals.total);
    // Everything refunded: redeemed points and stored value are back, earned points gone.
    REQUIRE(a.svPrincipal == start.svPrincipal);
    REQUIRE(a.svBonus == start.svBonus);
    REQUIRE(a.points == start.points);
  }
}
