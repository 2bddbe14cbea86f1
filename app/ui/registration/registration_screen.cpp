#include "app/ui/registration/registration_screen.h"

namespace salon::ui {

Intents RegistrationScreen::draw(UiContext& ui, const RegistrationView& v) {
  Intents out;
  bigText(ui, v.title);
  if (touchButton(ui, "registration.back", ui.t("ui.nav.back"), ImVec2(200 * ui.metrics.scale, ui.metrics.touch)))
    add(out, Navigate{Screen::Home});
  return out;
}

void addTexts(const RegistrationView& v, std::vector<std::string>& out) { out.push_back(v.title); }

}  // namespace salon::ui
