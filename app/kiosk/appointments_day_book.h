#pragma once
// The appointments screen's day book: a column per staff member with the day's
// blocks (drag to move, tap to check in or mark a no-show, a second tap to
// confirm), and marking a staff member absent for the day. The handlers change
// the state; the desk redraws the screen after each.
#include <map>
#include <set>
#include <string>

#include "app/kiosk/appointments_book.h"

namespace salon::kiosk {

class DayBookTab {
 public:
  explicit DayBookTab(OpenBook& b) : b_(b) {}
  void load();        // the day's columns and blocks (every tab shows them)
  void loadChosen();  // the chosen block's details
  void reset();       // nothing chosen, nothing to confirm
  void clearChoice();  // no block and no column chosen
  void forget() { seenDays_.clear(); }

  void on(const ui::ab::ChooseBlock& i);
  void on(const ui::ab::MoveBlock& i);
  void on(const ui::ab::CheckInBlock& i);
  void on(const ui::ab::NoShowBlock& i);
  void on(const ui::ab::ChooseColumn& i);
  void on(const ui::ab::MarkAbsent& i);

 private:
  void auditSeen(bool any);
  std::string categoryOf(const std::string& serviceCode);
  OpenBook& b_;
  std::map<std::string, std::string> categories_;  // a service's code → its category, read once per opening
  bool categoriesRead_ = false;
  std::string chosenStaff_;
  bool confirmNoShow_ = false, confirmAbsent_ = false;
  std::set<std::string> seenDays_;  // day books already audited as viewed this session
};

}  // namespace salon::kiosk
