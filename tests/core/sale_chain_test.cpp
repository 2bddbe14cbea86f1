// A sale spending chain value (issue 18): the split head office debited is the
// split the sale takes; what the store's own ledger lacks comes in first as
// "chain_in", so the store's balances never go below zero.
#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "checkout_fixture.h"

using namespace salon;
using namespace salon::test;

namespace {

SaleContext ctxOf(const PriceBook& book, const std::vector<MemberTier>& tiers, const CheckoutPolicy& policy) {
  return {book, tiers, policy, StoreZone{}, kT0, "2026-05-28", "cash"};
}

SaleRequest chainSale(Money storedValue, std::int64_t points, Money cash) {
  SaleRequest r;
  r.id = newUuid();
  r.customer = 7;
  r.lines = {line("S-CUT")};
  if (storedValue.fen) r.tenders.push_back(tender(TenderType::StoredValue, storedValue.fen));
  if (points) r.tenders.push_back(tender(TenderType::Points, points));
  r.tenders.push_back(tender(TenderType::Cash, cash.fen));
  return r;
}

}  // namespace

TEST_CASE("a chain spend takes head office's split and brings in what the store lacks") {
  PriceBook book = demoBook();
  std::vector<MemberTier> tiers = demoTiers();
  CheckoutPolicy policy;
  MemberAccount a = member();  // nothing held at this store
  a.svPrincipal = Money(1000);
  SaleRequest r = chainSale(Money(5000), 300, Money(10000));
  r.chain = ChainSpend{Money(4167), Money(833), 300, false, Money(5300)};
  Sale s = buildSale(r, &a, ctxOf(book, tiers, policy));
  REQUIRE(s.storedValue.size() >= 2);
  CHECK(s.storedValue[0].kind == "chain_in");
  CHECK(s.storedValue[0].principal == Money(3167));
  CHECK(s.storedValue[0].bonus == Money(833));
  CHECK(s.storedValue[1].kind == "spend");
  CHECK(s.storedValue[1].principal == Money(-4167));
  CHECK(s.storedValue[1].bonus == Money(-833));
  CHECK(s.points[0].kind == "chain_in");
  CHECK(s.points[0].delta == 300);
  CHECK(s.svPrincipalAfter == Money(0));
  CHECK(s.svBonusAfter == Money(0));
  REQUIRE(s.chain);
  CHECK(s.chain->worth == Money(5300));
}

TEST_CASE("a chain spend held at the store needs no cover, and must take exactly the debit") {
  PriceBook book = demoBook();
  std::vector<MemberTier> tiers = demoTiers();
  CheckoutPolicy policy;
  MemberAccount a = member();
  a.svPrincipal = Money(100000);
  a.svBonus = Money(20000);
  SaleRequest r = chainSale(Money(5000), 0, Money(10000));
  r.chain = ChainSpend{Money(5000), Money(0), 0, false, Money(5000)};  // head office's own split
  Sale s = buildSale(r, &a, ctxOf(book, tiers, policy));
  REQUIRE(s.storedValue.size() == 1);
  CHECK(s.storedValue[0].principal == Money(-5000));
  CHECK(s.storedValue[0].bonus == Money(0));
  CHECK(s.svPrincipalAfter == Money(95000));
  r.chain = ChainSpend{Money(4000), Money(0), 0, false, Money(4000)};
  CHECK_THROWS_WITH(buildSale(r, &a, ctxOf(book, tiers, policy)), Catch::Contains("chain_spend_mismatch"));
  r.chain = ChainSpend{Money(6000), Money(0), 0, false, Money(6000)};
  CHECK_THROWS_WITH(buildSale(r, &a, ctxOf(book, tiers, policy)), Catch::Contains("chain_spend_mismatch"));
  r.chain = ChainSpend{Money(1000), Money(1000), 0, false, Money(2000)};  // bonus short of the tender
  CHECK_THROWS_WITH(buildSale(r, &a, ctxOf(book, tiers, policy)), Catch::Contains("chain_spend_mismatch"));
}
