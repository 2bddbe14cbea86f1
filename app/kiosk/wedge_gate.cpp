#include "app/kiosk/wedge_gate.h"

namespace salon::kiosk {

platform::GateVerdict WedgeGate::key(const platform::RawKey& k) {
  const bool wasPending = pending_;
  WedgeOutput out = decoder_.feed({static_cast<Instant>(k.atMs), k.usage, k.shift});
  platform::GateVerdict v;
  for (const WedgeScan& s : out.scans) v.scans.push_back(trackCardNumber(s.code, s.format));
  v.releaseHeld = !out.typed.empty();
  if (isEnterKey(k.usage)) {
    // An Enter that ended a burst without releasing it as typing: a scan (or
    // the same code again within the repeat window, dropped by the decoder).
    v.dropHeld = wasPending && out.typed.empty();
    pending_ = false;
  } else if (keyChar(k.usage, k.shift) != 0) {
    pending_ = true;
  }
  v.holdThis = pending_;
  return v;
}

platform::GateVerdict WedgeGate::idle(std::uint32_t nowMs) {
  platform::GateVerdict v;
  if (!pending_) return v;
  WedgeOutput out = decoder_.flush(static_cast<Instant>(nowMs));
  if (!out.typed.empty()) {
    v.releaseHeld = true;
    pending_ = false;
  }
  v.holdThis = pending_;
  return v;
}

}  // namespace salon::kiosk
