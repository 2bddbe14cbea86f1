#include "app/kiosk/checkout_desk.h"

#include <type_traits>
#include <utility>

#include "app/core/chain_settle.h"
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

// Opening the screen again brings back the ticket left open (by a lock or by
// going to another screen) for this customer, or for anyone from the home tile.
void CheckoutDesk::open(CustomerId customer) {
  if (openTicket()) parked_.park(counter_, ParkedTicket::By::Leaving);
  settled_.reset();
  approval_.reset();
  if (auto i = parked_.toResume(customer)) {
    resume(*i);
    counter_.hint("ui.checkout.resumed");
  } else {
    counter_.reset(customer);
  }
  show();
}

bool CheckoutDesk::openTicket() const {
  return counter_.setup && !counter_.lines.empty() && !counter_.at(ui::CheckoutStage::Settled);
}

void CheckoutDesk::resume(std::size_t index) {
  ParkedTicket t = parked_.take(index);
  counter_.reset(t.customer);
  counter_.lines = std::move(t.lines);
  counter_.nextLine = t.nextLine;
  counter_.orderDiscount = t.orderDiscount;
  counter_.backEntry = t.backEntry;
  counter_.tenders = std::move(t.tenders);
  counter_.saleId = std::move(t.saleId);
  counter_.price();
}

// An open ticket is put aside, not thrown away, and given back after sign-in.
void CheckoutDesk::locked() {
  if (openTicket()) parked_.park(counter_, ParkedTicket::By::Lock);
  counter_.forget();
  settled_.reset();
  approval_.reset();
}

bool CheckoutDesk::tick() {
  if (!cart_.tick()) return false;
  show();
  return true;
}

void CheckoutDesk::show() {
  if (!counter_.setup) return;
  cart_.show();
  backEntry_.show();
  tender_.show();
  approval_.show(tender_.request());
  ui::CheckoutView& v = k_.view.checkout;
  v.customer = counter_.customer;
  auto day = counter_.store().currentDay();
  v.dayOpen = day && !day->closedAt;
  settled_.show();
  showParked();
}

std::vector<ui::HomeOverdraw> CheckoutDesk::overdrawsForHome(int limit) const {
  std::vector<ui::HomeOverdraw> out;
  if (!offered()) return out;
  for (const ChainOverdraw& o : k_.backroom.chainSpends().owedOverdraws(limit)) {
    const std::string when = formatLocalDateTime(o.at, k_.zone);  // "2026-12-06 14:00"
    out.push_back({o.customer, when.size() > 5 ? when.substr(5) : when, o.name + " " + o.memberNo,
                   formatAmount(o.arrears), formatAmount(o.owes)});
  }
  return out;
}

void CheckoutDesk::showParked() {
  ui::CheckoutView& v = k_.view.checkout;
  v.parked.clear();
  for (const ParkedTicket& t : parked_.all())
    v.parked.push_back({t.customerName, formatAmount(t.total), static_cast<int>(t.lines.size())});
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
  else if constexpr (Takes<CheckoutApproval, I>::value) approval_.on(intent);
  else if constexpr (Takes<CheckoutBackEntry, I>::value) backEntry_.on(intent);
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
  if (!backEntry_.stillAllowed()) return;
  if (auto sale = tender_.settle()) settled_.finish(*sale);
}

// The next customer starts a new ticket: tickets put aside stay on the shelf.
void CheckoutDesk::route(const ui::CheckoutNewSale&) {
  if (!counter_.at(ui::CheckoutStage::Settled)) return;
  settled_.reset();
  counter_.reset(0);
}

void CheckoutDesk::route(const ui::CheckoutPark&) {
  if (!counter_.at(ui::CheckoutStage::Cart) || counter_.lines.empty()) return;
  if (!parked_.park(counter_, ParkedTicket::By::Cashier)) return counter_.refuse("parked_full");
  counter_.reset(0);
  counter_.hint("ui.checkout.parked_done");
}

// Taking a ticket back puts the one on the counter aside in its place.
void CheckoutDesk::route(const ui::CheckoutResume& i) {
  if (counter_.at(ui::CheckoutStage::Settled) || i.index < 0 ||
      static_cast<std::size_t>(i.index) >= parked_.all().size())
    return;
  std::size_t index = static_cast<std::size_t>(i.index);
  if (!counter_.lines.empty()) {
    if (!parked_.park(counter_, ParkedTicket::By::Cashier)) return counter_.refuse("parked_full");
  }
  resume(index);
}

}  // namespace salon::kiosk
