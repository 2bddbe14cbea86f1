// Settings → 备份: the audit chain's head, to be written down or compared with the
// Z report and the backups' notes. The hash is drawn in groups of four hex digits
// on a fixed grid (the fonts have no monospace face), so it reads out like a
// phone number and lines up with what was written down.
#include <algorithm>
#include <string>

#include "app/ui/settings/settings_screen.h"
#include "app/ui/settings/settings_widgets.h"

namespace salon::ui {

void SettingsScreen::auditHead(UiContext& ui, const SettingsView& v) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  text(ui, ui.t("ui.settings.audit_head.title"));
  ImGui::PushTextWrapPos(0);
  mutedText(ui, ui.t("ui.settings.audit_head.explain"));
  mutedText(ui, ui.t("ui.settings.audit_head.check"));
  ImGui::PopTextWrapPos();
  if (v.auditHead.empty()) return mutedText(ui, ui.t("ui.settings.audit_head.none"));
  // Eight groups a row where they fit (two rows for SHA-256), else four.
  const float cell = ImGui::CalcTextSize("0000").x + m.gap * 1.2f;
  const int perRow = w - m.gap * 2 >= cell * 8 ? 8 : 4;
  const int rows = static_cast<int>((v.auditHeadGroups.size() + perRow - 1) / perRow);
  const float lineH = ImGui::GetTextLineHeightWithSpacing();
  const float boxH = m.bigSize + lineH * static_cast<float>(rows) + m.gap * 2.5f;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("settings.audit_head", ImVec2(std::min(w, cell * perRow + m.gap * 2), boxH), true,
                    ImGuiWindowFlags_NoScrollbar);
  std::string entry = ui.t("ui.settings.audit_head.entry");  // "第 {n} 条", "Entry {n}"
  if (auto at = entry.find("{n}"); at != std::string::npos) entry.replace(at, 3, v.auditHeadSeq);
  bigText(ui, entry);
  const float x0 = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < v.auditHeadGroups.size(); ++i) {
    if (i % static_cast<std::size_t>(perRow) != 0) ImGui::SameLine();
    ImGui::SetCursorPosX(x0 + cell * static_cast<float>(i % static_cast<std::size_t>(perRow)));
    text(ui, v.auditHeadGroups[i]);
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace salon::ui
