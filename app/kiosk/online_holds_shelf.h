#pragma once
// Online bookings waiting for this store's answer (issue 19), on the Today
// screen: each with the minutes left before head office declines it itself
// ("store_offline"), and 确认 / 婉拒 for the cashier. The list is read again every
// few seconds while Today is shown, so a booking made on a phone appears
// promptly (the rule: reply to web bookings promptly).
#include <string>
#include <vector>

#include "app/kiosk/appointments_book.h"
#include "app/ui/view_models.h"

namespace salon::kiosk {

class OnlineHoldsShelf {
 public:
  static constexpr Instant kRefreshEvery = 5 * kSecond;

  explicit OnlineHoldsShelf(OpenBook& book) : b_(book) {}
  // The pending holds as Today's rows (empty for a role that may not book).
  std::vector<ui::HomeHold> rows();
  // Reads the holds again when due; true when Today's rows changed.
  bool tick();
  // The cashier's answer; the outcome is said in Today's hold message.
  void decide(const std::string& appointmentId, bool confirm);

 private:
  OpenBook& b_;
  Instant readAt_ = 0;
};

}  // namespace salon::kiosk
