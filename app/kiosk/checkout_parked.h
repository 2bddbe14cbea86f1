#pragma once
// Tickets put aside (挂单): by the cashier's 挂单 button, by leaving the checkout
// screen with an open ticket, or by a lock (锁定 or the idle auto-lock). Kept in
// memory for this run of the kiosk: an open ticket is not a sale (nothing is
// posted or owed until it settles), so a restart starts with none.
#include <optional>
#include <string>
#include <vector>

#include "app/core/money.h"
#include "app/kiosk/checkout_counter.h"

namespace salon::kiosk {

struct ParkedTicket {
  enum class By { Cashier, Leaving, Lock };
  By by = By::Cashier;
  CustomerId customer = 0;
  std::string customerName;  // "" for a walk-in
  std::vector<CheckoutLine> lines;
  int nextLine = 1;
  Money orderDiscount;
  std::optional<BackEntry> backEntry;  // a back-entry stays one
  std::vector<TenderRequest> tenders;
  std::string saleId;  // kept: a settle after resuming is still one sale
  Money total;
};

class ParkedTickets {
 public:
  static constexpr std::size_t kMax = 6;  // the row of chips the cart has room for

  // Puts the counter's open ticket aside; false when it has no lines (nothing
  // to keep) or the shelf is full.
  bool park(const CheckoutCounter& counter, ParkedTicket::By by);
  // The ticket to give back when the screen opens for `customer` (0: anyone):
  // the newest one put aside by a lock or by leaving, not one the cashier parked.
  std::optional<std::size_t> toResume(CustomerId customer) const;
  bool hasLocked() const;
  // A ticket is parked for this customer: a service was opened and is under way.
  bool holdsFor(CustomerId customer) const;
  ParkedTicket take(std::size_t index);
  const std::vector<ParkedTicket>& all() const { return tickets_; }

 private:
  std::vector<ParkedTicket> tickets_;  // oldest first
};

}  // namespace salon::kiosk
