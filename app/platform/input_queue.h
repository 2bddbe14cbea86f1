#pragma once
// Input collected from the window system and handed to Dear ImGui one frame at a
// time. ImGui 1.86 has no input event queue: a press and a release within one
// frame cancel out (a card reader's Enter would be lost), so this queue feeds at
// most one press/release transition per key or button per frame and keeps the
// rest for the next frames.
#include <imgui.h>

#include <array>
#include <cstdint>
#include <deque>
#include <string>

namespace salon::platform {

// The keys screens react to; printable keys arrive as text.
enum class Key { None, Enter, Backspace, Escape, Tab, Left, Right, Up, Down, Delete, Home, End };
const char* keyName(Key key);
Key keyFromName(const std::string& name);  // "enter", "backspace", ...; Key::None if unknown

struct InputEvent {
  enum class Kind { MouseMove, MouseButton, Key, Text, Wheel };
  Kind kind = Kind::MouseMove;
  float x = 0, y = 0;   // MouseMove: position in window pixels; Wheel: y = notches
  int button = 0;       // MouseButton: 0 left, 1 right, 2 middle
  Key key = Key::None;  // Key
  bool down = false;    // MouseButton, Key
  std::string text;     // Text: UTF-8

  static InputEvent move(float x, float y) { InputEvent e; e.kind = Kind::MouseMove; e.x = x; e.y = y; return e; }
  static InputEvent mouse(int button, bool down) { InputEvent e; e.kind = Kind::MouseButton; e.button = button; e.down = down; return e; }
  static InputEvent keyEvent(Key k, bool down) { InputEvent e; e.kind = Kind::Key; e.key = k; e.down = down; return e; }
  static InputEvent textEvent(std::string t) { InputEvent e; e.kind = Kind::Text; e.text = std::move(t); return e; }
  static InputEvent wheel(float notches) { InputEvent e; e.kind = Kind::Wheel; e.y = notches; return e; }
};

class InputQueue {
 public:
  // Maps ImGui's navigation keys onto our own KeysDown slots; call once after the
  // platform backend's init (which installs its own map).
  static void installKeyMap(ImGuiIO& io);

  void push(InputEvent e) { events_.push_back(std::move(e)); }
  bool empty() const { return events_.empty(); }
  std::size_t size() const { return events_.size(); }

  // Applies queued events to `io` in order and stops before one that would change
  // a key or button a second time in this frame (or move the pointer after a
  // click, or type after a key). Then writes the held state over whatever the
  // backend's NewFrame put there. Call between the backend's NewFrame and
  // ImGui::NewFrame.
  // `nowMs`: the backend's clock, for the quiet time below.
  void feedFrame(ImGuiIO& io, std::uint32_t nowMs);

  // Until `untilMs`, a press (and its release) is dropped: what was just drawn
  // in a new place must not take a tap meant for what was there a moment ago
  // (a double tap on 结账 must not land on 下一位顾客).
  void quietUntil(std::uint32_t untilMs) { quietUntil_ = untilMs; }
  bool quiet(std::uint32_t nowMs) const { return static_cast<std::int32_t>(quietUntil_ - nowMs) > 0; }

 private:
  std::deque<InputEvent> events_;
  ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
  std::array<bool, 5> buttons_{};
  std::array<bool, 16> keys_{};
  std::array<bool, 5> dropping_{};  // a dropped press's release is dropped too
  std::uint32_t quietUntil_ = 0;
};

}  // namespace salon::platform
