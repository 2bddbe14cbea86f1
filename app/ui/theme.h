#pragma once
// Sizes for touch: every target at least 48 px on a 1024×768 screen, scaled with
// the display, and nothing that depends on hover.
namespace salon::ui {

struct Metrics {
  float scale = 1;     // 1 at 1024×768
  float touch = 64;    // the height of an ordinary button
  float keypadKey = 88;
  float textSize = 24;
  float bigSize = 44;  // digits, totals, the check-in greeting
  float gap = 12;
  float statusBar = 56;
};

Metrics metricsFor(int width, int height);
// Applies the touch style to the current ImGui context.
void applyTouchStyle(const Metrics& m);

}  // namespace salon::ui
