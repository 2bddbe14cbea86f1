#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/appointments/appointments_view.h"

namespace salon::ui {

class AppointmentsScreen {
 public:
  Intents draw(UiContext& ui, const AppointmentsView& v);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const AppointmentsView& v, std::vector<std::string>& out);

}  // namespace salon::ui
