#pragma once
// Dedicated card and QR readers, configured by device path:
//   EvdevReader  a USB keyboard-wedge reader grabbed exclusively through evdev,
//                so its keys never reach the focused text field or an IME;
//   SerialReader a reader on a serial line (raw termios), one code per CR.
// Both hand out decoded scans; the composition root passes them to core's
// classifyScan on the UI thread's queue.
#include <linux/input.h>

#include <optional>
#include <string>
#include <vector>

#include "app/core/key_wedge.h"
#include "devices/transports/fd_io.h"

struct libevdev;

namespace salon::devices {

// Linux KEY_* code -> USB HID usage id (0 when the decoder has no use for it).
std::uint16_t hidUsageOfEvdevKey(int code);

// Turns input_event records into the wedge decoder's timed key events.
class EvdevKeys {
 public:
  explicit EvdevKeys(WedgeConfig config = {}) : decoder_(std::move(config)) {}
  WedgeOutput feed(const input_event& ev);
  WedgeOutput flush(Instant now) { return decoder_.flush(now); }

 private:
  WedgeDecoder decoder_;
  bool leftShift_ = false, rightShift_ = false;
};

class EvdevReader {
 public:
  // Opens and grabs `path`. A path that is not an evdev device (a recording of
  // input_event records, e.g. `cat /dev/input/event5 > scan.bin`) is replayed.
  EvdevReader(const std::string& path, WedgeConfig config = {});
  ~EvdevReader();
  EvdevReader(const EvdevReader&) = delete;
  EvdevReader& operator=(const EvdevReader&) = delete;

  bool grabbed() const { return grabbed_; }
  bool replaying() const { return dev_ == nullptr; }
  // Scans completed within `timeoutMs`; empty on timeout. At the end of a
  // replay, returns what is left and then nothing.
  std::vector<WedgeScan> poll(int timeoutMs);
  bool finished() const { return finished_; }

 private:
  Fd fd_;
  libevdev* dev_ = nullptr;
  bool grabbed_ = false, finished_ = false;
  EvdevKeys keys_;
  Instant lastEvent_ = 0;
};

class SerialReader {
 public:
  SerialReader(const std::string& path, int baud = 9600);
  // The next code (without its CR/LF) within `timeoutMs`, or nullopt.
  std::optional<std::string> next(int timeoutMs);

 private:
  Fd fd_;
  std::string buffer_;
};

}  // namespace salon::devices
