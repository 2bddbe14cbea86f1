#pragma once
// A Window without a display: keyboard input goes through the real Window
// code (the key gate, holding and releasing), time is set by the test.
#include <imgui.h>

#include <cstring>

#include "app/platform/window.h"

namespace salon::test {

class FakeWindow : public platform::Window {
 public:
  std::uint32_t now = 1000;
  bool waitEvents(int) override { return keysIdle(now); }
  void beginFrame() override {}
  void present() override {}
  void wake() override {}
  void size(int& w, int& h) const override { w = 1024, h = 768; }
  void injectMouse(float, float, bool) override {}
  void injectKey(platform::Key key, bool down) override { keyboardEvent(platform::InputEvent::keyEvent(key, down)); }
  void injectText(const std::string& utf8) override { keyboardEvent(platform::InputEvent::textEvent(utf8)); }
  // A real key press as a backend delivers it: the raw key, then its text.
  void press(char c) {
    bool shift = false;
    std::uint16_t usage = platform::hidUsageOfChar(c, shift);
    rawKey({usage, shift, now});
    if (usage == 40) {
      injectKey(platform::Key::Enter, true);
      injectKey(platform::Key::Enter, false);
    } else {
      injectText(std::string(1, c));
    }
  }
  std::size_t queued() const { return input_.size(); }
  // What ImGui would see as typed characters and Enter, frame after frame until the queue is empty.
  std::string drain() {
    std::string out;
    while (!input_.empty()) {
      ImGuiIO& io = ImGui::GetIO();
      io.InputQueueCharacters.resize(0);
      std::memset(io.KeysDown, 0, sizeof(io.KeysDown));
      input_.feedFrame(io, now);
      for (ImWchar c : io.InputQueueCharacters) out += static_cast<char>(c);
      if (io.KeysDown[ImGuiKey_Enter]) out += '\n';
    }
    return out;
  }

 protected:
  std::uint32_t nowMs() const override { return now; }
};

}  // namespace salon::test
