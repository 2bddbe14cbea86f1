#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/customer_file/customer_file_view.h"

namespace salon::ui {

class CustomerFileScreen {
 public:
  Intents draw(UiContext& ui, const CustomerFileView& v);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const CustomerFileView& v, std::vector<std::string>& out);

}  // namespace salon::ui
