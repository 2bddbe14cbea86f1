#include "app/ui/customer_file/customer_file_screen.h"

namespace salon::ui {

Intents CustomerFileScreen::draw(UiContext& ui, const CustomerFileView& v) {
  Intents out;
  bigText(ui, v.title);
  if (touchButton(ui, "customer_file.back", ui.t("ui.nav.back"), ImVec2(200 * ui.metrics.scale, ui.metrics.touch)))
    add(out, Navigate{Screen::Home});
  return out;
}

void addTexts(const CustomerFileView& v, std::vector<std::string>& out) { out.push_back(v.title); }

}  // namespace salon::ui
