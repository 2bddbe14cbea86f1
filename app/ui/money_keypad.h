#pragma once
// The one money keypad: checkout's amounts, the opening float, the counter
// discount and Settings' prices. Yuan with a '.': 1 2 3 / 4 5 6 / 7 8 9 / . 0 ←
// (the desk parses the text as a decimal into integer fen, never a float).
#include <string>

#include "app/ui/widgets.h"

namespace salon::ui {

// The keys tapped this frame ("7", ".", "<"); keys are `idPrefix`.1 … .dot, .0, .back.
std::string moneyKeypad(UiContext& ui, const std::string& idPrefix, float width, float height);

}  // namespace salon::ui
