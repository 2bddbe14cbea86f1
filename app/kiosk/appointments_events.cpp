// 沙龙活动 on the care lists: each event of the coming 30 days is a section. Before
// its day the rows are whom to invite (opted in, interested in the topic, not
// invited yet; an opened row logs the call or message as any care row does); on
// its day the rows are those invited, and a tap records 到场 once.
#include <algorithm>

#include "app/core/error.h"
#include "app/core/i18n.h"
#include "app/core/salon_events.h"
#include "app/kiosk/appointments_lists.h"

namespace salon::kiosk {
namespace {

namespace ab = ui::ab;
constexpr int kEventDaysAhead = 30;
constexpr int kInvitesPerEvent = 50;  // a longer list is worked through over several days
const char kAttended[] = "attended.";

}  // namespace

bool WorkLists::attendedRow(const std::string& key) { return key.rfind(kAttended, 0) == 0; }

ab::WorkSection WorkLists::eventSection(const SalonEvent& e, bool today) {
  SalonEvents& events = b_.k.backroom.salonEvents();
  std::vector<CustomerId> invited = events.invited(e.id), came = events.attendees(e.id);
  std::string title = formatLocalDateTime(e.startsAt, b_.k.zone).substr(5) + "  " + e.title;
  if (!e.place.empty()) title += " · " + e.place;
  title += " · " + replaced(replaced(b_.t("ui.events.counts"), "{invited}", std::to_string(invited.size())), "{came}",
                           std::to_string(came.size()));
  ab::WorkSection sec{title, b_.t(today ? "ui.events.none_invited" : "ui.events.none_to_invite"), {}};
  if (!today) {
    for (const CareCandidate& c : events.toInvite(e, kInvitesPerEvent)) {
      ab::WorkRow r = row("invite." + e.id + "." + std::to_string(c.id), {c.id, "event_invite", e.id, true});
      r.status.clear();  // row() shows the occasion's last outcome: here the event's, not this customer's
      r.title = c.name + "  " + c.phone;
      r.detail = b_.t("ui.events.interests") + c.eventInterests;
      sec.rows.push_back(std::move(r));
    }
    return sec;
  }
  for (CustomerId id : invited) {
    CustomerContact who = b_.days().contact(id);
    bool here = std::find(came.begin(), came.end(), id) != came.end();
    ab::WorkRow r;
    if (here) {
      r.key = kAttended + e.id + "." + std::to_string(id);
      r.status = b_.t("ui.events.came");
    } else {
      r = row("attend." + e.id + "." + std::to_string(id), {id, "event_invite", e.id, who.marketing});
      r.status.clear();
      r.action = "attend";
      r.actionLabel = b_.t("ui.events.attend");
    }
    r.title = who.name + "  " + who.phone;
    sec.rows.push_back(std::move(r));
  }
  return sec;
}

std::vector<ab::WorkSection> WorkLists::events() {
  const CivilDate today = b_.today();
  const Instant from = startOfLocalDay(today, b_.k.zone);
  const Instant tomorrow = startOfLocalDay(plusDays(today, 1), b_.k.zone);
  std::vector<ab::WorkSection> out;
  for (const SalonEvent& e :
       b_.k.backroom.salonEvents().startingBetween(from, startOfLocalDay(plusDays(today, kEventDaysAhead + 1), b_.k.zone)))
    out.push_back(eventSection(e, e.startsAt < tomorrow));
  if (out.empty()) out.push_back({b_.t("ui.appointments.care.events"), b_.t("ui.events.none"), {}});
  return out;
}

void WorkLists::on(const ab::RowAction& i) {
  auto it = rows_.find(openRow_);
  // Only a row of the event's day has 到场 (an invitation row of an event to come has none).
  if (it == rows_.end() || i.key != openRow_ || i.key.rfind("attend.", 0) != 0) {
    b_.staleTap();  // a tap meant for a row no longer open
    return;
  }
  const RowTarget target = it->second;
  SalonEvents& events = b_.k.backroom.salonEvents();
  auto e = events.event(target.ref);
  if (!e) throw DomainError("not_found", target.ref);
  b_.guard.require(b_.me(), Action::ContactCustomer, "customer", std::to_string(target.customer));
  bool added = events.attend(*e, target.customer, b_.me().code, b_.k.clock.now(), b_.k.zone);
  openRow_.clear();
  b_.view().message = replaced(b_.t(added ? "ui.events.recorded" : "ui.events.recorded_before"), "{name}",
                               b_.days().contact(target.customer).name);
  b_.view().messageIsError = false;
}

}  // namespace salon::kiosk
