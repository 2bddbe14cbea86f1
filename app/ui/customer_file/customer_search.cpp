#include "app/ui/customer_file/customer_search.h"

namespace salon::ui {
namespace {

// The orders to browse every file by, and the page buttons, on one row; the
// order being browsed is lit. Always there, so nothing moves when typing starts.
void browseBar(UiContext& ui, const CustomerSearchView& v, const std::string& idPrefix, SearchInput& in) {
  const Metrics& m = ui.metrics;
  static const char* const kOrders[] = {"pinyin", "strokes", "created", "skin"};
  const float w = (ImGui::GetContentRegionAvail().x - 5 * m.gap) / 6;
  for (const char* order : kOrders) {
    const std::string o = order;
    const Tone tone = v.browseOrder == o ? Tone::Primary : Tone::Plain;
    if (touchButton(ui, idPrefix + ".browse." + o, ui.t("ui.file.browse." + o), ImVec2(w, m.touch), tone)) {
      in.browseOrder = o;
      in.browsePage = 0;
    }
    ImGui::SameLine(0, m.gap);
  }
  const bool browsing = !v.browseOrder.empty();
  if (touchButton(ui, idPrefix + ".browse.prev", ui.t("ui.file.browse.prev"), ImVec2(w, m.touch)) && browsing &&
      v.browsePage > 0) {
    in.browseOrder = v.browseOrder;
    in.browsePage = v.browsePage - 1;
  }
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, idPrefix + ".browse.next", ui.t("ui.file.browse.next"), ImVec2(w, m.touch)) && browsing &&
      v.browseMore) {
    in.browseOrder = v.browseOrder;
    in.browsePage = v.browsePage + 1;
  }
}

// The box with what was typed. While browsing it is a button: a tap goes back to
// typing (the keyboard returns).
void queryBox(UiContext& ui, const CustomerSearchView& v, const std::string& idPrefix, bool browsing, SearchInput& in) {
  const Metrics& m = ui.metrics;
  if (browsing) {
    if (touchButton(ui, idPrefix + ".type", ui.t("ui.file.search_hint"), ImVec2(ImGui::GetContentRegionAvail().x, m.touch)))
      in.keys = "C";
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild((idPrefix + ".query").c_str(), ImVec2(0, m.touch), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPosY((m.touch - ImGui::GetTextLineHeight()) / 2 - ImGui::GetStyle().WindowPadding.y);
  if (v.query.empty()) mutedText(ui, ui.t("ui.file.search_hint"));
  else text(ui, v.query);
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void foundRows(UiContext& ui, const CustomerSearchView& v, const std::string& idPrefix, SearchInput& in) {
  const Metrics& m = ui.metrics;
  if (v.searched && v.found.empty() && v.chain.empty()) mutedText(ui, ui.t("ui.home.no_results"));
  if (!v.chain.empty()) mutedText(ui, ui.t("ui.search.chain." + v.chain));
  const ListColumns cols = listColumns(m, ImGui::GetContentRegionAvail().x);
  for (const FoundCustomer& c : v.found) {
    ImVec2 start = ImGui::GetCursorPos();
    if (touchRow(ui, idPrefix + ".found." + std::to_string(c.id), c.name,
                 ImVec2(ImGui::GetContentRegionAvail().x, m.touch)))
      in.picked = c.id;
    const float y = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
    const std::string* cells[] = {&c.fileNo, &c.name, &c.maskedPhone, &c.memberNo};
    for (int i = 0; i < 4; ++i) {
      ImGui::SetCursorPos(ImVec2(cols.x[i], y));
      i == 3 ? mutedText(ui, *cells[i]) : text(ui, *cells[i]);
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch));
    ImGui::Separator();
  }
}

}  // namespace

SearchInput customerSearch(UiContext& ui, const CustomerSearchView& v, const std::string& idPrefix, bool browsable) {
  SearchInput in;
  const Metrics& m = ui.metrics;
  // Browsing puts the keyboard away: the whole page of files shows.
  const bool browsing = browsable && !v.browseOrder.empty();
  queryBox(ui, v, idPrefix, browsing, in);
  if (browsable) browseBar(ui, v, idPrefix, in);
  // The keyboard under the list: its candidate bar and four rows of keys.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float keyboardH = browsing ? 0 : (m.touch + m.gap + spacing) + 4 * (m.touch + spacing);
  ImGui::BeginChild((idPrefix + ".found").c_str(), ImVec2(0, -keyboardH), false);
  dragToScroll();
  foundRows(ui, v, idPrefix, in);
  ImGui::EndChild();
  if (browsing) return in;
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
