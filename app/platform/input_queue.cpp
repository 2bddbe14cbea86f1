#include "app/platform/input_queue.h"

#include <cstring>

namespace salon::platform {
namespace {

struct KeyInfo {
  Key key;
  const char* name;
  ImGuiKey imgui;
};
constexpr KeyInfo kKeys[] = {
    {Key::Enter, "enter", ImGuiKey_Enter},       {Key::Backspace, "backspace", ImGuiKey_Backspace},
    {Key::Escape, "escape", ImGuiKey_Escape},    {Key::Tab, "tab", ImGuiKey_Tab},
    {Key::Left, "left", ImGuiKey_LeftArrow},     {Key::Right, "right", ImGuiKey_RightArrow},
    {Key::Up, "up", ImGuiKey_UpArrow},           {Key::Down, "down", ImGuiKey_DownArrow},
    {Key::Delete, "delete", ImGuiKey_Delete},    {Key::Home, "home", ImGuiKey_Home},
    {Key::End, "end", ImGuiKey_End},
};

// Our KeysDown slot for a key: its ImGuiKey value (all below 512).
int slot(Key k) {
  for (const KeyInfo& i : kKeys)
    if (i.key == k) return i.imgui;
  return -1;
}

}  // namespace

const char* keyName(Key key) {
  for (const KeyInfo& i : kKeys)
    if (i.key == key) return i.name;
  return "none";
}

Key keyFromName(const std::string& name) {
  for (const KeyInfo& i : kKeys)
    if (name == i.name) return i.key;
  if (name == "return") return Key::Enter;
  return Key::None;
}

void InputQueue::installKeyMap(ImGuiIO& io) {
  for (int i = 0; i < ImGuiKey_COUNT; ++i) io.KeyMap[i] = i;
}

void InputQueue::feedFrame(ImGuiIO& io, std::uint32_t nowMs) {
  std::array<bool, 5> buttonChanged{};
  std::array<bool, 16> keyChanged{};
  bool anyButton = false, anyKey = false;
  while (!events_.empty()) {
    InputEvent& e = events_.front();
    bool stop = false;
    switch (e.kind) {
      case InputEvent::Kind::MouseMove:
        if (anyButton) { stop = true; break; }  // the press is seen where it happened
        mouse_ = ImVec2(e.x, e.y);
        break;
      case InputEvent::Kind::MouseButton: {
        int b = e.button;
        if (b < 0 || b >= 5) break;
        if (e.down && !buttons_[b] && quiet(nowMs)) { dropping_[b] = true; break; }
        if (!e.down && dropping_[b]) { dropping_[b] = false; break; }
        if (buttonChanged[b]) { stop = true; break; }
        if (buttons_[b] != e.down) { buttons_[b] = e.down; buttonChanged[b] = true; anyButton = true; }
        break;
      }
      case InputEvent::Kind::Key: {
        int k = static_cast<int>(e.key);
        if (e.key == Key::None || k >= static_cast<int>(keys_.size())) break;
        if (keyChanged[k]) { stop = true; break; }
        if (keys_[k] != e.down) { keys_[k] = e.down; keyChanged[k] = true; anyKey = true; }
        break;
      }
      case InputEvent::Kind::Text:
        if (anyKey) { stop = true; break; }  // text typed after Enter belongs to the next frame
        io.AddInputCharactersUTF8(e.text.c_str());
        break;
      case InputEvent::Kind::Wheel:
        io.MouseWheel += e.y;
        break;
    }
    if (stop) break;
    events_.pop_front();
  }
  io.MousePos = mouse_;
  for (int b = 0; b < 5; ++b) io.MouseDown[b] = buttons_[b];
  std::memset(io.KeysDown, 0, sizeof(io.KeysDown));
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    int s = slot(static_cast<Key>(k));
    if (s >= 0) io.KeysDown[s] = keys_[k];
  }
}

}  // namespace salon::platform
