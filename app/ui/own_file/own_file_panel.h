#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/own_file/own_file_view.h"
#include "app/ui/widgets.h"

namespace salon::ui {

// The customer's own file on the check-in screen. The last-4 step draws its
// prompt in the left column (the check-in keypad types the digits); the other
// steps take the whole screen area.
class OwnFilePanel {
 public:
  void drawLast4(UiContext& ui, const OwnFileView& v, float width, Intents& out);
  void draw(UiContext& ui, const OwnFileView& v, Intents& out);

 private:
  void header(UiContext& ui, const OwnFileView& v, float width, Intents& out);
  void fields(UiContext& ui, const OwnFileView& v, float width, Intents& out);
  void views(UiContext& ui, const OwnFileView& v, float width);
  void statement(UiContext& ui, const OwnFileView& v, float width);
  void correction(UiContext& ui, const OwnFileView& v, float width, Intents& out);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const OwnFileView& v, std::vector<std::string>& out);

}  // namespace salon::ui
