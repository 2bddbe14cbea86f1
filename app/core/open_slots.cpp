#include "app/core/open_slots.h"

namespace salon {
namespace {

bool staffFree(const OpenDay& day, const Appointment& candidate) {
  for (const Appointment& a : day.booked)
    if (a.staff == candidate.staff && isLive(a) && a.id != candidate.id && overlaps(a, candidate)) return false;
  return true;
}

}  // namespace

std::vector<std::string> freeStaffAt(const OpenDay& day, const AppointmentService& service, Instant start,
                                     Instant now, bool isMember) {
  std::vector<std::string> out;
  Instant dayStart = startOfLocalDay(day.date, day.zone);
  if (service.durationMinutes <= 0 || start < now) return out;
  if (start < dayStart + day.hours.openMinute * kMinute) return out;
  if (start + service.durationMinutes * kMinute > dayStart + day.hours.closeMinute * kMinute) return out;
  if (!isMember && heldForMembers(day.holds, day.zone, start, now)) return out;
  Appointment candidate;
  candidate.start = start;
  candidate.end = start + service.durationMinutes * kMinute;
  for (const RosterEntry& e : day.roster) {
    if (e.absent || !qualifies(service, e.code)) continue;
    candidate.staff = e.code;
    if (staffFree(day, candidate)) out.push_back(e.code);
  }
  return out;
}

std::vector<OpenSlot> openSlots(const OpenDay& day, const AppointmentService& service, Instant now, bool isMember) {
  std::vector<OpenSlot> out;
  int step = day.stepMinutes > 0 ? day.stepMinutes : 30;
  Instant dayStart = startOfLocalDay(day.date, day.zone);
  for (int m = day.hours.openMinute; m + service.durationMinutes <= day.hours.closeMinute; m += step) {
    auto staff = freeStaffAt(day, service, dayStart + m * kMinute, now, isMember);
    if (!staff.empty()) out.push_back({m, std::move(staff)});
  }
  return out;
}

}  // namespace salon
