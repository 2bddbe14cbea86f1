#pragma once
// 寄养 on the appointments screen: the pets boarding around today in three groups
// — arriving (booked, due in), in the house, going home today — each row the
// kennel, the pet and its owner, the nights and the bill. A row opens to check
// the pet in or out through core's Boarding (audited; a second tap does nothing
// twice). Booking a stay stays on the CLI (`appointments boarding book`).
#include <string>

#include "app/core/boarding.h"
#include "app/kiosk/appointments_book.h"

namespace salon::kiosk {

class BoardingBoard {
 public:
  explicit BoardingBoard(OpenBook& b) : b_(b) {}
  void load();
  void on(const ui::ab::OpenWorkRow& i);
  void on(const ui::ab::RowAction& i);
  void forget() { open_.clear(); }

 private:
  ui::ab::WorkRow row(const BoardingStay& s, const char* action);
  Boarding service();
  OpenBook& b_;
  std::string open_;  // the stay whose row is open
};

}  // namespace salon::kiosk
