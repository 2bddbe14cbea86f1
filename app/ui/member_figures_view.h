#pragma once
// A member's figures as the checkout's customer bar and the check-in greeting
// show them (issue 18): plain data prepared by the desks (app/kiosk/counter_figures.h).
// Amounts are formatted ("750.00"); the screen adds ¥ and the labels.
#include <string>
#include <vector>

namespace salon::ui {

struct MemberFiguresView {
  bool shown = false;                 // a member's figures are on screen
  std::string principal, bonus;       // stored value: "750.00", "150.00"
  std::string points;                 // "200"
  std::vector<std::string> packages;  // the first ones with sessions left: "补水护理 ×9"
  int morePackages = 0;               // packages with sessions left not listed
  std::string arrears;                // "80.00"; "" when nothing is owed
  bool headOffice = false;            // head office's figures (总部); else the store's own (本店)
  bool asking = false;                // the store's own, shown while head office is asked
  std::string asOf;                   // "14:05", the store's clock
};

}  // namespace salon::ui
