#include "app/ui/screens.h"

namespace salon::ui {

Intent HomeScreen::draw(UiContext& ui, const HomeView& v) {
  Intent out;
  const Metrics& m = ui.metrics;
  bigText(ui, ui.t("ui.home.title"));
  const float w = 240 * m.scale;
  if (touchButton(ui, "home.checkin", ui.t("ui.home.checkin"), ImVec2(w, m.touch), Tone::Primary))
    out = Navigate{Screen::CheckIn};
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "home.switch", ui.t("ui.home.switch_user"), ImVec2(w, m.touch))) out = LockKiosk{};
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  text(ui, ui.t("home.customers"));
  ImGui::BeginChild("customers", ImVec2(0, 0), false);
  dragToScroll();
  if (v.customers.empty()) mutedText(ui, ui.t("home.no_customers"));
  const float x0 = m.gap, cols[] = {x0, x0 + 230 * m.scale, x0 + 420 * m.scale, x0 + 620 * m.scale};
  const float rowH = m.touch;
  for (const CustomerRow& c : v.customers) {
    ImVec2 start = ImGui::GetCursorPos();
    float textY = start.y + (rowH - ImGui::GetTextLineHeight()) / 2;
    const std::string* cells[] = {&c.fileNo, &c.name, &c.maskedPhone, &ui.t(c.statusKey)};
    for (int i = 0; i < 4; ++i) {
      ImGui::SetCursorPos(ImVec2(cols[i], textY));
      i == 3 ? mutedText(ui, *cells[i]) : text(ui, *cells[i]);
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + rowH));
    ImGui::Separator();
  }
  ImGui::EndChild();
  return out;
}

}  // namespace salon::ui
