#include "app/ui/registration/registration_screen.h"

#include "app/ui/entry_box.h"


namespace salon::ui {
namespace {

RegistrationIntent wrap(RegistrationIntent i) { return i; }

void wrapped(UiContext& ui, const std::string& s) {
  ImGui::PushTextWrapPos(0);
  text(ui, s);
  ImGui::PopTextWrapPos();
}

// A question or greeting: big, wrapped when a language makes it long.
void bigWrapped(UiContext& ui, const std::string& s) {
  ImGui::PushTextWrapPos(0);
  bigText(ui, s);
  ImGui::PopTextWrapPos();
}

}  // namespace

Intents RegistrationScreen::draw(UiContext& ui, const RegistrationView& v) {
  Intents out;
  switch (v.step) {
    case RegistrationStep::Notice: notice(ui, v, out); break;
    case RegistrationStep::Declined: declined(ui, out); break;
    case RegistrationStep::Marketing: marketing(ui, out); break;
    case RegistrationStep::Name: name(ui, v, out); break;
    case RegistrationStep::Phone: phone(ui, v, out); break;
    case RegistrationStep::Welcome: welcome(ui, v, out); break;
  }
  return out;
}

void RegistrationScreen::notice(UiContext& ui, const RegistrationView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  bigText(ui, v.title);
  text(ui, ui.t("ui.register.notice_title"));
  const float boxH = ImGui::GetContentRegionAvail().y - m.touch * 1.3f - m.textSize - m.gap * 4;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("registration.notice", ImVec2(w, boxH), true);
  dragToScroll();
  wrapped(ui, v.notice);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  mutedText(ui, ui.t("ui.register.notice_version") + v.noticeVersion);
  ImGui::PushFont(ui.fonts.big());
  bool agree = touchButton(ui, "registration.agree", ui.t("ui.register.agree"), ImVec2(w * 0.5f, m.touch * 1.3f),
                           Tone::Primary);
  ImGui::PopFont();
  ImGui::SameLine(0, m.gap);
  bool decline = touchButton(ui, "registration.decline", ui.t("ui.register.decline"),
                             ImVec2(w * 0.25f, m.touch * 1.3f));
  ImGui::SameLine(0, m.gap);
  bool cancel = touchButton(ui, "registration.cancel", ui.t("ui.register.cancel"),
                            ImVec2(w * 0.25f - m.gap * 2, m.touch * 1.3f));
  if (agree) add(out, wrap(RegisterAgree{}));
  if (decline) add(out, wrap(RegisterDecline{}));
  if (cancel) add(out, Navigate{Screen::CheckIn});
}

void RegistrationScreen::declined(UiContext& ui, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Dummy(ImVec2(0, m.gap * 4));
  bigWrapped(ui, ui.t("ui.register.declined_title"));
  ImGui::Dummy(ImVec2(0, m.gap));
  wrapped(ui, ui.t("ui.register.declined_text"));
  ImGui::Dummy(ImVec2(0, m.gap * 3));
  ImGui::PushFont(ui.fonts.big());
  if (touchButton(ui, "registration.done", ui.t("ui.register.done"), ImVec2(320 * m.scale, m.touch * 1.3f),
                  Tone::Primary))
    add(out, wrap(RegisterFinish{}));
  ImGui::PopFont();
}

void RegistrationScreen::marketing(UiContext& ui, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(0, m.gap * 3));
  bigWrapped(ui, ui.t("ui.register.marketing_title"));
  ImGui::Dummy(ImVec2(0, m.gap));
  wrapped(ui, ui.t("ui.register.marketing_text"));
  ImGui::Dummy(ImVec2(0, m.gap * 3));
  ImGui::PushFont(ui.fonts.big());
  // Both answers look alike: the opt-in must be the customer's own choice.
  bool yes = touchButton(ui, "registration.marketing.yes", ui.t("ui.register.yes"),
                         ImVec2((w - m.gap) / 2, m.touch * 1.6f));
  ImGui::SameLine(0, m.gap);
  bool no = touchButton(ui, "registration.marketing.no", ui.t("ui.register.no"), ImVec2((w - m.gap) / 2, m.touch * 1.6f));
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, m.gap * 3));
  if (touchButton(ui, "registration.back", ui.t("ui.register.back"), ImVec2(200 * m.scale, m.touch)))
    add(out, wrap(RegisterBack{}));
  if (yes) add(out, wrap(RegisterMarketing{true}));
  if (no) add(out, wrap(RegisterMarketing{false}));
}

void RegistrationScreen::name(UiContext& ui, const RegistrationView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  bigWrapped(ui, ui.t("ui.register.name_title"));
  mutedText(ui, ui.t("ui.register.name_hint"));
  entryBox(ui, "registration.name", v.name, v.letters, w);
  if (!v.message.empty()) alertText(ui, v.message);
  if (touchButton(ui, "registration.back", ui.t("ui.register.back"), ImVec2(200 * m.scale, m.touch)))
    add(out, wrap(RegisterBack{}));
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "registration.next", ui.t("ui.register.next"), ImVec2(w - 200 * m.scale - m.gap, m.touch),
                  Tone::Primary))
    add(out, wrap(RegisterNameKeys{"="}));
  // The keyboard sits at the bottom, where a hand rests: its height is the
  // candidate bar and four rows of keys.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float kbH = (m.touch + m.gap) + spacing + 4 * (m.touch + spacing);
  const float room = ImGui::GetContentRegionAvail().y - kbH - m.gap;
  if (room > 0) ImGui::Dummy(ImVec2(0, room));
  KeyboardInput k = pinyinKeyboard(ui, v.letters, v.candidates, w);
  if (!k.picked.empty()) add(out, wrap(RegisterPickName{k.picked}));
  else if (!k.keys.empty()) add(out, wrap(RegisterNameKeys{k.keys}));
}

void RegistrationScreen::phone(UiContext& ui, const RegistrationView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float padW = 420 * m.scale;
  const float leftW = ImGui::GetContentRegionAvail().x - padW - m.gap * 2;
  ImGui::BeginGroup();
  bigText(ui, ui.t("ui.register.phone_title"));
  ImGui::Dummy(ImVec2(0, m.gap));
  entryBox(ui, "registration.phone", v.phone, "", leftW);
  if (!v.message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + leftW);
    alertText(ui, v.message);
    ImGui::PopTextWrapPos();
  }
  ImGui::Dummy(ImVec2(0, m.gap * 2));
  mutedText(ui, ui.t("ui.register.field_name"));
  bigText(ui, v.name);
  mutedText(ui, ui.t(v.marketing ? "ui.register.marketing_on" : "ui.register.marketing_off"));
  ImGui::Dummy(ImVec2(0, m.gap * 2));
  if (touchButton(ui, "registration.back", ui.t("ui.register.back"), ImVec2(200 * m.scale, m.touch)))
    add(out, wrap(RegisterBack{}));
  ImGui::EndGroup();
  ImGui::SameLine(0, m.gap * 2);
  ImGui::BeginGroup();
  std::string keys = keypad(ui, "registration.key", padW, ui.t("ui.register.submit"));
  // Hong Kong, Macau and Taiwan numbers start with +; landlines have an area code.
  const ImVec2 half((padW - m.gap) / 2, m.touch);
  ImGui::PushFont(ui.fonts.big());
  if (touchButton(ui, "registration.key.plus", "+", half)) keys += '+';
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "registration.key.dash", "-", half)) keys += '-';
  ImGui::PopFont();
  ImGui::EndGroup();
  if (!keys.empty()) add(out, wrap(RegisterPhoneKeys{keys}));
}

void RegistrationScreen::welcome(UiContext& ui, const RegistrationView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(0, m.gap * 4));
  bigWrapped(ui, ui.t("ui.register.welcome") + v.name);
  ImGui::Dummy(ImVec2(0, m.gap));
  wrapped(ui, ui.t("ui.register.welcome_text"));
  mutedText(ui, v.fileNo);
  ImGui::Dummy(ImVec2(0, m.gap * 3));
  ImGui::PushFont(ui.fonts.big());
  bool join = touchButton(ui, "registration.join", ui.t("ui.register.join"), ImVec2(w * 0.6f, m.touch * 1.6f),
                          Tone::Primary);
  ImGui::PopFont();
  ImGui::SameLine(0, m.gap);
  bool finish = touchButton(ui, "registration.finish", ui.t("ui.register.finish"),
                            ImVec2(w * 0.4f - m.gap, m.touch * 1.6f));
  if (join) add(out, wrap(RegisterJoinQueue{}));
  if (finish) add(out, wrap(RegisterFinish{}));
}

void addTexts(const RegistrationView& v, std::vector<std::string>& out) {
  for (const std::string* s : {&v.title, &v.notice, &v.noticeVersion, &v.name, &v.letters, &v.phone, &v.message,
                               &v.fileNo})
    out.push_back(*s);
  for (const std::string& c : v.candidates) out.push_back(c);
}

}  // namespace salon::ui
