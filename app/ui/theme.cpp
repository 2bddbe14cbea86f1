#include "app/ui/theme.h"

#include <algorithm>

namespace salon::ui {
namespace {

// Today's warm look: cream, cocoa and terracotta.
Colours warm() {
  Colours c;
  c.window = ImVec4(0.97f, 0.95f, 0.93f, 1);
  c.panel = ImVec4(1, 1, 1, 1);
  c.text = ImVec4(0.16f, 0.13f, 0.12f, 1);
  c.muted = ImVec4(0.45f, 0.40f, 0.38f, 1);
  c.button = ImVec4(0.90f, 0.84f, 0.80f, 1);
  c.buttonActive = ImVec4(0.78f, 0.64f, 0.58f, 1);
  c.header = ImVec4(0.93f, 0.88f, 0.85f, 1);
  c.scrollbar = ImVec4(0.78f, 0.70f, 0.66f, 1);
  c.separator = ImVec4(0.85f, 0.80f, 0.77f, 1);
  c.border = ImVec4(0, 0, 0, 0.30f);  // ImGui's light style
  c.primary = ImVec4(0.62f, 0.36f, 0.30f, 1);
  c.primaryActive = ImVec4(0.48f, 0.26f, 0.22f, 1);
  c.onPrimary = ImVec4(1, 1, 1, 1);
  c.danger = ImVec4(0.80f, 0.25f, 0.22f, 1);
  c.onDanger = ImVec4(1, 1, 1, 1);
  c.ok = ImVec4(0.15f, 0.45f, 0.20f, 1);
  c.alert = ImVec4(0.75f, 0.12f, 0.10f, 1);
  c.accent = ImVec4(0.55f, 0.30f, 0.25f, 1);
  c.bar = ImVec4(0.36f, 0.22f, 0.20f, 1);
  c.onBar = ImVec4(1, 1, 1, 1);
  c.barWarning = ImVec4(1.0f, 0.78f, 0.30f, 1);
  return c;
}

// Light: white and cool grey with a deep teal, for shops that find cream too warm.
Colours light() {
  Colours c = warm();
  c.window = ImVec4(0.95f, 0.96f, 0.97f, 1);
  c.text = ImVec4(0.11f, 0.13f, 0.16f, 1);
  c.muted = ImVec4(0.36f, 0.40f, 0.45f, 1);
  c.button = ImVec4(0.86f, 0.89f, 0.92f, 1);
  c.buttonActive = ImVec4(0.70f, 0.76f, 0.82f, 1);
  c.header = ImVec4(0.90f, 0.93f, 0.95f, 1);
  c.scrollbar = ImVec4(0.70f, 0.75f, 0.80f, 1);
  c.separator = ImVec4(0.82f, 0.85f, 0.88f, 1);
  c.primary = ImVec4(0.05f, 0.40f, 0.45f, 1);
  c.primaryActive = ImVec4(0.03f, 0.30f, 0.34f, 1);
  c.accent = ImVec4(0.05f, 0.36f, 0.42f, 1);
  c.bar = ImVec4(0.17f, 0.24f, 0.31f, 1);
  return c;
}

// High contrast: black on white, black edges round every button and panel, and
// the step forward in black.
Colours contrast() {
  Colours c;
  c.window = ImVec4(1, 1, 1, 1);
  c.panel = ImVec4(1, 1, 1, 1);
  c.text = ImVec4(0, 0, 0, 1);
  c.muted = ImVec4(0.20f, 0.20f, 0.20f, 1);
  c.button = ImVec4(1, 1, 1, 1);
  c.buttonActive = ImVec4(0.80f, 0.80f, 0.80f, 1);
  c.header = ImVec4(0.88f, 0.88f, 0.88f, 1);
  c.scrollbar = ImVec4(0.25f, 0.25f, 0.25f, 1);
  c.separator = ImVec4(0, 0, 0, 1);
  c.border = ImVec4(0, 0, 0, 1);
  c.primary = ImVec4(0, 0, 0, 1);
  c.primaryActive = ImVec4(0.25f, 0.25f, 0.25f, 1);
  c.onPrimary = ImVec4(1, 1, 1, 1);
  c.danger = ImVec4(0.55f, 0, 0, 1);
  c.onDanger = ImVec4(1, 1, 1, 1);
  c.ok = ImVec4(0, 0.33f, 0, 1);
  c.alert = ImVec4(0.60f, 0, 0, 1);
  c.accent = ImVec4(0, 0, 0, 1);
  c.bar = ImVec4(0, 0, 0, 1);
  c.onBar = ImVec4(1, 1, 1, 1);
  c.barWarning = ImVec4(1, 0.85f, 0.2f, 1);
  c.borderSize = 2;
  return c;
}

}  // namespace

std::optional<Look> lookNamed(const std::string& name) {
  if (name == "warm") return Look::Warm;
  if (name == "light") return Look::Light;
  if (name == "contrast") return Look::Contrast;
  return std::nullopt;
}

const Colours& coloursOf(Look look) {
  static const Colours kWarm = warm(), kLight = light(), kContrast = contrast();
  switch (look) {
    case Look::Light: return kLight;
    case Look::Contrast: return kContrast;
    default: return kWarm;
  }
}

Metrics metricsFor(int width, int height) {
  float s = std::min(width / 1024.0f, height / 768.0f);
  s = std::clamp(s, 0.75f, 4.0f);
  Metrics m;
  m.scale = s;
  m.touch = 64 * s;
  m.keypadKey = 100 * s;
  m.textSize = 24 * s;
  m.bigSize = 44 * s;
  m.gap = 12 * s;
  // Its buttons are the bar less half a gap: 48 px at least on the smallest screens.
  m.statusBar = std::max(56 * s, 48 + m.gap * 0.5f);
  m.small = std::max(48.0f, m.touch * 0.8f);
  m.compact = std::max(48.0f, m.touch * 0.9f);
  return m;
}

void applyTouchStyle(const Metrics& m, Look look) {
  ImGuiStyle style;  // fresh, so scaling twice does not compound
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(m.gap * 1.5f, m.gap);
  style.FramePadding = ImVec2(m.gap, m.gap * 0.75f);
  style.ItemSpacing = ImVec2(m.gap, m.gap);
  style.ItemInnerSpacing = ImVec2(m.gap * 0.5f, m.gap * 0.5f);
  style.ScrollbarSize = 28 * m.scale;
  style.GrabMinSize = 48 * m.scale;
  style.FrameRounding = 10 * m.scale;
  style.ChildRounding = 10 * m.scale;
  style.ScrollbarRounding = 10 * m.scale;
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.TouchExtraPadding = ImVec2(4 * m.scale, 4 * m.scale);
  const Colours& k = coloursOf(look);
  style.FrameBorderSize = k.borderSize;
  style.ChildBorderSize = std::max(1.0f, k.borderSize);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = k.window;
  c[ImGuiCol_ChildBg] = k.panel;
  c[ImGuiCol_Text] = k.text;
  c[ImGuiCol_Button] = k.button;
  c[ImGuiCol_ButtonHovered] = c[ImGuiCol_Button];  // touch: no hover look
  c[ImGuiCol_ButtonActive] = k.buttonActive;
  c[ImGuiCol_Header] = k.header;
  c[ImGuiCol_HeaderHovered] = c[ImGuiCol_Header];
  c[ImGuiCol_ScrollbarGrab] = k.scrollbar;
  c[ImGuiCol_Separator] = k.separator;
  c[ImGuiCol_Border] = k.border;
  ImGui::GetStyle() = style;
}

}  // namespace salon::ui
