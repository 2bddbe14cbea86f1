#pragma once
// The appointment book's day view for the touchscreen: one column per staff
// member with their appointments and the free gaps between opening and closing.
// Plain data, built in microseconds from what storage returned; the UI draws it.
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/appointment.h"

namespace salon {

struct DaySlot {
  std::string appointmentId;
  CustomerId customer = 0;
  std::string customerName;
  int startMinute = 0;  // store-time minutes after midnight
  int endMinute = 0;
  std::string state;
  std::string services;  // names joined with "、"
  std::string room;
  bool homeVisit = false;
  std::string petName;  // "" without a pet (or when the names were not read)
  std::string firstService;  // the first service's code, "" without services
};

struct FreeGap {
  int startMinute = 0;
  int endMinute = 0;
};

struct StaffColumn {
  std::string staff;
  std::string name;
  bool absent = false;
  std::vector<DaySlot> slots;  // by start
  std::vector<FreeGap> gaps;   // free time of at least the minimum gap
};

struct RosterEntry {
  std::string code;
  std::string name;
  bool absent = false;
};

struct DayView {
  CivilDate date;
  int openMinute = 9 * 60;
  int closeMinute = 21 * 60;
  std::vector<StaffColumn> columns;  // roster order; unknown staff with bookings appended
  int live = 0;                      // booked or checked in
};

// One appointment as the day book draws it, read together with the names on
// its block (storage reads a day of them in one statement).
struct BookedAppointment {
  std::string id;
  CustomerId customer = 0;
  std::string staff;
  std::string room;
  Instant start = 0;
  Instant end = 0;
  std::string state;
  bool homeVisit = false;
  std::string services;      // the services' names in order, joined with "、"
  std::string customerName;  // "" when the file is gone
  std::string petName;       // "" without a pet
  std::string firstService;  // the first service's code (its category colours the block)
};

struct BookedDay {
  std::vector<BookedAppointment> appointments;  // overlapping the day, by start
};

// The block's services: the names joined with "、".
std::string serviceNames(const std::vector<AppointmentService>& services);

struct DayHours {
  int openMinute = 9 * 60;
  int closeMinute = 21 * 60;
  int minGapMinutes = 15;
};

// Cancelled appointments are left out; no-shows are shown but free their time.
DayView buildDayView(const CivilDate& date, StoreZone zone, const std::vector<RosterEntry>& roster,
                     const std::vector<Appointment>& appointments,
                     const std::unordered_map<CustomerId, std::string>& customerNames, DayHours hours = {});
// The same from a day read with its names (the pets' names too); the strings
// move into the view.
DayView buildDayView(const CivilDate& date, StoreZone zone, const std::vector<RosterEntry>& roster, BookedDay day,
                     DayHours hours = {});

}  // namespace salon
