#pragma once
// What the appointments screen's tabs share: the day shown, the tab, the
// appointment chosen on the day book, and the reads and words every tab uses.
// The tabs (day book, week, booking, the lists) each keep their own state.
#include <string>
#include <vector>

#include "app/core/appointment.h"
#include "app/core/day_book.h"
#include "app/core/day_view.h"
#include "app/core/staff_auth.h"
#include "app/kiosk/desk.h"
#include "app/ui/appointments/appointments_view.h"

namespace salon::kiosk {

std::string clockText(int minute);  // "HH:MM"
int minuteOf(Instant at, StoreZone zone);  // store-time minutes after midnight
int weekdayOf(const CivilDate& d);  // 0 = Monday
CivilDate plusDays(const CivilDate& d, int n);
std::string servicesOf(const Appointment& a);  // names joined with "、"

struct OpenBook {
  explicit OpenBook(DeskContext& context) : k(context) {}

  DeskContext& k;
  Guard guard{k.audit, k.clock};
  CivilDate date{};
  bool dateSet = false;
  ui::ab::AppointmentsTab tab = ui::ab::AppointmentsTab::Day;
  std::string chosen;  // the appointment chosen on the day book
  bool redraw = true;  // a handler that changed nothing (or drew already) clears it
  // A tap meant for something gone (the second tap of a double tap): nothing
  // changes, and the first tap's message stays on screen.
  bool stale = false;
  void staleTap() {
    stale = true;
    redraw = false;
  }

  std::string t(const std::string& key) const { return k.catalog.text(key); }
  CivilDate today() const { return localDate(k.clock.now(), k.zone); }
  const Staff& me() const { return *k.staff; }
  ui::AppointmentsView& view() { return k.view.appointments; }
  DayBook& days() { return k.backroom.dayBook(); }
  AppointmentStore& store() { return k.backroom.appointments(); }
  void fail(const std::string& code);
  void say(const std::string& key);
  // Core's book with the members' holds from the settings.
  Appointments book();
  std::vector<RosterEntry> roster(const CivilDate& day);
  bool priority(CustomerId customer);
};

}  // namespace salon::kiosk
