#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::ui {

// The cashier's screen: customer bar, catalog tiles and cart; then the tender
// screen (keypad, quick cash, split payments, payment-code scan); then the
// settled sale with its receipt preview.
class CheckoutScreen {
 public:
  Intents draw(UiContext& ui, const CheckoutView& v);

 private:
  void customerBar(UiContext& ui, const CheckoutView& v, float width, Intents& out);
  void catalog(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out);
  void entryPad(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out);
  void cart(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out);
  void backEntryEditor(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out);  // checkout_back_entry.cpp
  void backEntryBanner(UiContext& ui, const CheckoutView& v, float width, Intents& out);
  void parkedChips(UiContext& ui, const CheckoutView& v, float width, Intents& out);
  void staffChooser(UiContext& ui, const CheckoutView& v, float width, Intents& out);
  void tender(UiContext& ui, const CheckoutView& v, Intents& out);
  void settled(UiContext& ui, const CheckoutView& v, Intents& out);
  void fromKeyboard(Intents& out);
  std::string wedge_;  // what a wedge reader typed since the last Enter
  int newestShown_ = 0;  // the cart line last scrolled into view (a new one is scrolled to)
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const CheckoutView& v, std::vector<std::string>& out);

}  // namespace salon::ui
