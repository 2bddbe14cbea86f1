// Readers through the window: raw key presses go through core's wedge decoder
// (WedgeGate); a fast burst ending in Enter becomes one scan and never reaches
// ImGui (its Enter is not a keypad OK), a person's typing comes through whole.
#include <catch2/catch.hpp>

#include <cstring>

#include "app/kiosk/wedge_gate.h"
#include "support/fake_window.h"

using namespace salon;
using salon::test::FakeWindow;

namespace {

struct Context {
  Context() {
    ImGui::CreateContext();
    platform::InputQueue::installKeyMap(ImGui::GetIO());
  }
  ~Context() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_CASE("a reader's fast burst ending in Enter is one scan and nothing of it reaches the screen") {
  Context ctx;
  kiosk::WedgeGate gate;
  FakeWindow w;
  w.setKeyGate(&gate);
  const std::string qr = "SK1.M00000001.1.Ab-_x";
  for (char c : qr) w.press(c);
  CHECK(w.inputPending());  // held while it may be a scan
  CHECK(w.queued() == 0);
  w.press('\n');
  CHECK(w.takeScans() == std::vector<std::string>{qr});
  CHECK(w.takeScans().empty());  // once
  CHECK(w.drain().empty());
  CHECK_FALSE(w.inputPending());
  // Typing afterwards is not swallowed.
  w.now += 500;
  w.press('5');
  w.now += 200;
  CHECK(w.waitEvents(0));
  CHECK(w.drain() == "5");
}

TEST_CASE("a person typing slowly: the keys come through in order after the gap, Enter included") {
  Context ctx;
  kiosk::WedgeGate gate;
  FakeWindow w;
  w.setKeyGate(&gate);
  std::string seen;
  for (char c : std::string("5678")) {
    w.press(c);
    w.now += 150;
    w.waitEvents(0);
    seen += w.drain();
  }
  w.press('\n');
  seen += w.drain();
  CHECK(seen == "5678\n");
  CHECK(w.takeScans().empty());
}

TEST_CASE("a short fast burst with Enter is typing, not a scan and a magnetic track gives its card number") {
  Context ctx;
  kiosk::WedgeGate gate;
  FakeWindow w;
  w.setKeyGate(&gate);
  w.press('1');
  w.press('2');
  w.press('\n');
  CHECK(w.takeScans().empty());
  CHECK(w.drain() == "12\n");
  w.now += 5000;
  for (char c : std::string(";6225880112345678=2512?")) w.press(c);
  w.press('\n');
  CHECK(w.takeScans() == std::vector<std::string>{"6225880112345678"});
  CHECK(w.drain().empty());
}

TEST_CASE("without a gate every key goes straight through, as before") {
  Context ctx;
  FakeWindow w;
  for (char c : std::string("M0001")) w.press(c);
  w.press('\n');
  CHECK(w.takeScans().empty());
  CHECK(w.drain() == "M0001\n");
}
