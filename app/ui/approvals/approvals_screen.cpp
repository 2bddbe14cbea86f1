#include "app/ui/approvals/approvals_screen.h"

namespace salon::ui {

Intents ApprovalsScreen::draw(UiContext& ui, const ApprovalsView& v) {
  Intents out;
  bigText(ui, v.title);
  if (touchButton(ui, "approvals.back", ui.t("ui.nav.back"), ImVec2(200 * ui.metrics.scale, ui.metrics.touch)))
    add(out, Navigate{Screen::Home});
  return out;
}

void addTexts(const ApprovalsView& v, std::vector<std::string>& out) { out.push_back(v.title); }

}  // namespace salon::ui
