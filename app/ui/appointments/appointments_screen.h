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
  struct Geometry;  // the grid's sizes and scroll on screen, this frame

 private:
  void placeScroll(const ab::DayBook& d, const std::string& chosen, const Metrics& m, Geometry& g);
  bool block(UiContext& ui, ImDrawList* dl, const ab::DayBook& d, const ab::BookBlock& b, const std::string& chosen,
             const Geometry& g, Intents& out);
  void drawLanding(UiContext& ui, ImDrawList* dl, const ab::DayBook& d, const ab::BookBlock& held, const Geometry& g);
  void staffRow(UiContext& ui, ImDrawList* dl, const ab::DayBook& d, const Geometry& g, Intents& out);

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
  void stayForm(UiContext& ui, const ab::BookingForm& b, float inner, Intents& out);
  void work(UiContext& ui, const AppointmentsView& v, Intents& out);
  DayBookGrid grid_;
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const AppointmentsView& v, std::vector<std::string>& out);

}  // namespace salon::ui
