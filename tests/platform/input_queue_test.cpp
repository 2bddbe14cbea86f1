#include <catch2/catch.hpp>

#include "app/platform/input_queue.h"

using namespace salon::platform;

namespace {

struct Context {
  Context() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    InputQueue::installKeyMap(io);
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  ~Context() { ImGui::DestroyContext(); }
};

// One frame: feed, then let ImGui see it.
void frame(InputQueue& q, std::uint32_t nowMs = 0) {
  q.feedFrame(ImGui::GetIO(), nowMs);
  ImGui::NewFrame();
}
void endFrame() { ImGui::Render(); }

}  // namespace

TEST_CASE("a key pressed and released before a frame is still seen pressed (a card reader's Enter)") {
  Context ctx;
  InputQueue q;
  q.push(InputEvent::textEvent("M00000001"));
  q.push(InputEvent::keyEvent(Key::Enter, true));
  q.push(InputEvent::keyEvent(Key::Enter, false));
  frame(q);
  ImGuiIO& io = ImGui::GetIO();
  CHECK(io.InputQueueCharacters.Size == 9);
  CHECK(ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter], false));
  CHECK_FALSE(q.empty());  // the release waits for the next frame
  endFrame();
  frame(q);
  CHECK(ImGui::IsKeyReleased(io.KeyMap[ImGuiKey_Enter]));
  CHECK(q.empty());
  endFrame();
}

TEST_CASE("a tap is a press in one frame and a release in the next, where it happened") {
  Context ctx;
  InputQueue q;
  q.push(InputEvent::move(100, 200));
  q.push(InputEvent::mouse(0, true));
  q.push(InputEvent::move(300, 300));  // after the press: next frame
  q.push(InputEvent::mouse(0, false));
  frame(q);
  CHECK(ImGui::IsMouseClicked(0));
  CHECK(ImGui::GetIO().MousePos.x == 100);
  endFrame();
  frame(q);
  CHECK(ImGui::GetIO().MousePos.x == 300);
  CHECK(ImGui::IsMouseReleased(0));
  CHECK(q.empty());
  endFrame();
}

TEST_CASE("text typed after Enter belongs to the next frame, two scans stay apart") {
  Context ctx;
  InputQueue q;
  q.push(InputEvent::textEvent("111"));
  q.push(InputEvent::keyEvent(Key::Enter, true));
  q.push(InputEvent::keyEvent(Key::Enter, false));
  q.push(InputEvent::textEvent("222"));
  q.push(InputEvent::keyEvent(Key::Enter, true));
  q.push(InputEvent::keyEvent(Key::Enter, false));
  int frames = 0, enters = 0;
  std::string seen;
  while (!q.empty() && frames < 10) {
    frame(q);
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) seen += static_cast<char>(c);
    if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter], false)) {
      ++enters;
      seen += '|';
    }
    endFrame();
    ++frames;
  }
  CHECK(seen == "111|222|");
  CHECK(enters == 2);
}

TEST_CASE("key names for scripted sessions") {
  CHECK(keyFromName("enter") == Key::Enter);
  CHECK(keyFromName("backspace") == Key::Backspace);
  CHECK(keyFromName("nonsense") == Key::None);
  CHECK(std::string(keyName(Key::Escape)) == "escape");
}

#include <atomic>
#include <thread>

#include "app/platform/frame_pacer.h"
#include "app/platform/main_thread_queue.h"

TEST_CASE("a worker's result runs on the main thread's drain, and the worker wakes the loop") {
  std::atomic<int> wakes{0};
  MainThreadQueue q([&] { ++wakes; });
  int applied = 0;  // touched only by the main thread
  std::thread worker([&] {
    for (int i = 0; i < 3; ++i) q.post([&applied] { ++applied; });
  });
  worker.join();
  CHECK(wakes == 3);
  CHECK(applied == 0);  // nothing runs until the main thread drains
  CHECK(q.drain() == 3);
  CHECK(applied == 3);
  CHECK(q.drain() == 0);
}

TEST_CASE("the loop draws five frames after an event, then sleeps") {
  FramePacer p;
  int drawn = 0;
  while (p.frameDue()) {
    p.frameDrawn();
    ++drawn;
  }
  CHECK(drawn == FramePacer::kFramesAfterEvent);
  CHECK(p.sleepMs(1000) == 1000);
  p.eventArrived();
  CHECK(p.sleepMs(1000) == 0);
  CHECK(p.frameDue());
}

TEST_CASE("a press in the quiet time after a screen changed is dropped with its release, a later one is taken") {
  Context ctx;
  InputQueue q;
  q.quietUntil(1350);  // the screen changed at 1000
  q.push(InputEvent::move(100, 200));
  q.push(InputEvent::mouse(0, true));  // the second tap of a double tap, 50 ms later
  q.push(InputEvent::mouse(0, false));
  frame(q, 1050);
  CHECK_FALSE(ImGui::IsMouseClicked(0));
  endFrame();
  frame(q, 1070);
  CHECK_FALSE(ImGui::IsMouseReleased(0));
  CHECK_FALSE(ImGui::IsMouseDown(0));
  CHECK(q.empty());
  endFrame();
  q.push(InputEvent::mouse(0, true));
  frame(q, 1400);
  CHECK(ImGui::IsMouseClicked(0));
  endFrame();
  q.quietUntil(1500);  // a release of a press made before the change still arrives
  q.push(InputEvent::mouse(0, false));
  frame(q, 1420);
  CHECK(ImGui::IsMouseReleased(0));
  endFrame();
}
