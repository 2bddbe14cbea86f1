#include "app/kiosk/counter_figures.h"

#include <exception>
#include <memory>
#include <utility>

#include "app/core/error.h"

namespace salon::kiosk {
namespace {

constexpr std::size_t kPackagesNamed = 2;  // the rest are counted ("等2项")

}  // namespace

struct CounterFigures::Answer {
  std::string memberNo;
  MemberFiguresLook look;
  std::string failure;  // the lane's look failed (a database error): the store's figures stay
};

void CounterFigures::ask(const std::string& memberNo, const ServiceName& name) {
  dropPending();
  ++look_;
  view_ = {};
  headOffice_.reset();
  if (memberNo.empty() || !k_.staff) return;
  MemberFigures figures(k_.backroom.memberBalances(), k_.backroom.headOfficeSync(), lines_, k_.clock);
  if (figures.asksHeadOffice()) return askHeadOffice(memberNo, name);
  // Not enrolled (or no line): the store's own figures are the answer, read here.
  MemberFiguresLook here = figures.look(memberNo, k_.staff->code, purpose_);
  if (!here.figures) return;
  show(*here.figures, false, name);
  k_.audit.append(MemberFigures::viewed(here, memberNo, k_.staff->code, purpose_, k_.clock.now()));
}

// The store's figures now, marked; head office asked on the Lookups lane, whose
// back room audits the look with the source it ended with.
void CounterFigures::askHeadOffice(const std::string& memberNo, const ServiceName& name) {
  MemberFigures here(k_.backroom.memberBalances(), k_.backroom.headOfficeSync(), nullptr, k_.clock);
  pendingLocal_ = {here.local(memberNo), ""};
  pendingStaff_ = k_.staff->code;
  if (!pendingLocal_.figures) return;  // not a member of this store
  show(*pendingLocal_.figures, true, name);
  auto out = std::make_shared<Answer>();
  out->memberNo = memberNo;
  const int look = look_;
  const TaskId task = k_.tasks->run(
      Lane::Lookups, "member figures",
      [out, lines = lines_, clock = &k_.clock, staff = k_.staff->code, purpose = purpose_](Backroom& b) {
        try {
          MemberFigures figures(b.memberBalances(), b.headOfficeSync(), lines, *clock);
          out->look = figures.look(out->memberNo, staff, purpose);
          b.audit().append(MemberFigures::viewed(out->look, out->memberNo, staff, purpose, clock->now()));
        } catch (const DomainError& e) {
          out->failure = e.code();
        } catch (const std::exception& e) {
          out->failure = e.what();
        }
      },
      [this, look, out, name] {
        if (look == look_) answered(*out, name);
      });
  pending_ = task;  // 0 from inline tasks (tests, headless), which answered already
}

void CounterFigures::answered(const Answer& a, const ServiceName& name) {
  pending_ = 0;
  if (!a.failure.empty() && pendingLocal_.figures) {  // the lane could not look (nor audit): the store's view was seen
    MemberFiguresLook seen{pendingLocal_.figures, a.failure};
    k_.audit.append(MemberFigures::viewed(seen, a.memberNo, pendingStaff_, purpose_, k_.clock.now()));
  }
  if (a.look.figures) show(*a.look.figures, false, name);
  else view_.asking = false;  // the store's figures stay, no longer waiting
  shown_(view_);
}

void CounterFigures::forget() {
  dropPending();
  ++look_;
  view_ = {};
  headOffice_.reset();
}

// A look still waiting on its lane is cancelled; the store's figures it showed
// meanwhile were seen, so that view is audited here.
void CounterFigures::dropPending() {
  const TaskId task = std::exchange(pending_, 0);
  if (!task || !k_.tasks->cancel(task) || !pendingLocal_.figures) return;
  const std::string memberNo = pendingLocal_.figures->memberNo;
  k_.audit.append(MemberFigures::viewed(pendingLocal_, memberNo, pendingStaff_, purpose_, k_.clock.now()));
}

void CounterFigures::show(const MemberBalance& b, bool asking, const ServiceName& name) {
  ui::MemberFiguresView& v = view_;
  v = {};
  v.shown = true;
  v.principal = formatAmount(b.principal);
  v.bonus = formatAmount(b.bonus);
  v.points = std::to_string(b.points);
  for (const PackageBalance& p : b.packages) {
    if (v.packages.size() < kPackagesNamed) v.packages.push_back(name(p.service) + " ×" + std::to_string(p.sessionsLeft));
    else ++v.morePackages;
  }
  if (b.arrears.fen > 0) v.arrears = formatAmount(b.arrears);
  v.headOffice = b.source == BalanceSource::HeadOffice;
  if (v.headOffice) headOffice_ = b;
  v.asking = asking;
  const std::string when = formatLocalDateTime(b.asOf, k_.zone);
  v.asOf = when.size() >= 5 ? when.substr(when.size() - 5) : when;
  shown_(v);
}

}  // namespace salon::kiosk
