#pragma once
// Sizes for touch: scaled with the display from 1024×768, every target at least
// 48 px at every size (800×600 included), and nothing that depends on hover. And the looks: the warm
// default, a light one, and a high-contrast one for bright shops and weak eyes.
#include <imgui.h>

#include <optional>
#include <string>

namespace salon::ui {

struct Metrics {
  float scale = 1;     // 1 at 1024×768
  float touch = 64;    // the height of an ordinary button
  float keypadKey = 88;
  float textSize = 24;
  float bigSize = 44;  // digits, totals, the check-in greeting
  float gap = 12;
  float statusBar = 56;
  // Lesser buttons (chips, a cart line's own, a row's step): smaller than an
  // ordinary button on a big screen, never under 48 px on a small one.
  float small = 51;    // 0.8 × touch
  float compact = 58;  // 0.9 × touch
};

Metrics metricsFor(int width, int height);

// The store's look (setting kiosk.theme: "warm", "light", "contrast").
enum class Look { Warm, Light, Contrast };
std::optional<Look> lookNamed(const std::string& name);

// What each colour is for. Every text colour reads at 4.5:1 or more on the
// surfaces it is drawn on (7:1 in the high-contrast look); theme_test checks it.
struct Colours {
  ImVec4 window;         // the screen behind everything
  ImVec4 panel;          // lists, entry boxes, the cart
  ImVec4 text, muted;    // on window and panel
  ImVec4 button, buttonActive, header, scrollbar, separator, border;
  ImVec4 primary, primaryActive, onPrimary;  // the step forward (结账, 确认)
  ImVec4 danger, onDanger;
  ImVec4 ok, alert;      // a message that something was done / went wrong
  ImVec4 accent;         // prices on tiles, a section's small headings
  ImVec4 bar, onBar, barWarning;  // the status bar
  float borderSize = 0;  // around buttons and panels (the high-contrast look draws them)
};
const Colours& coloursOf(Look look);

// Applies the touch sizes and a look's colours to the current ImGui context.
void applyTouchStyle(const Metrics& m, Look look = Look::Warm);

}  // namespace salon::ui
