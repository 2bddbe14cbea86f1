#include "app/kiosk/recovery_window.h"

#include <imgui.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "app/kiosk/recovery_desk.h"
#include "app/kiosk/script_runner.h"
#include "app/ui/font_book.h"
#include "app/ui/recovery_screen.h"
#include "assets/assets.h"

namespace salon::kiosk {
namespace {

std::unique_ptr<ScriptRunner> scriptFor(const KioskWindowOptions& o) {
  if (o.script.empty()) return nullptr;
  std::ifstream f(o.script, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read script " + o.script);
  std::stringstream ss;
  ss << f.rdbuf();
  return std::make_unique<ScriptRunner>(o.script, parseScript(ss.str()), o.shotsDir, [](int) { return ""; });
}

// One recovery session: its window, fonts and desk (the ImGui context is the caller's).
class RecoverySession {
 public:
  RecoverySession(StoreRescue& rescue, const StoreProblem& problem, const Clock& clock, const KioskWindowOptions& o)
      : fonts_(ui::fontCandidates(assets::text("fonts.txt").value_or("")),
             ui::iconFontPath(assets::text("fonts.txt").value_or(""))),
        desk_(rescue, problem, clock, [this](const std::string& l) -> const Catalog& { return catalogOf(l); },
              o.language.empty() ? "zh-Hans" : o.language),
        runner_(scriptFor(o)) {
    platform::WindowOptions wo;
    wo.width = o.width;
    wo.height = o.height;
    wo.fullscreen = o.fullscreen;
    window_ = platform::Window::open(o.backend, wo);
  }

  RecoveryOutcome run(const std::string& scriptName) {
    while (!window_->closeRequested()) {
      window_->waitEvents(runner_ ? 0 : 250);
      ui::RecoveryIntents intents;
      if (!drawFrame(intents)) continue;
      for (const ui::RecoveryIntent& i : intents) desk_.apply(i);
      if (state_ == ScriptRunner::State::Passed) {
        std::cout << scriptName << ": passed\n";
        return {false, 0};
      }
      if (state_ == ScriptRunner::State::Failed) {
        std::cerr << "script step failed: " << runner_->failure() << "\n";
        return {false, 1};
      }
      if (desk_.usable() && !runner_) return {true, 0};
    }
    return {false, 0};
  }

 private:
  const Catalog& catalogOf(const std::string& language) {
    auto it = catalogs_.find(language);
    if (it == catalogs_.end()) {
      it = catalogs_.emplace(language, assets::catalog(language)).first;
      for (const auto& [key, text] : it->second.all()) fonts_.note(text);
    }
    return it->second;
  }

  void restyle() {
    int w, h;
    window_->size(w, h);
    if (w == styled_[0] && h == styled_[1]) return;
    metrics_ = ui::metricsFor(w, h);
    ui::applyTouchStyle(metrics_);
    fonts_.setSizes(metrics_.textSize, metrics_.bigSize);
    styled_[0] = w;
    styled_[1] = h;
  }

  // False when the frame was not shown (new characters had to reach the atlas first).
  bool drawFrame(ui::RecoveryIntents& intents) {
    restyle();
    const Catalog& catalog = desk_.catalog();
    for (const std::string& s : ui::textsOf(desk_.view())) fonts_.note(s);
    if (fonts_.rebuildNeeded()) {
      fonts_.rebuild();
      window_->reloadFontTexture();
    }
    window_->beginFrame();
    record_.clear();
    ui::UiContext ui{catalog, metrics_, fonts_, record_};
    intents = screen_.draw(ui, desk_.view());
    ImGui::Render();
    bool missing = false;
    for (const std::string& s : record_.texts()) missing |= fonts_.note(s);
    if (missing) return false;
    window_->render();
    if (runner_) state_ = runner_->afterFrame(record_, *window_);
    window_->present();
    desk_.afterFrame();
    return true;
  }

  std::map<std::string, Catalog> catalogs_;
  ui::FontBook fonts_;
  RecoveryDesk desk_;
  std::unique_ptr<ScriptRunner> runner_;
  std::unique_ptr<platform::Window> window_;
  ui::RecoveryScreen screen_;
  ui::FrameRecord record_;
  ui::Metrics metrics_;
  int styled_[2] = {0, 0};
  ScriptRunner::State state_ = ScriptRunner::State::Running;
};

}  // namespace

RecoveryOutcome runRecoveryWindow(StoreRescue& rescue, const StoreProblem& problem, const Clock& clock,
                                  const KioskWindowOptions& options) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  RecoveryOutcome out;
  {
    RecoverySession session(rescue, problem, clock, options);
    out = session.run(options.script);
  }
  ImGui::DestroyContext();
  return out;
}

}  // namespace salon::kiosk
