#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/appointments/appointments_view.h"

namespace salon::ui {

// The day book: staff in columns, time in rows. A finger on empty space scrolls
// it (both ways: 30 staff do not fit); a finger on an appointment drags it to
// another time or staff member (snapped to 15 minutes); a tap chooses it.
class DayBookGrid {
 public:
  void draw(UiContext& ui, const ab::DayBook& day, const std::string& chosen, ImVec2 size, Intents& out);

 private:
  float scrollX_ = 0, scrollY_ = -1;  // -1: not placed yet (starts at the current hour)
  std::string dragging_;              // the appointment picked up by a finger
  std::string touching_;              // the appointment under the finger (picked up or scrolling)
  float grabDy_ = 0;                  // where on the block the finger took it
  std::string shownDate_, shownChosen_;
};

class AppointmentsScreen {
 public:
  Intents draw(UiContext& ui, const AppointmentsView& v);

 private:
  void tabs(UiContext& ui, const AppointmentsView& v, Intents& out);
  void day(UiContext& ui, const AppointmentsView& v, Intents& out);
  void week(UiContext& ui, const AppointmentsView& v, Intents& out);
  void booking(UiContext& ui, const AppointmentsView& v, Intents& out);
  void work(UiContext& ui, const AppointmentsView& v, Intents& out);
  DayBookGrid grid_;
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const AppointmentsView& v, std::vector<std::string>& out);

}  // namespace salon::ui
