#include "app/kiosk/appointments_day_book.h"

#include <algorithm>
#include <map>

#include "app/core/catalog.h"
#include "app/core/error.h"
#include "app/core/price_list.h"

namespace salon::kiosk {

namespace ab = ui::ab;

void DayBookTab::reset() {
  categories_.clear();  // the catalog may have changed since the screen was last open
  categoriesRead_ = false;
  b_.chosen.clear();
  chosenStaff_.clear();
  confirmNoShow_ = confirmAbsent_ = false;
}

void DayBookTab::clearChoice() {
  b_.chosen.clear();
  chosenStaff_.clear();
}

void DayBookTab::load() {
  b_.guard.require(b_.me(), Action::BookAppointment, "appointments", formatDate(b_.date));
  const DeskContext& k = b_.k;
  Instant dayStart = startOfLocalDay(b_.date, k.zone);
  BookedDay read = b_.days().day(dayStart, dayStart + kDay);
  const bool any = !read.appointments.empty();
  DayView dv = buildDayView(b_.date, k.zone, b_.roster(b_.date), std::move(read), b_.days().settings().hours);
  ab::DayBook& d = b_.view().day;
  d = {};
  d.today = b_.date == b_.today();
  d.dateLabel = formatDate(b_.date) + " " + b_.t("ui.appointments.weekday." + std::to_string(weekdayOf(b_.date)));
  d.openMinute = dv.openMinute;
  d.closeMinute = dv.closeMinute;
  // An appointment outside the opening hours still shows: the book widens.
  for (const StaffColumn& c : dv.columns)
    for (const DaySlot& s : c.slots) {
      d.openMinute = std::min(d.openMinute, std::max(0, s.startMinute / 60 * 60));
      d.closeMinute = std::max(d.closeMinute, std::min(24 * 60, (s.endMinute + 59) / 60 * 60));
    }
  if (d.today) d.nowMinute = minuteOf(k.clock.now(), k.zone);
  std::map<std::string, std::string> labels;  // a state's words, looked up once per day
  for (StaffColumn& c : dv.columns) {
    int col = static_cast<int>(d.columns.size());
    d.columns.push_back({c.staff, c.name, c.absent});
    for (DaySlot& s : c.slots) {
      std::string who = std::move(s.customerName);
      if (!s.petName.empty()) who += " (" + s.petName + ")";
      auto label = labels.try_emplace(s.state);
      if (label.second) label.first->second = b_.t("ui.appointments.state." + s.state);
      std::string category = categoryOf(s.firstService);
      d.blocks.push_back({std::move(s.appointmentId), col, s.startMinute, s.endMinute, std::move(who),
                          std::move(s.services), s.state, label.first->second, s.homeVisit, std::move(category)});
    }
  }
  auditSeen(any);
}

// The block's colour: the category of its first service, by the service's code;
// "" when it is not in the catalog.
std::string DayBookTab::categoryOf(const std::string& serviceCode) {
  if (serviceCode.empty()) return "";
  if (!categoriesRead_) {
    const PriceBook book = b_.k.backroom.priceList().priceBook();
    for (const CatalogItem& i : book.items())
      if (i.kind == ItemKind::Service) categories_.emplace(i.code, i.category);
    categoriesRead_ = true;
  }
  auto found = categories_.find(serviceCode);
  return found == categories_.end() ? "" : found->second;
}

// Customers' names on the book are personal data: one audit entry per day seen.
void DayBookTab::auditSeen(bool any) {
  const DeskContext& k = b_.k;
  std::string key = b_.me().code + formatDate(b_.date);
  if (any && seenDays_.insert(key).second)
    k.audit.append(auditOf(k.clock.now(), b_.me().code, "customer.view", "appointments", formatDate(b_.date),
                           "appointment book", "name"));
}

void DayBookTab::loadChosen() {
  ui::AppointmentsView& v = b_.view();
  v.chosen = {};
  v.chosenStaff = chosenStaff_;
  v.confirmAbsent = confirmAbsent_;
  if (b_.chosen.empty()) return;
  auto a = b_.store().appointment(b_.chosen);
  if (!a) {
    b_.chosen.clear();
    return;
  }
  const DeskContext& k = b_.k;
  CustomerContact c = b_.days().contact(a->customer);
  std::string staffName = a->staff;
  for (const ab::BookColumn& col : v.day.columns)
    if (col.staff == a->staff) staffName = col.name;
  v.chosen.id = a->id;
  v.chosen.title = clockText(minuteOf(a->start, k.zone)) + "–" + clockText(minuteOf(a->end, k.zone)) + "  " + c.name +
                   " · " + staffName + " · " + b_.t("ui.appointments.state." + a->state);
  int noShows = b_.store().noShows(a->customer);
  v.chosen.detail = servicesOf(*a) + " · " + b_.t("ui.appointments.channel." + a->channel) +
                    (a->note.empty() ? "" : " · " + a->note) +
                    (noShows ? " · " + b_.t("ui.appointments.no_shows") + " " + std::to_string(noShows) : "");
  bool isToday = localDate(a->start, k.zone) == b_.today();
  v.chosen.mayCheckIn = a->state == "booked" && isToday;
  v.chosen.mayNoShow = a->state == "booked" && k.clock.now() >= a->start;
  v.chosen.confirmNoShow = confirmNoShow_;
}

void DayBookTab::on(const ab::ChooseBlock& i) {
  b_.chosen = b_.chosen == i.id ? "" : i.id;
  chosenStaff_.clear();
  confirmNoShow_ = false;
}

void DayBookTab::on(const ab::MoveBlock& i) {
  b_.chosen = i.id;
  chosenStaff_.clear();
  auto current = b_.store().appointment(i.id);
  if (!current) throw DomainError("not_found", i.id);
  auto absent = b_.days().absentOn(b_.date);
  if (std::find(absent.begin(), absent.end(), i.staff) != absent.end()) throw DomainError("staff_absent", i.staff);
  Instant start = startOfLocalDay(b_.date, b_.k.zone) + i.startMinute * kMinute;
  // Through core: conflicts, qualification, members' holds; refused → the book is
  // redrawn from the database and the block snaps back.
  Appointment moved = b_.book().move(b_.me(), i.id, start, i.staff, b_.priority(current->customer));
  b_.say("ui.appointments.moved");
  b_.view().message += " " + clockText(minuteOf(moved.start, b_.k.zone));
}

void DayBookTab::on(const ab::CheckInBlock& i) {
  Appointment a = b_.book().checkIn(b_.me(), i.id, b_.k.backroom.queue(), "phone");
  b_.say("ui.appointments.checked_in");
  b_.view().message = b_.days().contact(a.customer).name + " " + b_.view().message;
}

void DayBookTab::on(const ab::NoShowBlock& i) {
  if (!confirmNoShow_ || b_.chosen != i.id) {
    b_.chosen = i.id;
    confirmNoShow_ = true;
    return;
  }
  confirmNoShow_ = false;
  b_.book().setState(b_.me(), i.id, "no_show", "");
  b_.say("ui.appointments.marked_no_show");
}

void DayBookTab::on(const ab::ChooseColumn& i) {
  chosenStaff_ = chosenStaff_ == i.staff ? "" : i.staff;
  b_.chosen.clear();
  confirmAbsent_ = false;
}

// The first tap asks; the second records the absence (one transaction with its
// audit entry and outbox row) and opens the calls, where their appointments wait.
void DayBookTab::on(const ab::MarkAbsent& i) {
  if (!confirmAbsent_) {
    confirmAbsent_ = true;
    chosenStaff_ = i.staff;
    return;
  }
  confirmAbsent_ = false;
  b_.guard.require(b_.me(), Action::BookAppointment, "staff", i.staff);
  b_.days().recordAbsence(i.staff, b_.date, "",
                          auditOf(b_.k.clock.now(), b_.me().code, "staff.absent", "staff", i.staff, formatDate(b_.date)));
  b_.tab = ab::AppointmentsTab::Calls;
  chosenStaff_.clear();
  b_.say("ui.appointments.absent_recorded");
}

}  // namespace salon::kiosk
