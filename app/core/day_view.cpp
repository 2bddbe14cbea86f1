#include "app/core/day_view.h"

#include <algorithm>

namespace salon {
namespace {

DaySlot slotOf(const Appointment& a, Instant dayStart, const std::unordered_map<CustomerId, std::string>& names) {
  DaySlot s;
  s.appointmentId = a.id;
  s.customer = a.customer;
  if (auto it = names.find(a.customer); it != names.end()) s.customerName = it->second;
  s.startMinute = static_cast<int>((a.start - dayStart) / kMinute);
  s.endMinute = static_cast<int>((a.end - dayStart) / kMinute);
  s.state = a.state;
  for (const auto& svc : a.services) s.services += (s.services.empty() ? "" : "、") + svc.name;
  s.room = a.room;
  s.homeVisit = a.kind == "home_visit";
  return s;
}

void fillGaps(StaffColumn& c, const DayHours& h) {
  if (c.absent) return;  // off today: nothing to offer
  int cursor = h.openMinute;
  auto gapTo = [&](int until) {
    if (until - cursor >= h.minGapMinutes) c.gaps.push_back({cursor, until});
  };
  for (const DaySlot& s : c.slots) {
    if (s.state == "no_show") continue;
    gapTo(std::min(s.startMinute, h.closeMinute));
    cursor = std::max(cursor, s.endMinute);
  }
  gapTo(h.closeMinute);
}

}  // namespace

DayView buildDayView(const CivilDate& date, StoreZone zone, const std::vector<RosterEntry>& roster,
                     const std::vector<Appointment>& appointments,
                     const std::unordered_map<CustomerId, std::string>& customerNames, DayHours hours) {
  DayView v;
  v.date = date;
  v.openMinute = hours.openMinute;
  v.closeMinute = hours.closeMinute;
  Instant dayStart = startOfLocalDay(date, zone);
  std::unordered_map<std::string, std::size_t> column;
  v.columns.reserve(roster.size());
  for (const RosterEntry& r : roster) {
    column.emplace(r.code, v.columns.size());
    v.columns.push_back({r.code, r.name, r.absent, {}, {}});
  }
  for (const Appointment& a : appointments) {
    if (a.state == "cancelled" || a.end <= dayStart || a.start >= dayStart + kDay) continue;
    auto it = column.find(a.staff);
    if (it == column.end()) {
      it = column.emplace(a.staff, v.columns.size()).first;
      v.columns.push_back({a.staff, a.staff, false, {}, {}});
    }
    v.columns[it->second].slots.push_back(slotOf(a, dayStart, customerNames));
    v.live += a.state == "booked" || a.state == "checked_in";
  }
  for (StaffColumn& c : v.columns) {
    std::sort(c.slots.begin(), c.slots.end(), [](const DaySlot& x, const DaySlot& y) {
      return x.startMinute < y.startMinute;
    });
    fillGaps(c, hours);
  }
  return v;
}

}  // namespace salon
