#pragma once
// Every text a view model will put on screen, so the font book can add new
// characters (a newly registered name) before the frame that shows them.
#include <string>
#include <vector>

#include "app/ui/view_models.h"

namespace salon::ui {

std::vector<std::string> textsOf(const KioskView& v);

}  // namespace salon::ui
