#include "app/ui/screens.h"

#include <algorithm>

namespace salon::ui {

// Digits typed on a keyboard join the phone number as they come; anything else
// means a card or QR from a wedge reader, handed over whole at its Enter.
Intent CheckInScreen::fromKeyboard() {
  Typed typed = typedThisFrame();
  std::string keys;
  for (char c : typed.chars) {
    wedge_ += c;
    if (c >= '0' && c <= '9') keys += c;
  }
  bool scan = std::any_of(wedge_.begin(), wedge_.end(), [](char c) { return c < '0' || c > '9'; });
  if (typed.enter) {
    std::string payload = wedge_;
    wedge_.clear();
    if (scan) return ScanPayload{payload};
    keys += '=';
  }
  if (scan) return {};
  keys.append(typed.backspaces, '<');
  if (!keys.empty()) return PhoneKeys{keys};
  return {};
}

Intents CheckInScreen::draw(UiContext& ui, const CheckInView& v) {
  Intents out;
  const Metrics& m = ui.metrics;
  const float padW = 420 * m.scale;
  const float leftW = ImGui::GetContentRegionAvail().x - padW - m.gap * 2;
  const float bottom = ImGui::GetContentRegionAvail().y;
  ImGui::BeginGroup();
  ImGui::BeginChild("checkin.left", ImVec2(leftW, bottom - m.touch - m.gap * 3), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  bigText(ui, ui.t("ui.checkin.title"));
  if (!v.welcomedName.empty()) {
    ImGui::Dummy(ImVec2(0, m.gap * 2));
    bigText(ui, v.welcomedName);
    ImGui::PushTextWrapPos(0);
    text(ui, ui.t("ui.checkin.done"));
    ImGui::PopTextWrapPos();
  } else {
    text(ui, ui.t("ui.checkin.enter_phone"));
    ImGui::Dummy(ImVec2(0, m.gap));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
    ImGui::BeginChild("checkin.digits", ImVec2(leftW, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
    bigText(ui, v.digits.empty() ? " " : v.digits);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (!v.message.empty()) alertText(ui, v.message);
    if (!v.matches.empty()) {
      ImGui::Dummy(ImVec2(0, m.gap));
      text(ui, ui.t("ui.checkin.is_this_you"));
      for (std::size_t i = 0; i < v.matches.size(); ++i) {
        const CheckInMatch& c = v.matches[i];
        ImGui::PushFont(ui.fonts.big());
        bool tapped = touchButton(ui, "checkin.match." + std::to_string(i + 1), c.maskedName,
                                  ImVec2(leftW * 0.48f, m.touch * 1.3f), Tone::Primary);
        ImGui::PopFont();
        if (tapped) add(out, ConfirmCheckIn{c.id});
        if (i % 2 == 0 && i + 1 < v.matches.size()) ImGui::SameLine(0, m.gap);
      }
      if (touchButton(ui, "checkin.not_me", ui.t("ui.checkin.not_me"), ImVec2(leftW * 0.48f, m.touch)))
        add(out, RejectMatches{});
    }
  }
  ImGui::EndChild();
  if (touchButton(ui, "checkin.back", ui.t("ui.checkin.back"), ImVec2(200 * m.scale, m.touch)))
    add(out, Navigate{Screen::Home});
  ImGui::EndGroup();
  ImGui::SameLine(0, m.gap * 2);
  ImGui::BeginGroup();
  std::string keys = keypad(ui, "checkin.key", padW, ui.t("ui.checkin.find"));
  ImGui::EndGroup();
  if (!keys.empty()) add(out, PhoneKeys{keys});
  add(out, fromKeyboard());
  return out;
}

}  // namespace salon::ui
