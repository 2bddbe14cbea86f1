#pragma once
// WCAG 2 contrast between two opaque colours (1 … 21), for the colour tests.
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace salon::test {

inline double luminance(ImU32 c) {
  auto channel = [&](int shift) {
    double v = ((c >> shift) & 0xFF) / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(IM_COL32_R_SHIFT) + 0.7152 * channel(IM_COL32_G_SHIFT) + 0.0722 * channel(IM_COL32_B_SHIFT);
}
inline double contrast(ImU32 a, ImU32 b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
inline double contrast(ImVec4 a, ImVec4 b) {
  return contrast(ImGui::ColorConvertFloat4ToU32(a), ImGui::ColorConvertFloat4ToU32(b));
}

}  // namespace salon::test
