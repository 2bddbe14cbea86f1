#pragma once
// Promotions on the published price list: between two instants, for one item or
// a whole category, one of four kinds a salon runs —
//   percent off    (周年庆 8 折: 20 % off)
//   fixed price    (特价: the unit costs ¥68 while it runs)
//   member price   (会员价: the fixed price, for members only)
//   buy N get M    (买二送一: of every N + M units, M are free)
// Each kind comes to an amount off the line; the cart then takes the best ONE of
// promotion / member tier / birthday, as before.
#include <optional>
#include <string>
#include <utility>

#include "app/core/clock.h"
#include "app/core/money.h"

namespace salon {

enum class PromotionKind { PercentOff, FixedPrice, MemberPrice, BuyGetFree };

const char* promotionKindName(PromotionKind k);  // "percent_off", "fixed_price", "member_price", "buy_get_free"
std::optional<PromotionKind> promotionKindFromName(const std::string& name);

struct Promotion {
  Promotion() = default;
  // Percent off, the kind every promotion was before the others; set `kind` and
  // its figures after for another.
  Promotion(std::string id_, std::string name_, std::string item, std::string category_, int percentBp, Instant from_,
            Instant until_)
      : id(std::move(id_)), name(std::move(name_)), itemCode(std::move(item)), category(std::move(category_)),
        percentOffBp(percentBp), from(from_), until(until_) {}

  std::string id;
  std::string name;
  std::string itemCode;  // or "" with a category
  std::string category;  // or "" with an item code
  int percentOffBp = 0;  // percent off: 1000 = 10 % off
  Instant from = 0;
  Instant until = 0;     // exclusive
  PromotionKind kind = PromotionKind::PercentOff;
  Money price;           // fixed / member price: what one unit costs while it runs
  int buyQty = 0;        // buy N get M: N paid ...
  int freeQty = 0;       // ... and M free, in every N + M units

  bool covers(const std::string& item, const std::string& itemCategory) const {
    return itemCode.empty() ? category == itemCategory : itemCode == item;
  }
};

// What `p` takes off a line of `qty` units at `unitPrice` (0 when it does not
// lower the price: a fixed price above the list price, a member price for a
// walk-in, fewer units than one whole N + M).
Money promotionOff(const Promotion& p, Money unitPrice, int qty, bool member);

// Refuses a promotion that would start in the past (promotions are set up
// before they start), or is empty or backwards, or whose figures make no sense
// for its kind. DomainError: promotion_start_past, promotion_bad_period,
// promotion_bad_percent, promotion_bad_price, promotion_bad_quantity,
// promotion_bad_target.
void checkNewPromotion(const Promotion& p, Instant now);

}  // namespace salon
