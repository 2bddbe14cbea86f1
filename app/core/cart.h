#pragma once
// A cart's totals, by the salon's money rules, in integer fen:
//   per line: list price × qty → the best ONE of promotion / member-tier
//   discount / birthday offer → the line's manual discount; then the order's
//   manual discount (spread over the lines); tax; 抹零 (rounded down, its own
//   line). The result says what each line finally costs, so refunds are exact.
// Pure: no allocation beyond the result, no clock, no lookups.
#include <string>
#include <vector>

#include "app/core/catalog.h"
#include "app/core/checkout_policy.h"
#include "app/core/money.h"

namespace salon {

enum class Benefit { None, Promotion, Tier, Birthday };
const char* benefitName(Benefit b);

struct CartLine {
  Money unitPrice;       // the list price in force (or a manager's override)
  int qty = 1;
  bool benefitsApply = true;  // stored-value plans take no discount
  Money promotionOff;    // what the best promotion takes off the line (PriceBook::promotionAt)
  int tierBp = 0;
  int birthdayBp = 0;
  Money manualDiscount;  // this line's manual discount
};

struct LineTotals {
  Money gross;           // unitPrice × qty
  Benefit benefit = Benefit::None;
  Money benefitAmount;   // the best of promotion / tier / birthday
  Money manualDiscount;  // the line's own plus its share of the order's
  Money adjustment;      // its share of tax (exclusive) and 抹零
  Money net;             // what the line finally costs
};

struct CartTotals {
  Money gross;
  Money benefits;
  Money lineDiscounts;
  Money orderDiscount;
  Money subtotal;   // after discounts, before tax (exclusive) and 抹零
  Money tax;        // included in total when tax-inclusive, added otherwise
  Money rounding;   // ≥ 0: what 抹零 took off
  Money total;      // what the customer owes
  bool taxInclusive = true;
  std::vector<LineTotals> lines;
};

// DomainError: bad_quantity, negative_price, discount_too_large.
CartTotals cartTotals(const std::vector<CartLine>& lines, Money orderDiscount, const CheckoutPolicy& policy);
// Same, reusing `out`'s storage (the hot path of the counter screen).
void cartTotals(const std::vector<CartLine>& lines, Money orderDiscount, const CheckoutPolicy& policy,
                CartTotals& out);

// Splits `amount` over `weights` in proportion (largest remainder), exactly.
// All weights ≥ 0; when they sum to 0 the whole amount goes to the first.
std::vector<Money> spreadProRata(Money amount, const std::vector<Money>& weights);

// a × b / c without overflow, truncated toward zero (c > 0).
inline std::int64_t mulDiv(std::int64_t a, std::int64_t b, std::int64_t c) {
  __extension__ typedef __int128 Wide;
  return static_cast<std::int64_t>(static_cast<Wide>(a) * b / c);
}
inline std::int64_t mulMod(std::int64_t a, std::int64_t b, std::int64_t c) {
  __extension__ typedef __int128 Wide;
  return static_cast<std::int64_t>(static_cast<Wide>(a) * b % c);
}

// x × bp / 10000, half up (for positive x).
inline Money percentOf(Money x, int bp) { return Money((x.fen * bp + 5000) / 10000); }

}  // namespace salon
