#include "app/ui/settings/settings_screen.h"

namespace salon::ui {

Intents SettingsScreen::draw(UiContext& ui, const SettingsView& v) {
  Intents out;
  bigText(ui, v.title);
  if (touchButton(ui, "settings.back", ui.t("ui.nav.back"), ImVec2(200 * ui.metrics.scale, ui.metrics.touch)))
    add(out, Navigate{Screen::Home});
  return out;
}

void addTexts(const SettingsView& v, std::vector<std::string>& out) { out.push_back(v.title); }

}  // namespace salon::ui
