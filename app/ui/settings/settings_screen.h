#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/settings/settings_view.h"

namespace salon::ui {

class SettingsScreen {
 public:
  Intents draw(UiContext& ui, const SettingsView& v);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const SettingsView& v, std::vector<std::string>& out);

}  // namespace salon::ui
