#pragma once
// Online bookings head office holds for this store until it decides (issue 19):
// the Today screen lists the pending ones with a countdown to their deadline (after
// it head office declines them itself, "store_offline") and a cashier confirms or
// declines. Storage keeps them (storage/sync_holds.cpp, filled by the sync); a
// confirm books the appointment by the counter's rules and the answer goes up as
// the outbox event booking.decided.
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/clock.h"

namespace salon {

struct OnlineHold {
  std::string appointmentId;  // the appointment it becomes when confirmed
  std::string service, serviceName, staff;
  int minutes = 0;
  Instant start = 0;
  std::string customerName;
  std::string phone;          // normalised; mask it on customer-facing screens (maskPhone)
  bool newCustomer = false;   // first online booking: a file pending review on confirm
  Instant madeAt = 0;
  Instant deadline = 0;       // madeAt + online.confirm_window_minutes (30 by default)
};

class OnlineHolds {
 public:
  virtual ~OnlineHolds() = default;
  // The pending holds by start.
  virtual std::vector<OnlineHold> pending() = 0;
  // Confirm or decline as `audit.staff` (the guard checked BookAppointment first);
  // returns "confirmed", or "declined" (a confirm whose slot was taken meanwhile is
  // declined: slot_taken). DomainError not_found / already_decided.
  virtual std::string decide(const std::string& appointmentId, bool confirm, const std::string& reason,
                             const AuditEntry& audit) = 0;
};

}  // namespace salon
