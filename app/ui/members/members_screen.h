#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/members/members_view.h"

namespace salon::ui {

class MembersScreen {
 public:
  Intents draw(UiContext& ui, const MembersView& v);

 private:
  void header(UiContext& ui, const MembersView& v, Intents& out);
  void card(UiContext& ui, const MembersView& v, Intents& out);
  void topUp(UiContext& ui, const MembersView& v, Intents& out);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const MembersView& v, std::vector<std::string>& out);

}  // namespace salon::ui
