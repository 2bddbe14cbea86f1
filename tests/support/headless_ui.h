#pragma once
// Headless: the real screens drawn by Dear ImGui without a window. Input goes
// straight into ImGuiIO; the frames' intents and drawn rectangles are checked.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/ui/font_book.h"
#include "app/ui/screens.h"
#include "app/ui/view_text.h"
#include "assets/assets.h"

namespace salon::test {

using namespace salon::ui;

class Headless {
 public:
  explicit Headless(int w = 1024, int h = 768, const std::string& language = "zh-Hans")
      : catalog_(assets::catalog(language)),
        metrics_(metricsFor(w, h)),
        fonts_(fontCandidates(assets::text("fonts.txt").value_or("")), iconFontPath(assets::text("fonts.txt").value_or(""))) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DeltaTime = 1.0f / 60;
    for (int i = 0; i < ImGuiKey_COUNT; ++i) io.KeyMap[i] = i;
    applyTouchStyle(metrics_);
    fonts_.setSizes(metrics_.textSize, metrics_.bigSize);
    for (const auto& [k, v] : catalog_.all()) fonts_.note(v);
  }
  ~Headless() { ImGui::DestroyContext(ctx_); }

  Intents frame(const KioskView& v) {
    for (const std::string& s : textsOf(v)) fonts_.note(s);
    if (fonts_.rebuildNeeded()) {
      fonts_.rebuild();
      unsigned char* px;
      int w, h;
      ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ImGui::NewFrame();
    record_.clear();
    UiContext ui{catalog_, metrics_, fonts_, record_, &coloursOf(look_)};
    Intents out = frame_.draw(ui, v);
    ImGui::Render();
    return out;
  }
  // Press and release on a widget over two frames, as the platform feeds it.
  Intents tap(const KioskView& v, const std::string& id) {
    const Tappable* t = record_.find(id);
    REQUIRE(t);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(t->centreX(), t->centreY());
    io.MouseDown[0] = true;
    Intents a = frame(v);
    io.MouseDown[0] = false;
    Intents b = frame(v);
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }
  // Draws the next frames in another look (kiosk.theme).
  void setLook(Look look) {
    look_ = look;
    applyTouchStyle(metrics_, look_);
  }
  const FrameRecord& record() const { return record_; }
  const Catalog& catalog() const { return catalog_; }
  const FontBook& fonts() const { return fonts_; }
  FontBook& fonts() { return fonts_; }
  const Metrics& metrics() const { return metrics_; }

 private:
  ImGuiContext* ctx_;
  Catalog catalog_;
  Metrics metrics_;
  FontBook fonts_;
  FrameRecord record_;
  KioskFrame frame_;
  Look look_ = Look::Warm;
};

// The first checkout intent of kind T among a frame's intents (nullptr: none).
template <class T>
const T* checkoutIntent(const Intents& in) {
  for (const Intent& i : in)
    if (auto c = std::get_if<CheckoutIntent>(&i))
      if (auto t = std::get_if<T>(c)) return t;
  return nullptr;
}

}  // namespace salon::test
