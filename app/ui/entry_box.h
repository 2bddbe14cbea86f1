#pragma once
// A white box holding what a customer entered so far, in the big font, with the
// pinyin letters still being composed after it (registration, the own file).
#include <string>

#include "app/ui/widgets.h"

namespace salon::ui {

void entryBox(UiContext& ui, const std::string& id, const std::string& value, const std::string& pending, float width);

}  // namespace salon::ui
