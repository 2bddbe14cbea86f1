#include "app/ui/entry_box.h"

namespace salon::ui {

void entryBox(UiContext& ui, const std::string& id, const std::string& value, const std::string& pending, float width) {
  const Metrics& m = ui.metrics;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild(id.c_str(), ImVec2(width, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  bigText(ui, value.empty() && pending.empty() ? " " : value);
  if (!pending.empty()) {
    ImGui::SameLine(0, m.gap);
    mutedText(ui, pending);
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace salon::ui
