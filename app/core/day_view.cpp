#include "app/core/day_view.h"

#include <algorithm>
#include <cstdint>

namespace salon {
namespace {

DaySlot slotOf(BookedAppointment& a, Instant dayStart) {
  DaySlot s;
  s.appointmentId = std::move(a.id);
  s.customer = a.customer;
  s.customerName = std::move(a.customerName);
  s.startMinute = static_cast<int>((a.start - dayStart) / kMinute);
  s.endMinute = static_cast<int>((a.end - dayStart) / kMinute);
  s.state = std::move(a.state);
  s.services = std::move(a.services);
  s.room = std::move(a.room);
  s.homeVisit = a.homeVisit;
  s.petName = std::move(a.petName);
  s.firstService = std::move(a.firstService);
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

std::string serviceNames(const std::vector<AppointmentService>& services) {
  std::string s;
  for (const auto& svc : services) {
    if (!s.empty()) s += "、";
    s += svc.name;
  }
  return s;
}

DayView buildDayView(const CivilDate& date, StoreZone zone, const std::vector<RosterEntry>& roster,
                     const std::vector<Appointment>& appointments,
                     const std::unordered_map<CustomerId, std::string>& customerNames, DayHours hours) {
  BookedDay day;
  day.appointments.reserve(appointments.size());
  for (const Appointment& a : appointments) {
    auto name = customerNames.find(a.customer);
    day.appointments.push_back({a.id, a.customer, a.staff, a.room, a.start, a.end, a.state, a.kind == "home_visit",
                                serviceNames(a.services), name == customerNames.end() ? "" : name->second, "",
                                a.services.empty() ? "" : a.services.front().itemCode});
  }
  return buildDayView(date, zone, roster, std::move(day), hours);
}

DayView buildDayView(const CivilDate& date, StoreZone zone, const std::vector<RosterEntry>& roster, BookedDay day,
                     DayHours hours) {
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
  auto shown = [&](const BookedAppointment& a) {
    return a.state != "cancelled" && a.end > dayStart && a.start < dayStart + kDay;
  };
  // Each block's column once, and every column's room before the blocks move in:
  // growing 30 vectors of slots a block at a time was a tenth of the day view's CPU.
  std::vector<std::size_t> columnOf(day.appointments.size(), SIZE_MAX);
  std::vector<std::size_t> count(v.columns.size());
  for (std::size_t i = 0; i < day.appointments.size(); ++i) {
    const BookedAppointment& a = day.appointments[i];
    if (!shown(a)) continue;
    auto it = column.find(a.staff);
    if (it == column.end()) {
      it = column.emplace(a.staff, v.columns.size()).first;
      v.columns.push_back({a.staff, a.staff, false, {}, {}});
      count.push_back(0);
    }
    columnOf[i] = it->second;
    ++count[it->second];
  }
  for (std::size_t c = 0; c < v.columns.size(); ++c) v.columns[c].slots.reserve(count[c]);
  for (std::size_t i = 0; i < day.appointments.size(); ++i) {
    if (columnOf[i] == SIZE_MAX) continue;
    BookedAppointment& a = day.appointments[i];
    v.live += a.state == "booked" || a.state == "checked_in";
    v.columns[columnOf[i]].slots.push_back(slotOf(a, dayStart));
  }
  for (StaffColumn& c : v.columns) {
    auto byStart = [](const DaySlot& x, const DaySlot& y) { return x.startMinute < y.startMinute; };
    // Storage reads by start already: usually nothing to sort.
    if (!std::is_sorted(c.slots.begin(), c.slots.end(), byStart)) std::stable_sort(c.slots.begin(), c.slots.end(), byStart);
    fillGaps(c, hours);
  }
  return v;
}

}  // namespace salon
