#pragma once
// A search at the counter that finds nobody here, for a whole phone, member number
// or file number, asks head office on the Lookups lane (issue 18): another store's
// customer is brought into this store (core's ChainLookup: one transaction with its
// audit entry) and the search runs again. The frame never waits; an answer for a
// query no longer on screen is dropped. Not enrolled, no chain key, or a name typed:
// nothing is asked and nothing is said.
#include <string>

#include "app/core/head_office.h"
#include "app/kiosk/desk.h"

namespace salon::kiosk {

class ChainSearch {
 public:
  explicit ChainSearch(DeskContext& k) : k_(k) {}
  // A line with short timeouts (1 s to connect, 2 s to answer); null: never asked.
  void setLines(HeadOfficeLines* lines) { lines_ = lines; }
  // After the store's own search of `s` found nobody.
  void ask(ui::CustomerSearchView& s, const std::string& purpose);
  // The screen left or the staff member changed: a pending answer is dropped.
  void forget();

 private:
  DeskContext& k_;
  HeadOfficeLines* lines_ = nullptr;
  int look_ = 0;
  TaskId pending_ = 0;
};

}  // namespace salon::kiosk
