#include "app/kiosk/checkout_parked.h"

#include <algorithm>

namespace salon::kiosk {

bool ParkedTickets::park(const CheckoutCounter& c, ParkedTicket::By by) {
  if (c.lines.empty() || tickets_.size() >= kMax) return false;
  ParkedTicket t;
  t.by = by;
  t.customer = c.customer;
  t.customerName = c.k().view.checkout.bar.name;
  t.lines = c.lines;
  t.nextLine = c.nextLine;
  t.orderDiscount = c.orderDiscount;
  t.backEntry = c.backEntry;
  t.tenders = c.tenders;
  t.saleId = c.saleId;
  t.total = c.totals.total;
  tickets_.push_back(std::move(t));
  return true;
}

std::optional<std::size_t> ParkedTickets::toResume(CustomerId customer) const {
  for (std::size_t i = tickets_.size(); i-- > 0;) {
    const ParkedTicket& t = tickets_[i];
    if (t.by != ParkedTicket::By::Cashier && (customer == 0 || t.customer == customer)) return i;
  }
  return std::nullopt;
}

bool ParkedTickets::hasLocked() const {
  return std::any_of(tickets_.begin(), tickets_.end(), [](const ParkedTicket& t) { return t.by == ParkedTicket::By::Lock; });
}

bool ParkedTickets::holdsFor(CustomerId customer) const {
  return customer != 0 && std::any_of(tickets_.begin(), tickets_.end(),
                                      [&](const ParkedTicket& t) { return t.customer == customer; });
}

ParkedTicket ParkedTickets::take(std::size_t index) {
  ParkedTicket t = std::move(tickets_.at(index));
  tickets_.erase(tickets_.begin() + static_cast<std::ptrdiff_t>(index));
  return t;
}

}  // namespace salon::kiosk
