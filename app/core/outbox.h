#pragma once
// Every committed business action also writes one outbox row in the same
// transaction, for head-office sync later.
#include <string>

#include "app/core/clock.h"

namespace salon {

struct OutboxMessage {
  std::string id;        // UUID of the business action
  std::string type;      // e.g. "customer.registered", "sale.settled"
  std::string payload;   // JSON
  Instant at = 0;
};

}  // namespace salon
