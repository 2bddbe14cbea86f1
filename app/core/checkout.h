#pragma once
// The checkout rules the counter screen and the store share, so they cannot
// drift apart: how a cart line is priced (the screen's running totals and
// buildSale call the same function), which tender the cashier may add, the
// bounds every tender keeps, and which wallet a scanned payment code pays from.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/core/cart.h"
#include "app/core/catalog.h"
#include "app/core/checkout_policy.h"
#include "app/core/member_account.h"
#include "app/core/member_tier.h"
#include "app/core/tender.h"

namespace salon {

// Everything checkout needs to price a sale; loaded once when the screen opens.
struct CheckoutSetup {
  PriceBook prices;
  std::vector<MemberTier> tiers;
  CheckoutPolicy policy;
  StoreZone zone;
};

// What the customer prices at: their tier (the entry tier for a member without
// one yet) and the birthday-month offer. Nothing for a walk-in or a member
// whose benefits are suspended by arrears.
struct PriceTerms {
  bool member = false;  // a member in good standing: member prices apply
  const MemberTier* tier = nullptr;
  bool birthday = false;
};
PriceTerms priceTerms(const MemberAccount* account, const std::vector<MemberTier>& tiers, StoreZone zone, Instant at);

// One line as the money rules see it: `unitPrice` is the list price in force at
// `at` (or a manager's override); the best of promotion / tier / birthday is
// left to cartTotals.
CartLine cartLine(const CatalogItem& item, Money unitPrice, int qty, Money manualDiscount, const PriceBook& prices,
                  const PriceTerms& terms, const CheckoutPolicy& policy, Instant at);

// The screen's running totals: the cart's items, priced exactly as buildSale
// will price them at `at`. DomainError as cartTotals (discount_too_large...).
struct CartItem {
  std::string item;
  int qty = 1;
};
void priceCart(const std::vector<CartItem>& items, Money orderDiscount, const MemberAccount* account,
               const CheckoutSetup& setup, Instant at, std::vector<CartLine>& lines, CartTotals& out);

// Bounded input: a tender's reference (a slip number, a payment code) is at
// most this many characters.
constexpr std::size_t kMaxTenderRef = 64;

// One tender on its own: DomainError bad_tender_amount (negative),
// tender_too_large (amount or cash handed above policy.maxTender),
// tender_ref_too_long.
void checkTenderBounds(const TenderRequest& tender, const CheckoutPolicy& policy);

// The tender the cashier adds at the screen, checked as core will check it at
// 结账 so the screen says at once what would be refused. `typed` is the amount
// keyed in (none: what is `left`); only cash may exceed what is left (its
// change at most policy.maxChange), every other way pays at most what is left,
// and balances (stored value, points, arrears) are checked against `earlier`.
// DomainError: tender_ref_required, customer_required, stored_value_short,
// points_amount_not_whole, points_short, arrears_suspended, arrears_limit,
// change_too_large, and checkTenderBounds'.
TenderRequest proposeTender(TenderType type, std::optional<Money> typed, Money left,
                            const std::vector<TenderRequest>& earlier, const MemberAccount* account,
                            const CheckoutPolicy& policy, const std::string& ref = "");

// A WeChat / Alipay payment the customer made by scanning the store's own (static)
// QR code: there is no payment code to scan, so the cashier types the end of the
// transaction number the customer's phone shows, 4 to 32 digits. The tender's ref
// is "static:" + the digits, which tells it from a scanned code on the statement.
std::optional<std::string> staticQrRef(const std::string& digits);
constexpr const char* kStaticQrPrefix = "static:";

// Which wallet a scanned payment code pays from (WeChat Pay 10–15…, Alipay
// 25–30…); nullopt when it is not a payment code.
std::optional<TenderType> paymentCodeKind(const std::string& code);

}  // namespace salon
