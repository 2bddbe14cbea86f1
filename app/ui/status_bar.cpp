#include "app/ui/screens.h"

#include <algorithm>

namespace salon::ui {
namespace {

// A warning in the bar: orange, after a dot (⚠ is not in the CJK fonts).
void warning(UiContext& ui, const std::string& s) {
  ImGui::SameLine(0, ui.metrics.gap * 3);
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().barWarning);
  text(ui, "● " + s);
  ImGui::PopStyleColor();
}

}  // namespace

// Head office: the whole line where it fits before the buttons at `right`, else
// the short one (the events waiting), else nothing; orange when it warns. The
// backup password's warning (a kiosk not set up yet) comes first.
void StatusBar::headOfficeLine(UiContext& ui, const StatusView& v, float right) {
  const Metrics& m = ui.metrics;
  ImGui::SameLine(0, m.gap * 2);
  const float room = right - m.gap - ImGui::GetCursorPosX();
  const std::string mark = v.headOfficeWarning ? "● " : "";
  std::string line = mark + v.headOffice;
  if (ImGui::CalcTextSize(line.c_str()).x > room) line = mark + v.headOfficeShort;
  if (ImGui::CalcTextSize(line.c_str()).x > room) return;
  if (v.headOfficeWarning) ImGui::PushStyleColor(ImGuiCol_Text, ui.c().barWarning);
  text(ui, line);
  if (v.headOfficeWarning) ImGui::PopStyleColor();
}

// The language buttons, right-aligned; the caller's bar is closed after them.
Intent StatusBar::languages(UiContext& ui, const StatusView& v, float x, float btnW, float btnH) {
  Intent out;
  static const char* kLanguages[] = {"zh-Hans", "zh-Hant", "en"};
  ImGui::SetCursorPos(ImVec2(x, ui.metrics.gap * 0.75f));
  // Edges in the bar's own ink: the lit language keeps its outline when the
  // high-contrast look fills it with the bar's black.
  ImGui::PushStyleColor(ImGuiCol_Border, ui.c().onBar);
  for (const char* lang : kLanguages) {
    bool current = v.language == lang;
    if (touchButton(ui, std::string("lang.") + lang, ui.t(std::string("ui.lang.") + lang), ImVec2(btnW, btnH),
                    current ? Tone::Primary : Tone::Plain) && !current)
      out = SwitchLanguage{lang};
    ImGui::SameLine(0, ui.metrics.gap * 0.5f);
  }
  ImGui::PopStyleColor();
  return out;
}

void StatusBar::end() {
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
}

// Customer mode: nothing of the staff's (name, warnings, lock) on the customer's screen.
Intent StatusBar::languagesOnly(UiContext& ui, const StatusView& v) {
  const Metrics& m = ui.metrics;
  const float btnW = 112 * m.scale, btnH = m.statusBar - m.gap * 0.5f;
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().text);
  Intent out = languages(ui, v, ImGui::GetWindowWidth() - 3 * (btnW + m.gap * 0.5f) - m.gap, btnW, btnH);
  ImGui::PopStyleColor();
  end();
  return out;
}

Intent StatusBar::draw(UiContext& ui, const StatusView& v) {
  Intent out;
  const Metrics& m = ui.metrics;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().bar);
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().onBar);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
  ImGui::BeginChild("status", ImVec2(0, m.statusBar + m.gap), false, ImGuiWindowFlags_NoScrollbar);
  float top = (m.statusBar + m.gap - ImGui::GetTextLineHeight()) / 2;
  ImGui::SetCursorPos(ImVec2(m.gap * 1.5f, top));
  text(ui, v.storeName);
  if (v.customerFacing) return languagesOnly(ui, v);
  if (!v.staffName.empty()) {
    ImGui::SameLine(0, m.gap * 3);
    text(ui, ui.t("ui.status.staff") + v.staffName);
  }
  if (v.dbCheck == DbCheck::Failed) warning(ui, ui.t("status.damaged_no_sales"));
  if (v.backupFailed) warning(ui, ui.t("status.backup_failed"));
  // Language and lock buttons on the right (a little narrower while a warning
  // needs the room).
  const float btnW = (v.backupPasswordMissing ? 100 : 112) * m.scale, btnH = m.statusBar - m.gap * 0.5f;
  int buttons = 3 + (v.staffName.empty() ? 0 : 1);
  float x = ImGui::GetWindowWidth() - buttons * (btnW + m.gap * 0.5f) - m.gap;
  if (v.backupPasswordMissing) {
    // The whole sentence where it fits, else the short one; never under the buttons.
    ImGui::SameLine(0, m.gap * 2);
    const float room = x - m.gap - ImGui::GetCursorPosX();
    std::string warning = "● " + ui.t("ui.settings.status_no_password");
    if (ImGui::CalcTextSize(warning.c_str()).x > room) warning = "● " + ui.t("ui.settings.status_no_password_short");
    if (ImGui::CalcTextSize(warning.c_str()).x > room) warning = ui.t("ui.settings.status_no_password_short");
    ImGui::PushStyleColor(ImGuiCol_Text, ui.c().barWarning);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushClipRect(at, ImVec2(at.x + std::max(room, 0.0f), at.y + m.statusBar), true);
    text(ui, warning);
    ImGui::PopClipRect();
    ImGui::PopStyleColor();
  }
  if (!v.headOffice.empty()) headOfficeLine(ui, v, x);
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().text);
  out = languages(ui, v, x, btnW, btnH);
  if (!v.staffName.empty() && touchButton(ui, "lock", ui.t("ui.lock"), ImVec2(btnW, btnH))) out = LockKiosk{};
  ImGui::PopStyleColor();
  end();
  return out;
}

}  // namespace salon::ui
