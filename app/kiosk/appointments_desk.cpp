#include "app/kiosk/appointments_desk.h"

#include <algorithm>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "app/core/error.h"

namespace salon::kiosk {
namespace {

namespace ab = ui::ab;

// Whether a tab has a handler for the intent.
template <class Tab, class Intent, class = void>
struct Takes : std::false_type {};
template <class Tab, class Intent>
struct Takes<Tab, Intent, std::void_t<decltype(std::declval<Tab&>().on(std::declval<const Intent&>()))>>
    : std::true_type {};

}  // namespace

bool AppointmentsDesk::offered() const {
  return k_.staff && Guard(k_.audit, k_.clock).allows(*k_.staff, Action::BookAppointment);
}

void AppointmentsDesk::open(CustomerId customer) {
  ui::AppointmentsView& v = k_.view.appointments;
  v = {};
  v.customer = customer;
  v.title = book_.t("ui.nav.appointments");
  book_.date = book_.today();
  book_.dateSet = true;
  day_.reset();
  lists_.closeRow();
  // Opened for a customer (from their file): straight to booking for them.
  book_.tab = customer ? ab::AppointmentsTab::Book : ab::AppointmentsTab::Day;
  booking_.reset(customer);
  show();
}

void AppointmentsDesk::locked() {
  k_.view.appointments = {};
  booking_.reset();
  lists_.forget();
  boarding_.forget();
  day_.forget();
  book_.dateSet = false;
}

void AppointmentsDesk::languageChanged() {
  if (k_.staff && book_.dateSet) show();
}

bool AppointmentsDesk::tick() {
  if (holds_.tick()) return true;
  ab::DayBook& d = k_.view.appointments.day;
  if (!k_.staff || k_.view.screen != ui::Screen::Appointments || !d.today) return false;
  int now = minuteOf(k_.clock.now(), k_.zone);
  if (now == d.nowMinute) return false;
  d.nowMinute = now;
  return true;
}

int AppointmentsDesk::waiting() {
  if (!k_.staff) return 0;
  try {
    int n = 0;
    for (const Appointment& a : book_.book().day(book_.today())) n += a.state == "booked";
    return n;
  } catch (const DomainError&) {
    return 0;
  }
}

std::vector<ui::HomeAppointment> AppointmentsDesk::todayForHome(std::size_t limit) {
  std::vector<ui::HomeAppointment> rows;
  if (!k_.staff) return rows;
  try {
    std::vector<Appointment> day;
    for (const Appointment& a : book_.book().day(book_.today()))
      if (a.state == "booked" || a.state == "checked_in") day.push_back(a);
    std::sort(day.begin(), day.end(), [](const Appointment& a, const Appointment& b) { return a.start < b.start; });
    if (day.size() > limit) day.resize(limit);
    std::vector<CustomerId> ids;
    for (const Appointment& a : day) ids.push_back(a.customer);
    auto names = book_.days().customerNames(ids);
    std::unordered_map<std::string, std::string> staffNames;
    for (const Staff& s : book_.days().staffList()) staffNames[s.code] = s.name;
    for (const Appointment& a : day)
      rows.push_back({clockText(minuteOf(a.start, k_.zone)), names[a.customer],
                      servicesOf(a) + " · " + staffNames[a.staff], "ui.appointments.state." + a.state});
  } catch (const DomainError&) {
    rows.clear();  // the home screen shows no bookings rather than failing
  }
  return rows;
}

void AppointmentsDesk::apply(const ui::AppointmentsIntent& intent) {
  if (!k_.staff) return;
  if (!book_.dateSet) open(0);
  ui::AppointmentsView& v = k_.view.appointments;
  const std::string said = v.message;
  const bool saidError = v.messageIsError;
  v.message.clear();
  try {
    book_.redraw = true;
    book_.stale = false;
    std::visit([this](const auto& i) { on(i); }, intent);
    if (book_.stale) {
      v.message = said;
      v.messageIsError = saidError;
    }
    if (book_.redraw) show();
  } catch (const DomainError& e) {
    book_.fail(e.code());
    try {
      show();  // what the refusal left (a move snaps back)
    } catch (const DomainError&) {
    }
  }
}

template <class Intent>
void AppointmentsDesk::on(const Intent& i) {
  if constexpr (Takes<DayBookTab, Intent>::value) day_.on(i);
  else if constexpr (Takes<WeekTab, Intent>::value) week_.on(i);
  else if constexpr (Takes<BookingTab, Intent>::value) booking_.on(i);
  else lists_.on(i);
}

// A tapped row and its one step belong to the board on 寄养, to the lists elsewhere.
void AppointmentsDesk::on(const ab::OpenWorkRow& i) {
  if (book_.tab == ab::AppointmentsTab::Boarding) boarding_.on(i);
  else lists_.on(i);
}

void AppointmentsDesk::on(const ab::RowAction& i) {
  if (book_.tab == ab::AppointmentsTab::Boarding) boarding_.on(i);
  else lists_.on(i);
}

void AppointmentsDesk::show() {
  ui::AppointmentsView& v = k_.view.appointments;
  v.tab = book_.tab;
  v.sections.clear();
  v.careLists.clear();
  v.notes.clear();
  v.scores.clear();
  v.writingNote = false;
  v.noteCandidates.clear();
  v.more = false;
  day_.load();  // the week's staff chips come from the day's columns too
  switch (book_.tab) {
    case ab::AppointmentsTab::Day: day_.loadChosen(); break;
    case ab::AppointmentsTab::Week: week_.load(); break;
    case ab::AppointmentsTab::Book: booking_.load(); break;
    case ab::AppointmentsTab::Calls: lists_.loadCalls(); break;
    case ab::AppointmentsTab::Briefing: lists_.loadBriefing(); break;
    case ab::AppointmentsTab::Care: lists_.loadCare(); break;
    case ab::AppointmentsTab::Boarding: boarding_.load(); break;
  }
}

void AppointmentsDesk::on(const ab::ShowTab& i) {
  book_.tab = i.tab;
  lists_.closeRow();
  if (book_.tab == ab::AppointmentsTab::Week) week_.defaultStaff();
  if (book_.tab == ab::AppointmentsTab::Book && !booking_.started()) booking_.reset();
}

void AppointmentsDesk::on(const ab::ShiftDay& i) {
  book_.date = i.days == 0 ? book_.today() : plusDays(book_.date, i.days);
  day_.clearChoice();
  booking_.clearTime();
}

// After booking, the day book shows the new block chosen; the message names its time and staff.
void AppointmentsDesk::on(const ab::ConfirmBooking&) {
  if (booking_.boarding()) return bookStay();
  std::string warning;
  std::optional<Appointment> booked = booking_.confirm(warning);
  book_.redraw = false;
  if (!booked) return book_.staleTap();  // 确认 is shown only for a whole form: the second tap of a double tap
  book_.chosen = booked->id;
  book_.tab = ab::AppointmentsTab::Day;
  show();
  book_.say("ui.appointments.booked");
  ui::AppointmentsView& v = k_.view.appointments;
  v.message += " " + clockText(minuteOf(booked->start, k_.zone)) + " " +
               v.chosen.title.substr(v.chosen.title.find("  ") + 2) + warning;
}

// A stay booked: the 寄养 board shows it among those arriving; the message says
// the kennel, the days and the fee.
void AppointmentsDesk::bookStay() {
  std::optional<BoardingStay> stay = booking_.confirmStay();
  book_.redraw = false;
  if (!stay) return book_.staleTap();
  book_.tab = ab::AppointmentsTab::Boarding;
  show();
  ui::AppointmentsView& v = k_.view.appointments;
  v.message = stay->kennel + " " + book_.t("ui.boarding.booked") + " " + formatDate(stay->checkInOn).substr(5) + " → " +
              formatDate(stay->checkOutOn).substr(5) + " · " + std::to_string(stay->nights()) +
              book_.t("ui.boarding.nights") + " · " + formatYuan(stay->total());
  v.messageIsError = false;
}

}  // namespace salon::kiosk
