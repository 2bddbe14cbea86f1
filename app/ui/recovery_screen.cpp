#include "app/ui/recovery_screen.h"

namespace salon::ui {
namespace {

void wrapped(UiContext& ui, const std::string& s) {
  ImGui::PushTextWrapPos(0);
  text(ui, s);
  ImGui::PopTextWrapPos();
}

// The problem's own sentence, else the error's. The key is kept in a local:
// a missing text is the key itself, returned by reference.
std::string problemText(UiContext& ui, const std::string& code) {
  const std::string key = "recovery.what." + code;
  const std::string& own = ui.t(key);
  return own != key ? own : ui.t("error." + code);
}

std::string todoText(UiContext& ui, const std::string& code) {
  const std::string key = "recovery.todo." + code;
  const std::string& own = ui.t(key);
  return own != key ? own : ui.t("recovery.todo.default");
}

std::string dots(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "●";
  return s;
}

void add(RecoveryIntents& out, RecoveryIntent::Kind k, std::string text = "") { out.push_back({k, std::move(text)}); }

}  // namespace

std::vector<std::string> textsOf(const RecoveryView& v) {
  return {v.message, v.supportCode, v.backupTime, v.backupSize, v.staffCode, v.dbPath};
}

RecoveryIntents RecoveryScreen::draw(UiContext& ui, const RecoveryView& v) {
  RecoveryIntents out;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("recovery", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(ui.fonts.text());
  languages(ui, v, out);
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().alert);
  bigText(ui, ui.t("recovery.title"));
  ImGui::PopStyleColor();
  if (v.step == RecoveryStep::Problem || v.step == RecoveryStep::Restored)
    problem(ui, v, out);
  else
    entry(ui, v, out);
  ImGui::PopFont();
  ImGui::End();
  return out;
}

void RecoveryScreen::languages(UiContext& ui, const RecoveryView& v, RecoveryIntents& out) {
  static const char* kLanguages[] = {"zh-Hans", "zh-Hant", "en"};
  const Metrics& m = ui.metrics;
  const float w = 112 * m.scale, h = m.statusBar - m.gap * 0.5f;
  float x = ImGui::GetWindowWidth() - 3 * (w + m.gap * 0.5f) - m.gap;
  ImGui::SetCursorPosX(x);
  for (const char* lang : kLanguages) {
    if (std::string(lang) != kLanguages[0]) ImGui::SameLine(0, m.gap * 0.5f);
    Tone tone = v.language == lang ? Tone::Primary : Tone::Plain;
    if (touchButton(ui, std::string("recovery.lang.") + lang, ui.t(std::string("ui.lang.") + lang), ImVec2(w, h), tone))
      add(out, RecoveryIntent::Kind::Language, lang);
  }
}

void RecoveryScreen::problem(UiContext& ui, const RecoveryView& v, RecoveryIntents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Dummy(ImVec2(0, m.gap));
  if (v.step == RecoveryStep::Restored) {
    messageText(ui, v.message, false);
    return;
  }
  alertText(ui, problemText(ui, v.problemCode));
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  wrapped(ui, todoText(ui, v.problemCode));
  mutedText(ui, v.dbPath);
  ImGui::Dummy(ImVec2(0, m.gap));
  backupLine(ui, v);
  ImGui::Dummy(ImVec2(0, m.gap));
  const float w = std::min(360 * m.scale, (ImGui::GetContentRegionAvail().x - m.gap) / 2);
  if (touchButton(ui, "recovery.retry", ui.t("recovery.retry"), ImVec2(w, m.touch))) add(out, RecoveryIntent::Kind::Retry);
  if (v.hasBackup) {
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "recovery.restore", ui.t("recovery.restore"), ImVec2(w, m.touch), Tone::Primary))
      add(out, RecoveryIntent::Kind::StartRestore);
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  bigText(ui, ui.t("recovery.support") + " " + v.supportCode);
  wrapped(ui, ui.t("recovery.support_hint"));
  messageText(ui, v.message, v.messageIsError);
}

void RecoveryScreen::backupLine(UiContext& ui, const RecoveryView& v) {
  if (!v.hasBackup) return alertText(ui, ui.t("recovery.no_backup"));
  text(ui, ui.t("recovery.newest_backup"));
  ImGui::SameLine();
  text(ui, v.backupTime + " · " + v.backupSize);
}

// Password, staff code (keyboard below) or PIN (keypad on the right): one field at a time.
void RecoveryScreen::entry(UiContext& ui, const RecoveryView& v, RecoveryIntents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  text(ui, ui.t("recovery.restoring") + " " + v.backupTime + " · " + v.backupSize);
  if (v.step == RecoveryStep::Working) return bigText(ui, ui.t("recovery.working"));
  const bool pin = v.step == RecoveryStep::Pin;
  const float padW = std::min(ImGui::GetContentRegionAvail().x * 0.45f, 420 * m.scale);
  const float padH = 4 * m.keypadKey + 3 * m.gap;
  if (pin)
    ImGui::BeginChild("recovery.field", ImVec2(ImGui::GetContentRegionAvail().x - padW - m.gap, padH), false,
                      ImGuiWindowFlags_NoBackground);
  field(ui, v, out);
  std::string keys;
  if (pin) {
    ImGui::EndChild();
    ImGui::SameLine(0, m.gap);
    ImGui::BeginGroup();
    keys = keypad(ui, "pin", padW, ui.t("ui.keypad.ok"));
    ImGui::EndGroup();
  } else {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));  // no candidate bar to show
    keys = pinyinKeyboard(ui, "", {}, ImGui::GetContentRegionAvail().x).keys;
    ImGui::PopStyleColor();
  }
  for (char k : keys) {
    if (k == '<') add(out, RecoveryIntent::Kind::Erase);
    else if (k == 'C') add(out, RecoveryIntent::Kind::Clear);
    else if (k == '=') add(out, RecoveryIntent::Kind::Enter);
    else add(out, RecoveryIntent::Kind::Type, std::string(1, k));
  }
}

// The prompt, what was typed so far (dots for secrets), the last refusal, Cancel,
// and what a physical keyboard typed.
void RecoveryScreen::field(UiContext& ui, const RecoveryView& v, RecoveryIntents& out) {
  const Metrics& m = ui.metrics;
  const std::string prompt = v.step == RecoveryStep::Password    ? "recovery.ask_password"
                             : v.step == RecoveryStep::StaffCode ? "recovery.ask_staff"
                                                                 : "recovery.ask_pin";
  ImGui::PushTextWrapPos(0);
  text(ui, ui.t(prompt));
  ImGui::PopTextWrapPos();
  std::string shown = v.step == RecoveryStep::Password ? dots(v.passwordChars)
                      : v.step == RecoveryStep::Pin    ? dots(v.pinDigits)
                                                       : v.staffCode;
  bigText(ui, shown.empty() ? " " : shown);
  messageText(ui, v.message, v.messageIsError);
  if (touchButton(ui, "recovery.cancel", ui.t("recovery.cancel"), ImVec2(200 * m.scale, m.small)))
    add(out, RecoveryIntent::Kind::Cancel);
  Typed typed = typedThisFrame();
  if (!typed.chars.empty()) add(out, RecoveryIntent::Kind::Type, typed.chars);
  for (int i = 0; i < typed.backspaces; ++i) add(out, RecoveryIntent::Kind::Erase);
  if (typed.enter) add(out, RecoveryIntent::Kind::Enter);
}

}  // namespace salon::ui
