#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/registration/registration_view.h"

namespace salon::ui {

// First visit (customer-facing): the privacy notice, agree or decline, the
// marketing opt-in, the name on the pinyin keyboard, the phone on the keypad,
// then a welcome. Big, one question per step.
class RegistrationScreen {
 public:
  Intents draw(UiContext& ui, const RegistrationView& v);

 private:
  void notice(UiContext& ui, const RegistrationView& v, Intents& out);
  void declined(UiContext& ui, Intents& out);
  void marketing(UiContext& ui, Intents& out);
  void name(UiContext& ui, const RegistrationView& v, Intents& out);
  void phone(UiContext& ui, const RegistrationView& v, Intents& out);
  void welcome(UiContext& ui, const RegistrationView& v, Intents& out);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const RegistrationView& v, std::vector<std::string>& out);

}  // namespace salon::ui
