#include "app/ui/settings/settings_widgets.h"

#include <algorithm>

namespace salon::ui {

void symbolRow(UiContext& ui, float width, Intents& out) {
  static const char* kSymbols[] = {".", ":", "/", "-", "_", "@"};
  const Metrics& m = ui.metrics;
  const float gap = m.gap * 0.5f;
  const float keyW = (width - 10 * gap) / 10.5f;
  for (int i = 0; i < 6; ++i) {
    if (i > 0) ImGui::SameLine(0, gap);
    if (touchButton(ui, "settings.sym." + std::to_string(i + 1), kSymbols[i], ImVec2(keyW, m.touch)))
      settingsIntent(out, SettingsKeys{kSymbols[i]});
  }
}

void fieldRow(UiContext& ui, const std::string& field, const std::string& label, const std::string& value,
              Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  ImVec2 start = ImGui::GetCursorPos();
  ImVec2 screen = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(screen, ImVec2(screen.x + w, screen.y + m.touch),
                                            ImGui::GetColorU32(ui.c().panel), 6 * m.scale);
  bool tapped = touchRow(ui, "settings.field." + field, label, ImVec2(w, m.touch));
  const float textY = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
  ImGui::SetCursorPos(ImVec2(start.x + m.gap, textY));
  mutedText(ui, label);
  ImGui::SetCursorPos(ImVec2(start.x + w * 0.28f, textY));
  // A long address is cut at the edit mark rather than running under it.
  const float room = w * 0.72f - 110 * m.scale;
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                      ImVec2(ImGui::GetCursorScreenPos().x + room, ImGui::GetCursorScreenPos().y + m.touch), true);
  text(ui, value.empty() ? ui.t("ui.settings.not_set") : value);
  ImGui::PopClipRect();
  const std::string& edit = ui.t("ui.settings.edit");
  ImGui::SetCursorPos(ImVec2(start.x + w - ImGui::CalcTextSize(edit.c_str()).x - m.gap, textY));
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().accent);
  text(ui, edit);
  ImGui::PopStyleColor();
  ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch + m.gap * 0.5f));
  if (tapped) settingsIntent(out, SettingsEdit{field});
}

std::string choiceButtons(UiContext& ui, const std::string& idPrefix, const std::vector<Choice>& choices,
                          const std::string& current, float buttonWidth) {
  const Metrics& m = ui.metrics;
  const float right = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX();
  std::string picked;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const Choice& c = choices[i];
    float w = std::max(buttonWidth, ImGui::CalcTextSize(c.label.c_str()).x + m.gap * 2);
    if (i > 0) {
      ImGui::SameLine(0, m.gap * 0.5f);
      if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
    }
    bool on = c.value == current;
    if (touchButton(ui, idPrefix + "." + c.value, c.label, ImVec2(w, m.touch), on ? Tone::Primary : Tone::Plain) && !on)
      picked = c.value;
  }
  return picked;
}

bool listRow(UiContext& ui, const std::string& id, const std::vector<std::string>& cells,
             const std::vector<float>& columns, bool chosen, bool muted) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  ImVec2 start = ImGui::GetCursorPos();
  if (chosen) {
    ImVec2 s = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(s, ImVec2(s.x + w, s.y + m.touch),
                                              ImGui::GetColorU32(ImVec4(0.96f, 0.86f, 0.80f, 1.0f)));
  }
  bool tapped = touchRow(ui, id, cells.empty() ? id : cells.front(), ImVec2(w, m.touch));
  const float textY = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
  for (std::size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
    if (cells[i].empty()) continue;
    ImGui::SetCursorPos(ImVec2(start.x + m.gap + w * columns[i], textY));
    muted || i + 1 == cells.size() ? mutedText(ui, cells[i]) : text(ui, cells[i]);
  }
  ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch));
  ImGui::Separator();
  return tapped;
}

}  // namespace salon::ui
