#pragma once
// The kiosk's frame loop: sleeps when nothing happens, draws a few frames after
// each event, applies intents after the frame, hands what the readers scanned to
// the controller, and runs what the lanes posted back. It owns no resources: the
// composition root (kiosk_wiring.cpp) builds the window, stores and lanes.
#include <chrono>
#include <functional>
#include <string>

#include "app/kiosk/kiosk_controller.h"
#include "app/kiosk/script_runner.h"
#include "app/platform/frame_pacer.h"
#include "app/platform/main_thread_queue.h"
#include "app/platform/window.h"
#include "app/ui/font_book.h"
#include "app/ui/frame_record.h"
#include "app/ui/theme.h"
#include "app/ui/screens.h"

namespace salon::kiosk {

class KioskLoop {
 public:
  static constexpr int kIdleWakeMs = 1000;  // timers (idle lock, greeting) are checked this often when idle

  KioskLoop(KioskController& controller, platform::Window& window, ui::FontBook& fonts,
            platform::MainThreadQueue& jobs, ScriptRunner* runner = nullptr);

  // Until the window closes or the script ends (its exit code). `firstFrame`
  // runs once, after the first frame was shown (background start-up work).
  int run(const std::string& scriptName, const std::function<void()>& firstFrame);
  // Draws one frame; false if it was not shown because a new character had to be
  // added to the font atlas first (the next frame is drawn at once).
  bool drawFrame();
  // The real loop with nobody touching the screen, for `d`.
  void idleFor(std::chrono::steady_clock::duration d);
  // Waits for events up to `ms` and runs what the lanes posted.
  void waitAndDrain(int ms);

  double frameCpuMs() const { return frameCpuMs_; }  // NewFrame → Render of the last frame
  double atlasMs() const { return atlasMs_; }        // the last font atlas build and upload
  long frames() const { return frames_; }

 private:
  void takeScans();
  void restyle();

  KioskController& controller_;
  platform::Window& window_;
  ui::FontBook& fonts_;
  platform::MainThreadQueue& jobs_;
  ScriptRunner* runner_;
  platform::FramePacer pacer_;
  ui::FrameRecord record_;
  ui::KioskFrame frame_;
  ui::Metrics metrics_;
  int styledFor_[2] = {0, 0};
  ui::Look look_ = ui::Look::Warm;  // the look the style was last made for
  ScriptRunner::State scriptState_ = ScriptRunner::State::Running;
  long frames_ = 0;
  double frameCpuMs_ = 0;
  double atlasMs_ = 0;
  std::string page_;  // ui::pageOf the last frame
  static constexpr std::uint32_t kPageQuietMs = 300;
};

}  // namespace salon::kiosk
