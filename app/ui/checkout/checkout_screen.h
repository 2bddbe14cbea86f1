#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::ui {

class CheckoutScreen {
 public:
  Intents draw(UiContext& ui, const CheckoutView& v);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const CheckoutView& v, std::vector<std::string>& out);

}  // namespace salon::ui
