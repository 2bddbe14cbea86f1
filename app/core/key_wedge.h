#pragma once
// Keyboard-wedge card readers and barcode scanners type their code as key
// presses. The platform layer hands raw key codes (USB HID usage ids, which are
// also SDL scancodes) here, before any IME sees them, so a pinyin input method
// cannot swallow a scan. The decoder is a pure function of timed key events:
// characters arriving <= maxGapMs apart and ending in Enter are a scan; slower
// keys are a person typing and are handed back as typed text.
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/clock.h"

namespace salon {

// USB HID keyboard usage ids (HID Usage Tables §10) the decoder understands.
namespace hid {
constexpr std::uint16_t kA = 4, kZ = 29, k1 = 30, k0 = 39, kEnter = 40, kSpace = 44, kMinus = 45,
                        kEqual = 46, kSemicolon = 51, kComma = 54, kPeriod = 55, kSlash = 56,
                        kKeypadEnter = 88, kKeypad1 = 89, kKeypad0 = 98;
}

struct KeyEvent {
  Instant at = 0;             // ms, from the event's own timestamp
  std::uint16_t usage = 0;    // HID usage id
  bool shift = false;
};

// The character a key makes on a US layout (wedge readers emulate one), or 0.
char keyChar(std::uint16_t usage, bool shift);
bool isEnterKey(std::uint16_t usage);

enum class ScanFormat { Plain, MagTrack1, MagTrack2 };

struct WedgeScan {
  std::string code;       // the payload, prefix/suffix and track sentinels removed
  ScanFormat format = ScanFormat::Plain;
  std::string raw;        // every character the reader typed
  Instant at = 0;         // when the Enter came
};

struct WedgeConfig {
  int maxGapMs = 30;
  int minLength = 3;          // shorter bursts are a person's quick fingers
  std::string prefix, suffix; // configured on the reader; stripped when present
  int repeatWindowMs = 2000;  // the same code again within this is one scan
};

struct WedgeOutput {
  std::vector<WedgeScan> scans;
  std::string typed;          // keys a person typed, to pass on to the focused field
};

class WedgeDecoder {
 public:
  explicit WedgeDecoder(WedgeConfig config = {}) : config_(std::move(config)) {}
  WedgeOutput feed(const KeyEvent& e);
  // Releases a stalled burst as typed text once `now` is past the gap.
  WedgeOutput flush(Instant now);

 private:
  void release(WedgeOutput& out);
  void finishScan(Instant at, WedgeOutput& out);
  WedgeConfig config_;
  std::string buffer_;
  Instant last_ = 0;
  std::string lastCode_;
  Instant lastScanAt_ = 0;
  bool haveLastScan_ = false;
};

// The whole sequence at once: the pure form the tests and fuzzer use.
WedgeOutput decodeWedge(const std::vector<KeyEvent>& events, const WedgeConfig& config = {});

// `%B6225...^NAME^...?` / `;6225...=2512...?`: the card number of a track, or "".
std::string trackCardNumber(const std::string& code, ScanFormat format);

}  // namespace salon
