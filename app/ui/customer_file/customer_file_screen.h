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

 private:
  void header(UiContext& ui, const CustomerFileView& v, Intents& out);
  void purposes(UiContext& ui, const CustomerFileView& v, Intents& out);
  void waiting(UiContext& ui, const CustomerFileView& v, Intents& out);
  void tabs(UiContext& ui, const CustomerFileView& v, Intents& out);
  void fields(UiContext& ui, const CustomerFileView& v, Intents& out);
  void edit(UiContext& ui, const CustomerFileView& v, Intents& out);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const CustomerFileView& v, std::vector<std::string>& out);

}  // namespace salon::ui
