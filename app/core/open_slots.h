#pragma once
// Free starts for one service on one day, by the counter's rules: who is on the
// roster and not absent, who is qualified for the service, no live appointment
// of that staff member overlapping, inside opening hours, not in the past, and
// (for a customer without priority booking) not inside the members' holds.
// Plain data in, plain data out: head office's online booking asks it with the
// day it projected from the store's events (app/hq/booking_slots.cpp).
#include <string>
#include <vector>

#include "app/core/appointment.h"
#include "app/core/day_view.h"

namespace salon {

struct OpenDay {
  CivilDate date;
  StoreZone zone;
  DayHours hours;
  std::vector<RosterEntry> roster;    // rosterOf(): who works here, absent flagged
  std::vector<Appointment> booked;    // the day's appointments (any state; only live ones count)
  std::vector<PriorityHold> holds;    // parsePriorityHolds(appointments.priority_holds)
  int stepMinutes = 30;               // starts offered every step from opening
};

struct OpenSlot {
  int startMinute = 0;              // store-time minutes after midnight
  std::vector<std::string> staff;   // free and qualified, roster order
};

// Who could take `service` from `start` (roster order); empty when nobody.
std::vector<std::string> freeStaffAt(const OpenDay& day, const AppointmentService& service, Instant start,
                                     Instant now, bool isMember = false);
// Every start with at least one staff member free.
std::vector<OpenSlot> openSlots(const OpenDay& day, const AppointmentService& service, Instant now,
                                bool isMember = false);

}  // namespace salon
