#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/registration/registration_view.h"

namespace salon::ui {

class RegistrationScreen {
 public:
  Intents draw(UiContext& ui, const RegistrationView& v);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const RegistrationView& v, std::vector<std::string>& out);

}  // namespace salon::ui
