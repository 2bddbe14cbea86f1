#include "app/ui/customer_file/customer_search.h"

namespace salon::ui {

SearchInput customerSearch(UiContext& ui, const CustomerSearchView& v, const std::string& idPrefix) {
  SearchInput in;
  const Metrics& m = ui.metrics;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
  ImGui::BeginChild((idPrefix + ".query").c_str(), ImVec2(0, m.touch), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPosY((m.touch - ImGui::GetTextLineHeight()) / 2 - ImGui::GetStyle().WindowPadding.y);
  if (v.query.empty()) mutedText(ui, ui.t("ui.file.search_hint"));
  else text(ui, v.query);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  // The keyboard under the list: its candidate bar and four rows of keys.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float keyboardH = (m.touch + m.gap + spacing) + 4 * (m.touch + spacing);
  ImGui::BeginChild((idPrefix + ".found").c_str(), ImVec2(0, -keyboardH), false);
  dragToScroll();
  if (v.searched && v.found.empty()) mutedText(ui, ui.t("ui.home.no_results"));
  const float cols[] = {m.gap, 230 * m.scale, 420 * m.scale, 620 * m.scale};
  for (const FoundCustomer& c : v.found) {
    ImVec2 start = ImGui::GetCursorPos();
    if (touchRow(ui, idPrefix + ".found." + std::to_string(c.id), c.name,
                 ImVec2(ImGui::GetContentRegionAvail().x, m.touch)))
      in.picked = c.id;
    const float y = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
    const std::string* cells[] = {&c.fileNo, &c.name, &c.maskedPhone, &c.memberNo};
    for (int i = 0; i < 4; ++i) {
      ImGui::SetCursorPos(ImVec2(cols[i], y));
      i == 3 ? mutedText(ui, *cells[i]) : text(ui, *cells[i]);
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch));
    ImGui::Separator();
  }
  ImGui::EndChild();
  KeyboardInput k = pinyinKeyboard(ui, "", {}, ImGui::GetContentRegionAvail().x);
  in.keys = k.keys;
  Typed t = typedThisFrame();
  in.typed = t.chars;
  in.keys.append(t.backspaces, '<');
  return in;
}

void addTexts(const CustomerSearchView& v, std::vector<std::string>& out) {
  out.push_back(v.query);
  for (const FoundCustomer& c : v.found) {
    out.push_back(c.name);
    out.push_back(c.fileNo);
    out.push_back(c.memberNo);
    out.push_back(c.maskedPhone);
  }
}

}  // namespace salon::ui
