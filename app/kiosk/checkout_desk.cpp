#include "app/kiosk/checkout_desk.h"

#include <type_traits>
#include <utility>

#include "app/core/staff_auth.h"

namespace salon::kiosk {
namespace {

// Whether a stage takes intent I (it has an on(const I&)).
template <class Stage, class I, class = void>
struct Takes : std::false_type {};
template <class Stage, class I>
struct Takes<Stage, I, std::void_t<decltype(std::declval<Stage&>().on(std::declval<const I&>()))>> : std::true_type {};

}  // namespace

bool CheckoutDesk::offered() const {
  return k_.staff && Guard(k_.audit, k_.clock).allows(*k_.staff, Action::SettleSale);
}

void CheckoutDesk::open(CustomerId customer) {
  counter_.reset(customer);
  settled_.reset();
  show();
}

void CheckoutDesk::locked() {
  counter_.forget();
  settled_.reset();
}

bool CheckoutDesk::tick() {
  if (!cart_.tick()) return false;
  show();
  return true;
}

void CheckoutDesk::show() {
  if (!counter_.setup) return;
  cart_.show();
  tender_.show();
  ui::CheckoutView& v = k_.view.checkout;
  v.customer = counter_.customer;
  auto day = counter_.store().currentDay();
  v.dayOpen = day && !day->closedAt;
  settled_.show();
}

void CheckoutDesk::apply(const ui::CheckoutIntent& intent) {
  if (!counter_.setup || !k_.staff) return;
  k_.view.checkout.message.clear();
  std::visit([this](const auto& i) { route(i); }, intent);
  show();
}

template <class I>
void CheckoutDesk::route(const I& intent) {
  if constexpr (Takes<CheckoutCart, I>::value) cart_.on(intent);
  else if constexpr (Takes<CheckoutTender, I>::value) tender_.on(intent);
  else static_assert(!std::is_same_v<I, I>, "a checkout intent no stage takes");
}

// A payment code pays at the tender screen; in the cart a scan finds the customer.
bool CheckoutDesk::routeScan(const std::string& payload) {
  if (counter_.at(ui::CheckoutStage::Tender)) return tender_.scanned(payload);
  return cart_.scanned(payload);
}

std::optional<bool> CheckoutDesk::scanned(const std::string& payload) {
  if (k_.view.screen != ui::Screen::Checkout || !counter_.setup || !k_.staff) return std::nullopt;
  if (counter_.at(ui::CheckoutStage::Settled)) return std::nullopt;
  k_.view.checkout.message.clear();
  bool known = routeScan(payload);
  show();
  return known;
}

void CheckoutDesk::route(const ui::CheckoutSettle&) {
  if (auto sale = tender_.settle()) settled_.finish(*sale);
}

void CheckoutDesk::route(const ui::CheckoutNewSale&) {
  if (counter_.at(ui::CheckoutStage::Settled)) open(0);
}

}  // namespace salon::kiosk
