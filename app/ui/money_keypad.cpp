#include "app/ui/money_keypad.h"

#include "app/ui/checkout/checkout_parts.h"

namespace salon::ui {

std::string moneyKeypad(UiContext& ui, const std::string& idPrefix, float width, float height) {
  static const char* const kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "0", "<"};
  return checkout_parts::pad(ui, idPrefix, kKeys, width, height, "");
}

}  // namespace salon::ui
