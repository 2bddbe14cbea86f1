#include "app/ui/members/members_screen.h"

namespace salon::ui {

Intents MembersScreen::draw(UiContext& ui, const MembersView& v) {
  Intents out;
  bigText(ui, v.title);
  if (touchButton(ui, "members.back", ui.t("ui.nav.back"), ImVec2(200 * ui.metrics.scale, ui.metrics.touch)))
    add(out, Navigate{Screen::Home});
  return out;
}

void addTexts(const MembersView& v, std::vector<std::string>& out) { out.push_back(v.title); }

}  // namespace salon::ui
