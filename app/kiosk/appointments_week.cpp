#include "app/kiosk/appointments_week.h"

namespace salon::kiosk {

namespace ab = ui::ab;

void WeekTab::defaultStaff() {
  const auto& columns = b_.view().day.columns;
  if (staff_.empty() && !columns.empty()) staff_ = columns.front().staff;
}

void WeekTab::on(const ab::ShowWeek& i) {
  staff_ = i.staff;
  b_.tab = ab::AppointmentsTab::Week;
}

void WeekTab::load() {
  ui::AppointmentsView& v = b_.view();
  defaultStaff();
  ab::WeekBook& w = v.week;
  w = {};
  w.staff = staff_;
  w.staffName = staff_;
  for (const ab::BookColumn& c : v.day.columns)
    if (c.staff == staff_) w.staffName = c.name;
  CivilDate monday = plusDays(b_.date, -weekdayOf(b_.date));
  w.rangeLabel = formatDate(monday) + " – " + formatDate(plusDays(monday, 6));
  Appointments book = b_.book();
  std::vector<CustomerId> ids;
  std::vector<std::vector<Appointment>> days;
  for (int d = 0; d < 7; ++d) {
    std::vector<Appointment> mine;
    for (const Appointment& a : book.day(plusDays(monday, d)))
      if (a.staff == staff_ && a.state != "cancelled") mine.push_back(a);
    for (const Appointment& a : mine) ids.push_back(a.customer);
    days.push_back(std::move(mine));
  }
  auto names = b_.days().customerNames(ids);
  for (int d = 0; d < 7; ++d) {
    CivilDate day = plusDays(monday, d);
    ab::WeekDayColumn col;
    col.label = formatDate(day).substr(5) + " " + b_.t("ui.appointments.weekday." + std::to_string(d));
    col.today = day == b_.today();
    for (const Appointment& a : days[static_cast<std::size_t>(d)]) {
      std::string line = clockText(minuteOf(a.start, b_.k.zone)) + " " + names[a.customer] + " " + servicesOf(a);
      if (a.state != "booked") line += " (" + b_.t("ui.appointments.state." + a.state) + ")";
      col.lines.push_back(line);
    }
    w.days.push_back(std::move(col));
  }
}

}  // namespace salon::kiosk
