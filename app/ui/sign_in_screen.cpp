#include "app/ui/screens.h"

namespace salon::ui {

Intent SignInScreen::draw(UiContext& ui, const SignInView& v) {
  return v.chosenCode.empty() ? chooseStaff(ui, v) : enterPin(ui, v);
}

// Quick user switch: every active staff member is one tap away.
Intent SignInScreen::chooseStaff(UiContext& ui, const SignInView& v) {
  Intent out;
  const Metrics& m = ui.metrics;
  bigText(ui, ui.t("ui.signin.title"));
  if (!v.staff.empty()) mutedText(ui, ui.t("ui.signin.choose_staff"));
  if (!v.message.empty()) alertText(ui, v.message);
  if (v.staff.empty()) {
    ImGui::PushTextWrapPos(0);
    alertText(ui, ui.t("ui.signin.no_staff"));
    ImGui::PopTextWrapPos();
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  const int columns = 3;
  const float w = (ImGui::GetContentRegionAvail().x - (columns - 1) * m.gap) / columns;
  for (std::size_t i = 0; i < v.staff.size(); ++i) {
    if (i % columns != 0) ImGui::SameLine(0, m.gap);
    const StaffTile& s = v.staff[i];
    if (touchButton(ui, "signin.staff." + s.code, s.name, ImVec2(w, m.touch * 1.6f))) out = ChooseStaff{s.code};
  }
  return out;
}

Intent SignInScreen::enterPin(UiContext& ui, const SignInView& v) {
  Intent out;
  const Metrics& m = ui.metrics;
  const float padW = 420 * m.scale;
  const float leftW = ImGui::GetContentRegionAvail().x - padW - m.gap * 2;
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(leftW, m.gap));
  bigText(ui, v.chosenName);
  text(ui, ui.t("ui.signin.enter_pin"));
  ImGui::Dummy(ImVec2(0, m.gap));
  std::string dots;
  for (int i = 0; i < 8; ++i) dots += i < v.pinDigits ? "● " : (i < 4 ? "○ " : "");
  bigText(ui, dots);
  ImGui::Dummy(ImVec2(0, m.gap));
  if (v.checking) mutedText(ui, ui.t("ui.signin.checking"));
  if (!v.message.empty()) alertText(ui, v.message);
  ImGui::Dummy(ImVec2(0, m.gap * 2));
  if (touchButton(ui, "signin.other", ui.t("ui.signin.other_staff"), ImVec2(leftW * 0.6f, m.touch))) out = CancelSignIn{};
  ImGui::EndGroup();
  ImGui::SameLine(0, m.gap * 2);
  ImGui::BeginGroup();
  std::string keys = keypad(ui, "pin", padW, ui.t("ui.keypad.ok"));
  ImGui::EndGroup();
  Typed typed = typedThisFrame();
  for (char c : typed.chars)
    if (c >= '0' && c <= '9') keys += c;
  keys.append(typed.backspaces, '<');
  if (typed.enter) keys += '=';
  if (!keys.empty()) out = PinKeys{keys};
  return out;
}

}  // namespace salon::ui
