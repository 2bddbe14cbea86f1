#pragma once
// salon-hq's clock for the public API (codes, holds, confirm windows). The system
// clock, plus — for tests and `salon-hq sandbox` only — an offset in milliseconds
// read from a file on every call (`serve --clock-file FILE`), so a test can move
// time forward by writing a number instead of sleeping.
#include <string>

#include "app/core/clock.h"

namespace salon::hq {

class HqClock : public Clock {
 public:
  explicit HqClock(std::string offsetFile = "") : offsetFile_(std::move(offsetFile)) {}
  Instant now() const override;

 private:
  std::string offsetFile_;
};

}  // namespace salon::hq
