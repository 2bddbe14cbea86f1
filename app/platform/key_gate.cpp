#include "app/platform/key_gate.h"

#include <cstring>

#include "app/platform/window.h"

namespace salon::platform {

std::uint16_t hidUsageOfChar(char c, bool& shift) {
  shift = false;
  if (c >= 'a' && c <= 'z') return static_cast<std::uint16_t>(4 + (c - 'a'));
  if (c >= 'A' && c <= 'Z') return shift = true, static_cast<std::uint16_t>(4 + (c - 'A'));
  if (c >= '1' && c <= '9') return static_cast<std::uint16_t>(30 + (c - '1'));
  if (c == '0') return 39;
  if (c == '\n' || c == '\r') return 40;
  static const char plain[] = " -=[]\\;'`,./";
  static const char shifted[] = " _+{}|:\"~<>?";
  static const std::uint16_t usage[] = {44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56};
  for (std::size_t i = 0; i < sizeof(usage) / sizeof(usage[0]); ++i) {
    if (c == plain[i]) return usage[i];
    if (c == shifted[i] && c != ' ') return shift = true, usage[i];
  }
  static const char digitsShifted[] = "!@#$%^&*()";
  if (const char* p = std::strchr(digitsShifted, c); p && c) return shift = true, static_cast<std::uint16_t>(30 + (p - digitsShifted));
  return 0;
}

std::vector<std::string> Window::takeScans() {
  std::vector<std::string> out;
  out.swap(scans_);
  return out;
}

void Window::apply(const GateVerdict& v) {
  if (v.dropHeld) {
    held_.clear();
    swallowEnter_ = true;  // the reader's Enter is not a keypad "OK"
  }
  if (v.releaseHeld) {
    for (InputEvent& e : held_) input_.push(std::move(e));
    held_.clear();
  }
  for (const std::string& s : v.scans) scans_.push_back(s);
  hold_ = v.holdThis;
}

void Window::rawKey(const RawKey& k) {
  if (gate_) apply(gate_->key(k));
}

void Window::keyboardEvent(InputEvent e) {
  if (swallowEnter_ && e.kind == InputEvent::Kind::Key && e.key == Key::Enter) {
    if (!e.down) swallowEnter_ = false;
    return;
  }
  if (hold_ || !held_.empty()) held_.push_back(std::move(e));
  else input_.push(std::move(e));
}

bool Window::keysIdle(std::uint32_t nowMs) {
  if (!gate_ || !hold_) return false;
  GateVerdict v = gate_->idle(nowMs);
  bool released = v.releaseHeld && !held_.empty();
  if (v.releaseHeld || v.dropHeld) apply(v);
  return released;
}

void Window::injectKeystroke(char ascii) {
  bool shift = false;
  std::uint16_t usage = hidUsageOfChar(ascii, shift);
  rawKey({usage, shift, nowMs()});
  if (usage == 40) {
    keyboardEvent(InputEvent::keyEvent(Key::Enter, true));
    keyboardEvent(InputEvent::keyEvent(Key::Enter, false));
  } else {
    keyboardEvent(InputEvent::textEvent(std::string(1, ascii)));
  }
}

}  // namespace salon::platform
