// Settings → 总部同步: the enrolment and how sync goes; enrol by typing the code
// (or scanning its QR while this screen is shown), sync now.
#include "app/ui/settings/settings_screen.h"
#include "app/ui/settings/settings_widgets.h"

namespace salon::ui {

void SettingsScreen::headOffice(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const SettingsHeadOffice& h = v.headOffice;
  ImGui::PushTextWrapPos(0);
  for (const std::string& line : h.lines) text(ui, line);
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  if (!h.enrolled) mutedText(ui, ui.t("ui.settings.hq.scan_hint"));
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, m.gap));
  const ImVec2 size(260 * m.scale, m.touch);
  if (h.enrolled && touchButton(ui, "settings.hq.sync", ui.t(h.busy ? "ui.settings.hq.syncing" : "ui.settings.hq.sync_now"),
                                size, Tone::Primary) && !h.busy)
    settingsIntent(out, SettingsAct{"hq.sync"});
  if (h.mayEnrol) {
    if (h.enrolled) ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "settings.hq.enrol", ui.t(h.enrolled ? "ui.settings.hq.enrol_again" : "ui.settings.hq.enrol"),
                    size, h.enrolled ? Tone::Plain : Tone::Primary) && !h.busy)
      settingsIntent(out, SettingsEdit{"hq.code"});
  }
}

}  // namespace salon::ui
