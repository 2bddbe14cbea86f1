#pragma once
// The appointments screen's week: one staff member's appointments, Monday to Sunday.
#include <string>

#include "app/kiosk/appointments_book.h"

namespace salon::kiosk {

class WeekTab {
 public:
  explicit WeekTab(OpenBook& b) : b_(b) {}
  void load();
  // The first column's staff member unless one was chosen.
  void defaultStaff();
  void on(const ui::ab::ShowWeek& i);

 private:
  OpenBook& b_;
  std::string staff_;
};

}  // namespace salon::kiosk
