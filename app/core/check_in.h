#pragma once
// Today's queue: a customer checks in at the kiosk (by phone, member card or QR)
// and waits to be served. Check-ins are never changed or removed.
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/clock.h"
#include "app/core/customer.h"

namespace salon {

struct CheckIn {
  std::string id;         // UUID made by the kiosk before it is stored
  CustomerId customer = 0;
  Instant at = 0;
  std::string method;     // "phone", "card", "qr"
  std::string staff;      // who was signed in at the kiosk
};

struct QueuedCustomer {
  CheckIn checkIn;
  std::string name;
  std::string fileNo;
  bool paid = false;  // a sale was settled for them since they checked in
};

// Port: implemented by storage.
class CheckInQueue {
 public:
  virtual ~CheckInQueue() = default;
  // Stores the check-in with its audit entry and outbox message, in one
  // transaction. Adding the same id again changes nothing.
  virtual void add(const CheckIn& checkIn, const AuditEntry& audit) = 0;
  // Check-ins at or after `from` and before `to`, oldest first.
  virtual std::vector<QueuedCustomer> between(Instant from, Instant to) = 0;
};

}  // namespace salon
