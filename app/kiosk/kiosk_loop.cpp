#include "app/kiosk/kiosk_loop.h"

#include <imgui.h>
#include <time.h>

#include <iostream>

#include "app/ui/view_text.h"

namespace salon::kiosk {
namespace {

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace

KioskLoop::KioskLoop(KioskController& controller, platform::Window& window, ui::FontBook& fonts,
                     platform::MainThreadQueue& jobs, ScriptRunner* runner)
    : controller_(controller), window_(window), fonts_(fonts), jobs_(jobs), runner_(runner) {}

void KioskLoop::restyle() {
  int w, h;
  window_.size(w, h);
  const ui::Look look = ui::lookNamed(controller_.view().status.theme).value_or(ui::Look::Warm);
  if (w == styledFor_[0] && h == styledFor_[1] && look == look_) return;
  look_ = look;
  metrics_ = ui::metricsFor(w, h);
  ui::applyTouchStyle(metrics_, look_);
  fonts_.setSizes(metrics_.textSize, metrics_.bigSize);
  styledFor_[0] = w;
  styledFor_[1] = h;
}

bool KioskLoop::drawFrame() {
  restyle();
  for (const std::string& s : ui::textsOf(controller_.view())) fonts_.note(s);
  if (fonts_.rebuildNeeded()) {
    auto t0 = std::chrono::steady_clock::now();
    fonts_.rebuild();
    window_.reloadFontTexture();
    atlasMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }
  // A new page (by a tap, a finished task or the idle lock) takes no press for a
  // moment: the second tap of a double tap would land on what is drawn now.
  if (std::string page = ui::pageOf(controller_.view()); page != page_) {
    if (!page_.empty()) window_.quietPresses(kPageQuietMs);
    page_ = std::move(page);
  }
  double cpu0 = threadCpuMs();
  window_.beginFrame();
  record_.clear();
  ui::UiContext ui{controller_.catalog(), metrics_, fonts_, record_, &ui::coloursOf(look_)};
  ui::Intents intents = frame_.draw(ui, controller_.view());
  ImGui::Render();
  frameCpuMs_ = threadCpuMs() - cpu0;
  bool missing = false;
  for (const std::string& s : record_.texts()) missing |= fonts_.note(s);
  if (!missing) {
    window_.render();
    if (runner_) scriptState_ = runner_->afterFrame(record_, window_);
    window_.present();
    ++frames_;
  }
  for (const ui::Intent& i : intents) controller_.apply(i);
  if (auto scan = controller_.takeScanOutcome()) window_.chime(*scan);
  if (!intents.empty()) pacer_.eventArrived();
  return !missing;
}

// What the readers scanned goes to the controller, which hands it to the desk
// of the screen shown; the chime says whether it was recognised.
void KioskLoop::takeScans() {
  for (const std::string& code : window_.takeScans()) {
    controller_.activity();
    controller_.apply(ui::ScanPayload{code});
    if (auto scan = controller_.takeScanOutcome()) window_.chime(*scan);
    pacer_.eventArrived();
  }
}

void KioskLoop::waitAndDrain(int ms) {
  window_.waitEvents(ms);
  if (window_.inputPending()) {
    controller_.activity();
    pacer_.eventArrived();
  }
  if (jobs_.drain() > 0) pacer_.eventArrived();
}

int KioskLoop::run(const std::string& scriptName, const std::function<void()>& firstFrame) {
  while (!window_.closeRequested()) {
    const bool scripted = runner_ != nullptr;
    waitAndDrain(scripted ? 0 : pacer_.sleepMs(kIdleWakeMs));
    takeScans();
    if (controller_.tick()) pacer_.eventArrived();
    if (!scripted && !pacer_.frameDue()) continue;
    if (!drawFrame()) continue;
    pacer_.frameDrawn();
    if (frames_ == 1 && firstFrame) firstFrame();
    if (scriptState_ == ScriptRunner::State::Passed) {
      std::cout << scriptName << ": passed\n";
      return 0;
    }
    if (scriptState_ == ScriptRunner::State::Failed) {
      std::cerr << "script step failed: " << runner_->failure() << "\n";
      return 1;
    }
  }
  return 0;
}

void KioskLoop::idleFor(std::chrono::steady_clock::duration d) {
  for (auto t0 = std::chrono::steady_clock::now(); std::chrono::steady_clock::now() - t0 < d;) {
    waitAndDrain(pacer_.sleepMs(kIdleWakeMs));
    if (controller_.tick()) pacer_.eventArrived();
    if (pacer_.frameDue() && drawFrame()) pacer_.frameDrawn();
  }
}

}  // namespace salon::kiosk
