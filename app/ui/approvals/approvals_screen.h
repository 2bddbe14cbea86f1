#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/approvals/approvals_view.h"

namespace salon::ui {

class ApprovalsScreen {
 public:
  Intents draw(UiContext& ui, const ApprovalsView& v);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const ApprovalsView& v, std::vector<std::string>& out);

}  // namespace salon::ui
