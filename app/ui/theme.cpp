#include "app/ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace salon::ui {

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
  m.statusBar = 56 * s;
  return m;
}

void applyTouchStyle(const Metrics& m) {
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
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.95f, 0.93f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.16f, 0.13f, 0.12f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.90f, 0.84f, 0.80f, 1.0f);
  c[ImGuiCol_ButtonHovered] = c[ImGuiCol_Button];  // touch: no hover look
  c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.64f, 0.58f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.93f, 0.88f, 0.85f, 1.0f);
  c[ImGuiCol_HeaderHovered] = c[ImGuiCol_Header];
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0.78f, 0.70f, 0.66f, 1.0f);
  c[ImGuiCol_Separator] = ImVec4(0.85f, 0.80f, 0.77f, 1.0f);
  ImGui::GetStyle() = style;
}

}  // namespace salon::ui
