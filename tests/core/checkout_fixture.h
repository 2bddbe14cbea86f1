#pragma once
// A small salon catalog, tiers and policy shared by the checkout tests.
#include "app/core/catalog.h"
#include "app/core/checkout_policy.h"
#include "app/core/member_tier.h"
#include "app/core/sale.h"
#include "app/core/uuid.h"

namespace salon::test {

constexpr Instant kT0 = 1'780'000'000'000;  // 2026-05-28

inline PriceBook demoBook() {
  PriceBook b;
  b.addItem({"S-CUT", "洗剪吹", ItemKind::Service, "hair", 45, {}, "", 0, 0, Money(), true});
  b.addItem({"S-FACIAL", "深层补水护理", ItemKind::Service, "face", 60, {"beau"}, "", 0, 0, Money(), true});
  b.addItem({"P-SERUM", "玻尿酸精华", ItemKind::Product, "product", 0, {}, "", 0, 0, Money(), true});
  b.addItem({"K-FACIAL10", "补水护理10次卡", ItemKind::Package, "face", 0, {}, "S-FACIAL", 10, 365, Money(), true});
  b.addItem({"V-1000", "储值1000送200", ItemKind::StoredValuePlan, "stored_value", 0, {}, "", 0, 0, Money::yuan(200), true});
  b.addPrice({"S-CUT", Money::yuan(88), 0});
  b.addPrice({"S-FACIAL", Money::yuan(128), 0});
  b.addPrice({"P-SERUM", Money(29900), 0});
  b.addPrice({"K-FACIAL10", Money::yuan(980), 0});
  b.addPrice({"V-1000", Money::yuan(1000), 0});
  return b;
}

inline std::vector<MemberTier> demoTiers() {
  return {{"basic", "普通会员", 0, Money(), 0, 1, {{"hair", 500}}},
          {"silver", "银卡", 1, Money::yuan(3000), 12, 2, {{"hair", 1200}, {"face", 1000}, {"product", 500}}},
          {"gold", "金卡", 2, Money::yuan(10000), 30, 3, {{"hair", 2000}, {"face", 1500}, {"product", 800}}}};
}

inline MemberAccount member(CustomerId id = 7, const std::string& tier = "silver") {
  MemberAccount a;
  a.customerId = id;
  a.name = "张三";
  a.member = true;
  a.tierCode = tier;
  a.birthday = CivilDate{1990, 1, 15};
  a.arrearsLimit = Money::yuan(500);
  return a;
}

inline LineRequest line(const std::string& item, int qty = 1, std::vector<std::string> staff = {"beau"}) {
  LineRequest l;
  l.item = item;
  l.qty = qty;
  l.staff = std::move(staff);
  return l;
}

inline TenderRequest tender(TenderType t, std::int64_t fen, const std::string& ref = "") {
  TenderRequest r;
  r.type = t;
  r.amount = Money(fen);
  r.ref = ref;
  return r;
}

}  // namespace salon::test
