#include "app/ui/screens.h"

namespace salon::ui {

Intents KioskFrame::draw(UiContext& ui, const KioskView& v) {
  Intents out;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  ImGui::PushFont(ui.fonts.text());
  add(out, status_.draw(ui, v.status));
  const float pad = ui.metrics.gap * 1.5f;
  ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + ui.metrics.gap));
  ImGui::BeginChild("screen", ImVec2(io.DisplaySize.x - 2 * pad, 0), false, ImGuiWindowFlags_NoBackground);
  switch (v.screen) {
    case Screen::SignIn: add(out, signIn_.draw(ui, v.signIn)); break;
    case Screen::Home: add(out, home_.draw(ui, v.home)); break;
    case Screen::CheckIn:
      for (Intent& i : checkIn_.draw(ui, v.checkIn)) out.push_back(std::move(i));
      break;
  }
  ImGui::EndChild();
  ImGui::PopFont();
  ImGui::End();
  return out;
}

}  // namespace salon::ui
