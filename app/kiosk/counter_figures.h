#pragma once
// A member's figures on a counter screen (issue 18): the checkout's customer bar
// and the check-in greeting. The store's own figures at once (a few SQLite reads,
// marked while head office is asked), then head office's from the Lookups lane
// through core's MemberFigures (the service `member show` uses), on a line with
// a short timeout; the frame never waits for the network. Each look is audited
// once, as a customer view of the member with the screen's purpose and the
// source. A newer look (another customer, a walk-in, a lock) makes an answer
// still on its way stale: it is cancelled while queued, dropped when it comes.
#include <functional>
#include <string>

#include "app/core/member_figures.h"
#include "app/kiosk/desk.h"
#include "app/ui/member_figures_view.h"

namespace salon::kiosk {

class CounterFigures {
 public:
  // Puts new figures on the screen (on the main thread).
  using Shown = std::function<void(const ui::MemberFiguresView&)>;
  // A service code's name as the screen should say it ("补水护理").
  using ServiceName = std::function<std::string(const std::string& code)>;

  // `purpose` is audited with each look ("checkout", "check-in").
  CounterFigures(DeskContext& k, std::string purpose, Shown shown)
      : k_(k), purpose_(std::move(purpose)), shown_(std::move(shown)) {}
  // The composition root's line to head office (short timeouts); null: the store's own figures.
  void setLines(HeadOfficeLines* lines) { lines_ = lines; }

  // A member was picked or greeted: their figures, as described above.
  void ask(const std::string& memberNo, const ServiceName& name);
  // Nobody's figures any more; an answer still on its way is dropped.
  void forget();
  const ui::MemberFiguresView& view() const { return view_; }
  // Head office's figures for the member at the counter, once they came (the
  // tender screen checks a chain spend against them).
  const std::optional<MemberBalance>& headOfficeFigures() const { return headOffice_; }

 private:
  struct Answer;
  void askHeadOffice(const std::string& memberNo, const ServiceName& name);
  void answered(const Answer& a, const ServiceName& name);
  void dropPending();
  void show(const MemberBalance& b, bool asking, const ServiceName& name);

  DeskContext& k_;
  std::string purpose_;
  Shown shown_;
  HeadOfficeLines* lines_ = nullptr;
  ui::MemberFiguresView view_;
  std::optional<MemberBalance> headOffice_;
  int look_ = 0;        // the current look; an answer for an older one is dropped
  TaskId pending_ = 0;  // the current look's task, while it may still wait on its lane
  MemberFiguresLook pendingLocal_;  // what the screen showed meanwhile (audited if the task is cancelled)
  std::string pendingStaff_;        // who looked (a lock may have signed them out since)
};

}  // namespace salon::kiosk
