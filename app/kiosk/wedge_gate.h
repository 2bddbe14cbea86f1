#pragma once
// The window's KeyGate: core's keyboard-wedge decoder decides whether held key
// presses are a person typing or a reader's scan (fast keys ending in Enter).
#include "app/core/key_wedge.h"
#include "app/platform/key_gate.h"

namespace salon::kiosk {

class WedgeGate : public platform::KeyGate {
 public:
  explicit WedgeGate(WedgeConfig config = {}) : decoder_(std::move(config)) {}
  platform::GateVerdict key(const platform::RawKey& k) override;
  platform::GateVerdict idle(std::uint32_t nowMs) override;

 private:
  WedgeDecoder decoder_;
  bool pending_ = false;  // the decoder holds a burst not yet decided
};

}  // namespace salon::kiosk
