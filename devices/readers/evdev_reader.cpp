#include <fcntl.h>
#include <libevdev/libevdev.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "app/core/error.h"
#include "devices/readers/card_reader.h"

namespace salon::devices {

std::uint16_t hidUsageOfEvdevKey(int code) {
  // Letters follow the QWERTY rows in evdev but the alphabet in HID.
  static const int letters[26] = {KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I,
                                  KEY_J, KEY_K, KEY_L, KEY_M, KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R,
                                  KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z};
  for (int i = 0; i < 26; ++i)
    if (letters[i] == code) return static_cast<std::uint16_t>(hid::kA + i);
  if (code >= KEY_1 && code <= KEY_0) return static_cast<std::uint16_t>(hid::k1 + (code - KEY_1));
  switch (code) {
    case KEY_ENTER: return hid::kEnter;
    case KEY_KPENTER: return hid::kKeypadEnter;
    case KEY_SPACE: return hid::kSpace;
    case KEY_MINUS: return hid::kMinus;
    case KEY_EQUAL: return hid::kEqual;
    case KEY_LEFTBRACE: return 47;
    case KEY_RIGHTBRACE: return 48;
    case KEY_BACKSLASH: return 49;
    case KEY_SEMICOLON: return hid::kSemicolon;
    case KEY_APOSTROPHE: return 52;
    case KEY_GRAVE: return 53;
    case KEY_COMMA: return hid::kComma;
    case KEY_DOT: return hid::kPeriod;
    case KEY_SLASH: return hid::kSlash;
    case KEY_KP1: return hid::kKeypad1;
    case KEY_KP2: return hid::kKeypad1 + 1;
    case KEY_KP3: return hid::kKeypad1 + 2;
    case KEY_KP4: return hid::kKeypad1 + 3;
    case KEY_KP5: return hid::kKeypad1 + 4;
    case KEY_KP6: return hid::kKeypad1 + 5;
    case KEY_KP7: return hid::kKeypad1 + 6;
    case KEY_KP8: return hid::kKeypad1 + 7;
    case KEY_KP9: return hid::kKeypad1 + 8;
    case KEY_KP0: return hid::kKeypad0;
    case KEY_KPDOT: return 99;
    default: return 0;
  }
}

WedgeOutput EvdevKeys::feed(const input_event& ev) {
  if (ev.type != EV_KEY) return {};
  bool down = ev.value != 0;  // 1 press, 2 autorepeat, 0 release
  if (ev.code == KEY_LEFTSHIFT) leftShift_ = down;
  if (ev.code == KEY_RIGHTSHIFT) rightShift_ = down;
  if (ev.value != 1) return {};
  std::uint16_t usage = hidUsageOfEvdevKey(ev.code);
  if (!usage) return {};
  Instant at = static_cast<Instant>(ev.input_event_sec) * 1000 + ev.input_event_usec / 1000;
  return decoder_.feed({at, usage, leftShift_ || rightShift_});
}

EvdevReader::EvdevReader(const std::string& path, WedgeConfig config) : keys_(std::move(config)) {
  fd_.reset(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!fd_) throw DomainError("reader_open_failed", path + ": " + std::strerror(errno));
  if (libevdev_new_from_fd(fd_.get(), &dev_) != 0) {
    dev_ = nullptr;  // not an input device: a recording to replay
    return;
  }
  // The reader's keys belong to us alone: no text field, no IME sees a scan.
  grabbed_ = libevdev_grab(dev_, LIBEVDEV_GRAB) == 0;
}

EvdevReader::~EvdevReader() {
  if (dev_) {
    if (grabbed_) libevdev_grab(dev_, LIBEVDEV_UNGRAB);
    libevdev_free(dev_);
  }
}

std::vector<WedgeScan> EvdevReader::poll(int timeoutMs) {
  std::vector<WedgeScan> scans;
  auto take = [&](WedgeOutput o) {
    for (auto& s : o.scans) scans.push_back(std::move(s));
  };
  if (!dev_) {  // replay: everything the recording holds, in order
    input_event ev;
    while (::read(fd_.get(), &ev, sizeof ev) == static_cast<ssize_t>(sizeof ev)) {
      if (ev.type == EV_KEY) lastEvent_ = static_cast<Instant>(ev.input_event_sec) * 1000 + ev.input_event_usec / 1000;
      take(keys_.feed(ev));
    }
    take(keys_.flush(lastEvent_ + 1000));
    finished_ = true;
    return scans;
  }
  pollfd p{fd_.get(), POLLIN, 0};
  if (::poll(&p, 1, timeoutMs) <= 0) return scans;
  input_event ev;
  int rc;
  while ((rc = libevdev_next_event(dev_, LIBEVDEV_READ_FLAG_NORMAL, &ev)) >= 0) {
    if (rc == LIBEVDEV_READ_STATUS_SYNC) continue;  // dropped events: the state is resynced
    take(keys_.feed(ev));
  }
  if (rc != -EAGAIN) finished_ = true;  // the reader was unplugged
  return scans;
}

}  // namespace salon::devices
