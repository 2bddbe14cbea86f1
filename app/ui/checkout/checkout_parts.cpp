#include "app/ui/checkout/checkout_parts.h"

#include <algorithm>

namespace salon::ui::checkout_parts {

void intent(Intents& out, CheckoutIntent i) { out.push_back(std::move(i)); }

std::string yuan(const std::string& amount) { return "¥" + amount; }

void row(UiContext& ui, const std::string& label, const std::string& value, float width, bool big) {
  float x = ImGui::GetCursorPosX();
  text(ui, label);
  ImGui::SameLine();
  if (big) ImGui::PushFont(ui.fonts.big());
  float w = ImGui::CalcTextSize(value.c_str()).x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), x + width - w));
  ImGui::TextUnformatted(value.c_str());
  ui.record.text(value);
  if (big) ImGui::PopFont();
}

void Flow::next(float w) {
  if (used_ > 0 && used_ + gap_ + w <= width_) {
    ImGui::SameLine(0, gap_);
    used_ += gap_ + w;
  } else {
    used_ = w;
  }
}

float labelWidth(UiContext& ui, const std::string& s, float min) {
  return std::max(min, ImGui::CalcTextSize(s.c_str()).x + ui.metrics.gap * 3);
}

std::string pad(UiContext& ui, const std::string& idPrefix, const char* const keys[12], float width, float height,
                const std::string& okLabel) {
  const Metrics& m = ui.metrics;
  const float keyW = (width - 2 * m.gap) / 3;
  const float keyH = std::max(m.touch, std::min(m.keypadKey, (height - 3 * m.gap) / 4));
  std::string pressed;
  ImGui::PushFont(ui.fonts.big());
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) ImGui::SameLine(0, m.gap);
    const std::string k = keys[i];
    std::string id = idPrefix + "." + (k == "<" ? "back" : k == "=" ? "ok" : k == "." ? "dot" : k);
    std::string label = k == "<" ? "←" : k == "=" ? okLabel : k;
    if (k == "=") ImGui::PushFont(ui.fonts.text());
    if (touchButton(ui, id, label, ImVec2(keyW, keyH), k == "=" ? Tone::Primary : Tone::Plain)) pressed += k;
    if (k == "=") ImGui::PopFont();
  }
  ImGui::PopFont();
  return pressed;
}


}  // namespace salon::ui::checkout_parts
