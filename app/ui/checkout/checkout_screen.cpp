#include "app/ui/checkout/checkout_screen.h"

namespace salon::ui {

Intents CheckoutScreen::draw(UiContext& ui, const CheckoutView& v) {
  Intents out;
  bigText(ui, v.title);
  if (touchButton(ui, "checkout.back", ui.t("ui.nav.back"), ImVec2(200 * ui.metrics.scale, ui.metrics.touch)))
    add(out, Navigate{Screen::Home});
  return out;
}

void addTexts(const CheckoutView& v, std::vector<std::string>& out) { out.push_back(v.title); }

}  // namespace salon::ui
