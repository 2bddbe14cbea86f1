#include "app/kiosk/appointments_book.h"

#include <cstdio>

#include "app/core/error.h"

namespace salon::kiosk {

std::string clockText(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
  return buf;
}

int minuteOf(Instant at, StoreZone zone) {
  return static_cast<int>((at - startOfLocalDay(localDate(at, zone), zone)) / kMinute);
}

int weekdayOf(const CivilDate& d) { return static_cast<int>(((daysFromCivil(d) % 7) + 7 + 3) % 7); }

CivilDate plusDays(const CivilDate& d, int n) { return civilFromDays(daysFromCivil(d) + n); }

std::string servicesOf(const Appointment& a) { return serviceNames(a.services); }

void OpenBook::fail(const std::string& code) {
  view().message = t("error." + code);
  view().messageIsError = true;
}

void OpenBook::say(const std::string& key) {
  view().message = t(key);
  view().messageIsError = false;
}

Appointments OpenBook::book() {
  std::vector<PriorityHold> holds;
  try {
    holds = parsePriorityHolds(days().settings().priorityHolds);
  } catch (const DomainError&) {
    // A bad setting is reported by the settings screen; the book still opens.
  }
  return Appointments(store(), guard, k.clock, k.zone, holds);
}

// Beauticians, whoever a service names as qualified, and whoever is booked.
std::vector<RosterEntry> OpenBook::roster(const CivilDate& day) {
  return rosterOf(days().staffList(), days().services(), days().absentOn(day));
}

bool OpenBook::priority(CustomerId customer) {
  return days().priorityBooking(customer, days().settings().priorityTiers);
}

}  // namespace salon::kiosk
