#pragma once
// The kiosk locks itself after some idle minutes, so a walked-away cashier's
// session cannot be used by the next person at the counter.
#include "app/core/clock.h"

namespace salon::ui {

class IdleLock {
 public:
  explicit IdleLock(int minutes) : limit_(static_cast<Instant>(minutes) * kMinute) {}
  void activity(Instant at) { last_ = at; }
  bool expired(Instant now) const { return limit_ > 0 && now - last_ >= limit_; }
  Instant lastActivity() const { return last_; }

 private:
  Instant limit_;
  Instant last_ = 0;
};

}  // namespace salon::ui
