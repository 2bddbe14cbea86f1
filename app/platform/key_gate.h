#pragma once
// Keyboard-wedge readers (card swipes, QR and barcode scanners) type their code
// as a fast burst of key presses ending in Enter. The window hands each raw key
// press (before any IME) to a KeyGate, which says whether the keyboard events
// held so far are a person's typing (let them through to ImGui) or a reader's
// scan (drop them and deliver the code instead), so a reader's Enter never
// reaches a screen as a keypad "OK" and a scan works on any screen. The
// decision itself lives outside the platform (app/kiosk wraps core's decoder).
#include <cstdint>
#include <string>
#include <vector>

namespace salon::platform {

struct RawKey {
  std::uint16_t usage = 0;  // USB HID usage id (= SDL scancode)
  bool shift = false;
  std::uint32_t atMs = 0;   // the event's own timestamp
};

struct GateVerdict {
  bool releaseHeld = false;        // what was held is typing: let it through, in order
  bool dropHeld = false;           // what was held (and this key) was a reader's scan
  std::vector<std::string> scans;  // the codes scanned
  bool holdThis = false;           // hold this key's events (and what follows) until decided
};

class KeyGate {
 public:
  virtual ~KeyGate() = default;
  virtual GateVerdict key(const RawKey& k) = 0;
  // No key for a while: a stalled burst is a person's typing.
  virtual GateVerdict idle(std::uint32_t nowMs) = 0;
};

// USB HID usage ids the platforms translate their key codes into (HID Usage
// Tables §10): letters, digits and the punctuation wedge readers type.
std::uint16_t hidUsageOfChar(char c, bool& shift);

}  // namespace salon::platform
