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
  ImGui::BeginChild("today", ImVec2(0, 0), false);
  dragToScroll();
  const float x0 = m.gap, cols[] = {x0, x0 + 230 * m.scale, x0 + 420 * m.scale, x0 + 620 * m.scale};
  // One list row of up to four cells; the last one muted.
  auto row = [&](const std::string* cells[4]) {
    ImVec2 start = ImGui::GetCursorPos();
    float textY = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
    for (int i = 0; i < 4; ++i) {
      if (!cells[i]) continue;
      ImGui::SetCursorPos(ImVec2(cols[i], textY));
      i == 3 ? mutedText(ui, *cells[i]) : text(ui, *cells[i]);
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch));
    ImGui::Separator();
  };
  ImGui::SetCursorPos(ImVec2(x0, ImGui::GetCursorPosY() + m.gap * 0.5f));
  text(ui, ui.t("ui.home.queue") + " (" + std::to_string(v.queue.size()) + ")");
  if (v.queue.empty()) {
    ImGui::SetCursorPosX(x0);
    mutedText(ui, ui.t("ui.home.queue_empty"));
  }
  for (const QueueRow& q : v.queue) {
    const std::string* cells[4] = {&q.time, &q.name, &ui.t(q.methodKey), nullptr};
    row(cells);
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  ImGui::SetCursorPosX(x0);
  text(ui, ui.t("home.customers"));
  if (v.customers.empty()) {
    ImGui::SetCursorPosX(x0);
    mutedText(ui, ui.t("home.no_customers"));
  }
  for (const CustomerRow& c : v.customers) {
    const std::string* cells[4] = {&c.fileNo, &c.name, &c.maskedPhone, &ui.t(c.statusKey)};
    row(cells);
  }
  ImGui::EndChild();
  return out;
}

}  // namespace salon::ui
