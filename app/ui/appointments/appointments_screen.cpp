#include "app/ui/appointments/appointments_screen.h"

namespace salon::ui {

Intents AppointmentsScreen::draw(UiContext& ui, const AppointmentsView& v) {
  Intents out;
  bigText(ui, v.title);
  if (touchButton(ui, "appointments.back", ui.t("ui.nav.back"), ImVec2(200 * ui.metrics.scale, ui.metrics.touch)))
    add(out, Navigate{Screen::Home});
  return out;
}

void addTexts(const AppointmentsView& v, std::vector<std::string>& out) { out.push_back(v.title); }

}  // namespace salon::ui
