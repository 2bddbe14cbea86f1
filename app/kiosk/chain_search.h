#pragma once
// A search or a scan at the counter that finds nobody here, for a whole phone,
// member number or file number, asks head office on the Lookups lane (issue 18):
// another store's customer is brought into this store (core's ChainLookup: one
// transaction with its audit entry) and the search or scan runs again. The frame
// never waits; an answer for a look no longer on screen is dropped. Not enrolled, no
// chain key, or a name typed: nothing is asked and nothing is said.
#include <functional>
#include <string>

#include "app/core/chain_lookup.h"
#include "app/core/head_office.h"
#include "app/kiosk/desk.h"

namespace salon::kiosk {

class ChainSearch {
 public:
  explicit ChainSearch(DeskContext& k) : k_(k) {}
  // A line with short timeouts (1 s to connect, 2 s to answer); null: never asked.
  void setLines(HeadOfficeLines* lines) { lines_ = lines; }
  // Whether head office could be asked for `query`: a line, someone signed in, and a
  // blind key for it (a name or the last four digits never leave the store).
  bool mayAsk(const std::string& query);
  // Asks; `answered` runs on the main thread unless another look or forget() came first.
  void askFor(const std::string& query, const std::string& purpose,
              std::function<void(const ChainLookupResult&)> answered);
  // After the store's own search of `s` found nobody: asks, then searches again.
  void ask(ui::CustomerSearchView& s, const std::string& purpose);
  // The screen left or the staff member changed: a pending answer is dropped.
  void forget();
  // What to say of an answer that brought nobody: "" (not asked after all),
  // hq_unreachable, hq_file_unknown or hq_refused.
  static std::string said(const ChainLookupResult& r);

 private:
  DeskContext& k_;
  HeadOfficeLines* lines_ = nullptr;
  int look_ = 0;
  TaskId pending_ = 0;
};

}  // namespace salon::kiosk
