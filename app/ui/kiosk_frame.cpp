#include "app/ui/screens.h"

namespace salon::ui {
namespace {

void append(Intents& out, Intents more) {
  for (Intent& i : more) out.push_back(std::move(i));
}

}  // namespace

std::string pageOf(const KioskView& v) {
  std::string page = std::to_string(static_cast<int>(v.screen));
  auto part = [&](auto n) { page += "/" + std::to_string(static_cast<long>(n)); };
  switch (v.screen) {
    case Screen::Checkout: part(static_cast<int>(v.checkout.stage)); break;
    case Screen::Registration: part(static_cast<int>(v.registration.step)); break;
    case Screen::CustomerFile: part(static_cast<int>(v.customerFile.stage)); break;
    case Screen::CheckIn:
      part(v.checkIn.welcomedName.empty() ? 0 : 1);
      part(static_cast<int>(v.checkIn.ownFile.step));
      part(v.checkIn.leaving ? 1 : 0);
      break;
    case Screen::Approvals:
      part(static_cast<int>(v.approvals.tab));
      part(v.approvals.due.size());
      part(v.approvals.inbox.size());
      break;
    case Screen::Reports:
      part(static_cast<int>(v.reports.tab));
      part(v.reports.drilling ? 1 : 0);
      part(v.reports.range.open ? 1 : 0);
      break;
    case Screen::Settings:
      // A confirmation bar (a new role, a new price, a second tap to deactivate) and
      // the bar after it put other buttons where the finger just was.
      part(static_cast<int>(v.settings.section));
      part(v.settings.roleDraft.empty() ? 0 : 1);
      part(v.settings.priceChange.open ? 1 : 0);
      part(v.settings.confirming.empty() ? 0 : 1);
      break;
    default: break;
  }
  return page;
}

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
  StatusView status = v.status;
  status.customerFacing = v.screen == Screen::CheckIn || v.screen == Screen::Registration;
  add(out, status_.draw(ui, status));
  const float pad = ui.metrics.gap * 1.5f;
  ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + ui.metrics.gap));
  ImGui::BeginChild("screen", ImVec2(io.DisplaySize.x - 2 * pad, 0), false, ImGuiWindowFlags_NoBackground);
  switch (v.screen) {
    case Screen::SignIn: add(out, signIn_.draw(ui, v.signIn)); break;
    case Screen::Home: add(out, home_.draw(ui, v.home)); break;
    case Screen::CheckIn: append(out, checkIn_.draw(ui, v.checkIn)); break;
    case Screen::Registration: append(out, registration_.draw(ui, v.registration)); break;
    case Screen::Checkout: append(out, checkout_.draw(ui, v.checkout)); break;
    case Screen::CustomerFile: append(out, customerFile_.draw(ui, v.customerFile)); break;
    case Screen::Members: append(out, members_.draw(ui, v.members)); break;
    case Screen::Approvals: append(out, approvals_.draw(ui, v.approvals)); break;
    case Screen::Settings: append(out, settings_.draw(ui, v.settings)); break;
    case Screen::Appointments: append(out, appointments_.draw(ui, v.appointments)); break;
    case Screen::Reports: append(out, reports_.draw(ui, v.reports)); break;
  }
  ImGui::EndChild();
  ImGui::PopFont();
  ImGui::End();
  return out;
}

}  // namespace salon::ui
