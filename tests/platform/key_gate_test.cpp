// The window's keyboard gate: held keyboard events are released in order, or
// dropped with the reader's Enter, as the gate decides; injected reader keys
// carry the HID usage a real reader's key press has.
#include <catch2/catch.hpp>

#include <deque>

#include "support/fake_window.h"

using namespace salon::platform;
using salon::test::FakeWindow;

namespace {

// Holds every key until told: the test plays the decoder.
class ScriptedGate : public KeyGate {
 public:
  std::deque<GateVerdict> next;
  std::vector<RawKey> seen;
  GateVerdict key(const RawKey& k) override {
    seen.push_back(k);
    GateVerdict v = next.empty() ? GateVerdict{} : next.front();
    if (!next.empty()) next.pop_front();
    return v;
  }
  GateVerdict idle(std::uint32_t) override {
    GateVerdict v;
    v.releaseHeld = true;
    return v;
  }
};

struct Context {
  Context() {
    ImGui::CreateContext();
    InputQueue::installKeyMap(ImGui::GetIO());
  }
  ~Context() { ImGui::DestroyContext(); }
};

GateVerdict hold() {
  GateVerdict v;
  v.holdThis = true;
  return v;
}

}  // namespace

TEST_CASE("reader characters map to the HID usages a US-layout wedge sends") {
  bool shift = false;
  CHECK(hidUsageOfChar('a', shift) == 4);
  CHECK_FALSE(shift);
  CHECK(hidUsageOfChar('M', shift) == 16);
  CHECK(shift);
  CHECK(hidUsageOfChar('1', shift) == 30);
  CHECK(hidUsageOfChar('0', shift) == 39);
  CHECK(hidUsageOfChar('\n', shift) == 40);
  CHECK(hidUsageOfChar('.', shift) == 55);
  CHECK_FALSE(shift);
  CHECK(hidUsageOfChar('_', shift) == 45);
  CHECK(shift);
  CHECK(hidUsageOfChar('?', shift) == 56);
  CHECK(shift);
  CHECK(hidUsageOfChar('=', shift) == 46);
  CHECK_FALSE(shift);
}

TEST_CASE("held keys stay out of the frame until released, then arrive in order") {
  Context ctx;
  ScriptedGate gate;
  FakeWindow w;
  w.setKeyGate(&gate);
  gate.next = {hold(), hold()};
  w.press('4');
  w.press('2');
  CHECK(w.queued() == 0);
  CHECK(w.inputPending());
  REQUIRE(gate.seen.size() == 2);
  CHECK(gate.seen[0].usage == 33);
  CHECK(w.waitEvents(0));  // idle: the scripted gate releases
  CHECK(w.drain() == "42");
}

TEST_CASE("a dropped burst takes its Enter with it and hands over the scans") {
  Context ctx;
  ScriptedGate gate;
  FakeWindow w;
  w.setKeyGate(&gate);
  GateVerdict scan;
  scan.dropHeld = true;
  scan.scans = {"AB1"};
  gate.next = {hold(), hold(), hold(), scan};
  for (char c : std::string("AB1\n")) w.press(c);
  CHECK(w.takeScans() == std::vector<std::string>{"AB1"});
  CHECK(w.drain().empty());
  // The next Enter is a person's again.
  w.press('\n');
  CHECK(w.drain() == "\n");
}
