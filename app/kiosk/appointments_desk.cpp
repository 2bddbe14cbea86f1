#include "app/kiosk/appointments_desk.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "app/core/boarding.h"
#include "app/core/briefing.h"
#include "app/core/care.h"
#include "app/core/care_contact.h"
#include "app/core/customer_files.h"
#include "app/core/day_view.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/appointment_store.h"
#include "storage/audit_store.h"
#include "storage/boarding_store.h"
#include "storage/care_lists.h"
#include "storage/care_store.h"
#include "storage/catalog_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_store.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"

namespace salon::kiosk {
namespace {

namespace ab = ui::ab;
constexpr std::int64_t kLateGrace = 15 * kMinute;
const char* const kChannels[] = {"counter", "phone", "wechat", "web"};
const char* const kCareLists[] = {"birthdays", "lapsed", "reminders", "followups"};

std::string clockText(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
  return buf;
}

int minuteOf(Instant at, StoreZone zone) {
  return static_cast<int>((at - startOfLocalDay(localDate(at, zone), zone)) / kMinute);
}

int weekday(const CivilDate& d) { return static_cast<int>(((daysFromCivil(d) % 7) + 7 + 3) % 7); }  // 0 = Monday

CivilDate plusDays(const CivilDate& d, int n) { return civilFromDays(daysFromCivil(d) + n); }

// "HH:MM" in the store settings; the fallback when unset or unreadable.
int clockSetting(storage::Database& db, const std::string& key, int fallback) {
  auto v = storage::readSetting(db.sql(), key);
  if (!v || v->size() != 5 || (*v)[2] != ':') return fallback;
  int h = std::atoi(v->substr(0, 2).c_str()), m = std::atoi(v->substr(3).c_str());
  return h >= 0 && h <= 24 && m >= 0 && m < 60 ? h * 60 + m : fallback;
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text + ",") {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur += c;
    }
  }
  return out;
}

struct Contact {
  std::string name, phone;
  bool marketing = false;
};

Contact contactOf(storage::Database& db, CustomerId id) {
  SQLite::Statement q(db.sql(), "SELECT name, phone, marketing_opt_in FROM customers WHERE id = ?");
  q.bind(1, static_cast<std::int64_t>(id));
  if (!q.executeStep()) return {};
  return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0};
}

std::string servicesOf(const Appointment& a) {
  std::string s;
  for (const auto& svc : a.services) s += (s.empty() ? "" : "、") + svc.name;
  return s;
}

std::unordered_map<std::string, std::string> petNames(storage::Database& db, const std::vector<Appointment>& list) {
  std::unordered_map<std::string, std::string> out;
  for (const Appointment& a : list) {
    if (!a.pet) continue;
    SQLite::Statement q(db.sql(), "SELECT name FROM pets WHERE id = ?");
    q.bind(1, static_cast<std::int64_t>(*a.pet));
    if (q.executeStep()) out[a.id] = q.getColumn(0).getString();
  }
  return out;
}

}  // namespace

// --- basics ------------------------------------------------------------------

std::string AppointmentsDesk::t(const std::string& key) const { return k_.catalog.text(key); }

CivilDate AppointmentsDesk::today() const { return localDate(k_.clock.now(), k_.zone); }

bool AppointmentsDesk::offered() const {
  return k_.staff && Guard(k_.audit, k_.clock).allows(*k_.staff, Action::BookAppointment);
}

void AppointmentsDesk::fail(const std::string& code) {
  k_.view.appointments.message = t("error." + code);
  k_.view.appointments.messageIsError = true;
}

void AppointmentsDesk::say(const std::string& key) {
  k_.view.appointments.message = t(key);
  k_.view.appointments.messageIsError = false;
}

Appointments AppointmentsDesk::book() {
  std::vector<PriorityHold> holds;
  try {
    holds = parsePriorityHolds(storage::readSetting(k_.db.sql(), "appointments.priority_holds").value_or(""));
  } catch (const DomainError&) {
    // A bad setting is reported by the settings screen; the book still opens.
  }
  return Appointments(store_, guard_, k_.clock, k_.zone, holds);
}

bool AppointmentsDesk::priority(CustomerId customer) {
  auto tiers = splitList(storage::readSetting(k_.db.sql(), "appointments.priority_tiers").value_or(""));
  return storage::hasPriorityBooking(k_.db.sql(), customer, tiers);
}

// Beauticians, whoever a service names as qualified, and whoever is booked.
std::vector<RosterEntry> AppointmentsDesk::roster(const CivilDate& day) {
  std::set<std::string> named;
  const PriceBook prices = storage::loadPriceBook(k_.db.sql());
  for (const CatalogItem& i : prices.items())
    if (i.kind == ItemKind::Service && i.active) named.insert(i.qualifiedStaff.begin(), i.qualifiedStaff.end());
  auto absent = storage::absentOn(k_.db.sql(), day);
  std::vector<RosterEntry> out;
  for (const Staff& s : storage::SqliteStaffStore(k_.db).listStaff()) {
    if (!s.active || (s.role != Role::Beautician && !named.count(s.code))) continue;
    out.push_back({s.code, s.name, std::find(absent.begin(), absent.end(), s.code) != absent.end()});
  }
  return out;
}

void AppointmentsDesk::open(CustomerId customer) {
  ui::AppointmentsView& v = k_.view.appointments;
  v = {};
  v.customer = customer;
  v.title = t("ui.nav.appointments");
  date_ = today();
  dateSet_ = true;
  chosen_.clear();
  chosenStaff_.clear();
  confirmNoShow_ = confirmAbsent_ = false;
  openRow_.clear();
  // Opened for a customer (from their file): straight to booking for them.
  tab_ = customer ? ab::AppointmentsTab::Book : ab::AppointmentsTab::Day;
  resetBooking();
  bookCustomer_ = customer;
  show();
}

void AppointmentsDesk::locked() {
  k_.view.appointments = {};
  resetBooking();
  rows_.clear();
  seenDays_.clear();
  dateSet_ = false;
}

void AppointmentsDesk::languageChanged() {
  if (k_.staff && dateSet_) show();
}

bool AppointmentsDesk::tick() {
  ui::ab::DayBook& d = k_.view.appointments.day;
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
    for (const Appointment& a : book().day(today())) n += a.state == "booked";
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
    for (const Appointment& a : book().day(today()))
      if (a.state == "booked" || a.state == "checked_in") day.push_back(a);
    std::sort(day.begin(), day.end(), [](const Appointment& a, const Appointment& b) { return a.start < b.start; });
    if (day.size() > limit) day.resize(limit);
    std::vector<CustomerId> ids;
    for (const Appointment& a : day) ids.push_back(a.customer);
    auto names = storage::customerNames(k_.db.sql(), ids);
    std::unordered_map<std::string, std::string> staffNames;
    for (const Staff& s : storage::SqliteStaffStore(k_.db).listStaff()) staffNames[s.code] = s.name;
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
  if (!dateSet_) open(0);
  k_.view.appointments.message.clear();
  try {
    std::visit([this](const auto& i) { on(i); }, intent);
  } catch (const DomainError& e) {
    fail(e.code());
    try {
      show();  // what the refusal left (a move snaps back)
    } catch (const DomainError&) {
    }
  }
}

void AppointmentsDesk::show() {
  ui::AppointmentsView& v = k_.view.appointments;
  v.tab = tab_;
  v.sections.clear();
  v.careLists.clear();
  v.notes.clear();
  v.scores.clear();
  v.more = false;
  loadDay();  // the week's staff chips come from the day's columns too
  switch (tab_) {
    case ab::AppointmentsTab::Day: loadChosen(); break;
    case ab::AppointmentsTab::Week: loadWeek(); break;
    case ab::AppointmentsTab::Book: loadBooking(); break;
    case ab::AppointmentsTab::Calls: loadCalls(); break;
    case ab::AppointmentsTab::Briefing: loadBriefing(); break;
    case ab::AppointmentsTab::Care: loadCare(); break;
  }
}

// --- the day book ------------------------------------------------------------

void AppointmentsDesk::loadDay() {
  ui::AppointmentsView& v = k_.view.appointments;
  guard_.require(*k_.staff, Action::BookAppointment, "appointments", formatDate(date_));
  Instant dayStart = startOfLocalDay(date_, k_.zone);
  storage::DayBookRead read = storage::readDayBook(k_.db, dayStart, dayStart + kDay);
  const std::vector<Appointment>& list = read.appointments;
  DayHours hours{clockSetting(k_.db, "appointments.open", 9 * 60), clockSetting(k_.db, "appointments.close", 21 * 60), 15};
  DayView dv = buildDayView(date_, k_.zone, roster(date_), list, read.names, hours);
  auto pets = petNames(k_.db, list);
  ab::DayBook& d = v.day;
  d = {};
  d.today = date_ == today();
  d.dateLabel = formatDate(date_) + " " + t("ui.appointments.weekday." + std::to_string(weekday(date_)));
  d.openMinute = dv.openMinute;
  d.closeMinute = dv.closeMinute;
  // An appointment outside the opening hours still shows: the book widens.
  for (const StaffColumn& c : dv.columns)
    for (const DaySlot& s : c.slots) {
      d.openMinute = std::min(d.openMinute, std::max(0, s.startMinute / 60 * 60));
      d.closeMinute = std::max(d.closeMinute, std::min(24 * 60, (s.endMinute + 59) / 60 * 60));
    }
  if (d.today) d.nowMinute = minuteOf(k_.clock.now(), k_.zone);
  for (const StaffColumn& c : dv.columns) {
    int col = static_cast<int>(d.columns.size());
    d.columns.push_back({c.staff, c.name, c.absent});
    for (const DaySlot& s : c.slots) {
      std::string who = s.customerName;
      if (auto p = pets.find(s.appointmentId); p != pets.end()) who += " (" + p->second + ")";
      d.blocks.push_back({s.appointmentId, col, s.startMinute, s.endMinute, who, s.services, s.state,
                          t("ui.appointments.state." + s.state), s.homeVisit});
    }
  }
  // Customers' names on the book are personal data: one audit entry per day seen.
  std::string key = k_.staff->code + formatDate(date_);
  if (!list.empty() && seenDays_.insert(key).second)
    k_.audit.append(auditOf(k_.clock.now(), k_.staff->code, "customer.view", "appointments", formatDate(date_),
                            "appointment book", "name"));
}

void AppointmentsDesk::loadChosen() {
  ui::AppointmentsView& v = k_.view.appointments;
  v.chosen = {};
  v.chosenStaff = chosenStaff_;
  v.confirmAbsent = confirmAbsent_;
  if (chosen_.empty()) return;
  auto a = store_.appointment(chosen_);
  if (!a) {
    chosen_.clear();
    return;
  }
  Contact c = contactOf(k_.db, a->customer);
  std::string staffName = a->staff;
  for (const ui::ab::BookColumn& col : v.day.columns)
    if (col.staff == a->staff) staffName = col.name;
  v.chosen.id = a->id;
  v.chosen.title = clockText(minuteOf(a->start, k_.zone)) + "–" + clockText(minuteOf(a->end, k_.zone)) + "  " + c.name +
                   " · " + staffName + " · " + t("ui.appointments.state." + a->state);
  int noShows = store_.noShows(a->customer);
  v.chosen.detail = servicesOf(*a) + " · " + t("ui.appointments.channel." + a->channel) +
                    (a->note.empty() ? "" : " · " + a->note) +
                    (noShows ? " · " + t("ui.appointments.no_shows") + " " + std::to_string(noShows) : "");
  bool isToday = localDate(a->start, k_.zone) == today();
  v.chosen.mayCheckIn = a->state == "booked" && isToday;
  v.chosen.mayNoShow = a->state == "booked" && k_.clock.now() >= a->start;
  v.chosen.confirmNoShow = confirmNoShow_;
}

void AppointmentsDesk::on(const ui::AppointmentsRefresh&) { show(); }

void AppointmentsDesk::on(const ab::ShowTab& i) {
  tab_ = i.tab;
  openRow_.clear();
  if (tab_ == ab::AppointmentsTab::Week && weekStaff_.empty() && !k_.view.appointments.day.columns.empty())
    weekStaff_ = k_.view.appointments.day.columns.front().staff;
  if (tab_ == ab::AppointmentsTab::Book && bookingId_.empty()) resetBooking();
  show();
}

void AppointmentsDesk::on(const ab::ShiftDay& i) {
  date_ = i.days == 0 ? today() : plusDays(date_, i.days);
  chosen_.clear();
  chosenStaff_.clear();
  minute_ = -1;
  show();
}

void AppointmentsDesk::on(const ab::ChooseBlock& i) {
  chosen_ = chosen_ == i.id ? "" : i.id;
  chosenStaff_.clear();
  confirmNoShow_ = false;
  show();
}

void AppointmentsDesk::on(const ab::MoveBlock& i) {
  chosen_ = i.id;
  chosenStaff_.clear();
  auto current = store_.appointment(i.id);
  if (!current) throw DomainError("not_found", i.id);
  auto absent = storage::absentOn(k_.db.sql(), date_);
  if (std::find(absent.begin(), absent.end(), i.staff) != absent.end()) throw DomainError("staff_absent", i.staff);
  Instant start = startOfLocalDay(date_, k_.zone) + i.startMinute * kMinute;
  // Through core: conflicts, qualification, members' holds; refused → the book is
  // redrawn from the database and the block snaps back.
  Appointment moved = book().move(*k_.staff, i.id, start, i.staff, priority(current->customer));
  say("ui.appointments.moved");
  k_.view.appointments.message += " " + clockText(minuteOf(moved.start, k_.zone));
  show();
}

void AppointmentsDesk::on(const ab::CheckInBlock& i) {
  storage::SqliteCheckInQueue queue(k_.db);
  Appointment a = book().checkIn(*k_.staff, i.id, queue, "phone");
  say("ui.appointments.checked_in");
  k_.view.appointments.message = contactOf(k_.db, a.customer).name + " " + k_.view.appointments.message;
  show();
}

void AppointmentsDesk::on(const ab::NoShowBlock& i) {
  if (!confirmNoShow_ || chosen_ != i.id) {
    chosen_ = i.id;
    confirmNoShow_ = true;
    return show();
  }
  confirmNoShow_ = false;
  book().setState(*k_.staff, i.id, "no_show", "");
  say("ui.appointments.marked_no_show");
  show();
}

void AppointmentsDesk::on(const ab::ChooseColumn& i) {
  chosenStaff_ = chosenStaff_ == i.staff ? "" : i.staff;
  chosen_.clear();
  confirmAbsent_ = false;
  show();
}

void AppointmentsDesk::on(const ab::MarkAbsent& i) {
  if (!confirmAbsent_) {
    confirmAbsent_ = true;
    chosenStaff_ = i.staff;
    return show();
  }
  confirmAbsent_ = false;
  guard_.require(*k_.staff, Action::BookAppointment, "staff", i.staff);
  Instant now = k_.clock.now();
  k_.db.write([&](SQLite::Database& db) {
    storage::recordAbsence(db, i.staff, date_, "", k_.staff->code, now);
    storage::appendAudit(db, auditOf(now, k_.staff->code, "staff.absent", "staff", i.staff, formatDate(date_)));
  });
  // Their appointments are now on the rebooking list.
  tab_ = ab::AppointmentsTab::Calls;
  chosenStaff_.clear();
  show();
  say("ui.appointments.absent_recorded");
}

// --- a staff member's week ----------------------------------------------------

void AppointmentsDesk::on(const ab::ShowWeek& i) {
  weekStaff_ = i.staff;
  tab_ = ab::AppointmentsTab::Week;
  show();
}

void AppointmentsDesk::loadWeek() {
  ui::AppointmentsView& v = k_.view.appointments;
  if (weekStaff_.empty() && !v.day.columns.empty()) weekStaff_ = v.day.columns.front().staff;
  ab::WeekBook& w = v.week;
  w = {};
  w.staff = weekStaff_;
  w.staffName = weekStaff_;
  for (const ab::BookColumn& c : v.day.columns)
    if (c.staff == weekStaff_) w.staffName = c.name;
  CivilDate monday = plusDays(date_, -weekday(date_));
  w.rangeLabel = formatDate(monday) + " – " + formatDate(plusDays(monday, 6));
  Appointments b = book();
  std::vector<CustomerId> ids;
  std::vector<std::vector<Appointment>> days;
  for (int d = 0; d < 7; ++d) {
    std::vector<Appointment> mine;
    for (const Appointment& a : b.day(plusDays(monday, d)))
      if (a.staff == weekStaff_ && a.state != "cancelled") mine.push_back(a);
    for (const Appointment& a : mine) ids.push_back(a.customer);
    days.push_back(std::move(mine));
  }
  auto names = storage::customerNames(k_.db.sql(), ids);
  for (int d = 0; d < 7; ++d) {
    CivilDate day = plusDays(monday, d);
    ab::WeekDayColumn col;
    col.label = formatDate(day).substr(5) + " " + t("ui.appointments.weekday." + std::to_string(d));
    col.today = day == today();
    for (const Appointment& a : days[static_cast<std::size_t>(d)]) {
      std::string line = clockText(minuteOf(a.start, k_.zone)) + " " + names[a.customer] + " " + servicesOf(a);
      if (a.state != "booked") line += " (" + t("ui.appointments.state." + a.state) + ")";
      col.lines.push_back(line);
    }
    w.days.push_back(std::move(col));
  }
}

// --- booking -----------------------------------------------------------------

void AppointmentsDesk::resetBooking() {
  bookingId_ = newUuid();
  phone_.clear();
  bookCustomer_ = 0;
  pet_.reset();
  services_.clear();
  bookStaff_.clear();
  channel_ = "counter";
  minute_ = -1;
}

void AppointmentsDesk::loadBooking() {
  ab::BookingForm& f = k_.view.appointments.booking;
  f = {};
  f.phoneDigits = phone_;
  if (bookCustomer_) {
    Contact c = contactOf(k_.db, bookCustomer_);
    int noShows = store_.noShows(bookCustomer_);
    f.customer = bookCustomer_;
    f.customerLine = c.name + " " + c.phone + (priority(bookCustomer_) ? " · " + t("ui.appointments.member") : "") +
                     (noShows ? " · " + t("ui.appointments.no_shows") + " " + std::to_string(noShows) : "");
    SQLite::Statement q(k_.db.sql(), "SELECT id, name FROM pets WHERE customer_id = ? ORDER BY id");
    q.bind(1, static_cast<std::int64_t>(bookCustomer_));
    while (q.executeStep()) {
      std::int64_t id = q.getColumn(0).getInt64();
      f.pets.push_back({std::to_string(id), q.getColumn(1).getString(), pet_ && *pet_ == id});
    }
    if (!f.pets.empty()) f.pets.insert(f.pets.begin(), {"", t("ui.appointments.no_pet"), !pet_});
  }
  int minutes = 0;
  const PriceBook prices = storage::loadPriceBook(k_.db.sql());
  for (const CatalogItem& i : prices.items()) {
    if (i.kind != ItemKind::Service || !i.active || i.durationMinutes <= 0) continue;
    bool on = std::find(services_.begin(), services_.end(), i.code) != services_.end();
    if (on) minutes += i.durationMinutes;
    f.services.push_back({i.code, i.name + " " + std::to_string(i.durationMinutes) + t("ui.appointments.minutes"), on});
  }
  f.staff.push_back({"", t("ui.appointments.any_staff"), bookStaff_.empty()});
  for (const RosterEntry& r : roster(date_))
    if (!r.absent) f.staff.push_back({r.code, r.name, r.code == bookStaff_});
  for (const char* c : kChannels) f.channels.push_back({c, t(std::string("ui.appointments.channel.") + c), channel_ == c});
  f.dayLabel = k_.view.appointments.day.dateLabel;
  int open = clockSetting(k_.db, "appointments.open", 9 * 60), close = clockSetting(k_.db, "appointments.close", 21 * 60);
  int earliest = date_ == today() ? minuteOf(k_.clock.now(), k_.zone) : -1;
  for (int m = open; m + 30 <= close; m += 30)
    if (m > earliest) f.times.push_back({std::to_string(m), clockText(m), m == minute_});
  if (minute_ >= 0 && minutes > 0)
    f.summary = clockText(minute_) + "–" + clockText(minute_ + minutes) + " (" + std::to_string(minutes) +
                t("ui.appointments.minutes") + ")";
  f.ready = bookCustomer_ && !services_.empty() && minute_ >= 0;
}

void AppointmentsDesk::on(const ab::BookingKeys& i) {
  bool find = false;
  for (char c : i.keys) {
    if (c >= '0' && c <= '9' && phone_.size() < 15) phone_ += c;
    else if (c == '<' && !phone_.empty()) phone_.pop_back();
    else if (c == 'C') phone_.clear();
    else if (c == '=') find = true;
  }
  if (find && !phone_.empty()) {
    bookCustomer_ = 0;
    pet_.reset();
    CustomerSummary found = storage::findCustomer(k_.db.sql(), phone_);
    bookCustomer_ = found.id;
    k_.audit.append(auditOf(k_.clock.now(), k_.staff->code, "customer.view", "customer", std::to_string(found.id),
                            "booking", "name,phone"));
  }
  show();
}

void AppointmentsDesk::on(const ab::BookingPick& i) {
  switch (i.field) {
    case ab::BookingPick::Pet:
      if (i.code.empty()) pet_.reset();
      else pet_ = std::stoll(i.code);
      break;
    case ab::BookingPick::Service: {
      auto it = std::find(services_.begin(), services_.end(), i.code);
      if (it == services_.end()) services_.push_back(i.code);
      else services_.erase(it);
      break;
    }
    case ab::BookingPick::Staff: bookStaff_ = i.code; break;
    case ab::BookingPick::Channel: channel_ = i.code; break;
    case ab::BookingPick::Time: minute_ = std::stoi(i.code); break;
  }
  show();
}

void AppointmentsDesk::on(const ab::ConfirmBooking&) {
  if (!bookCustomer_ || services_.empty() || minute_ < 0) return;
  PriceBook prices = storage::loadPriceBook(k_.db.sql());
  BookingRequest r;
  r.id = bookingId_;
  r.customer = bookCustomer_;
  r.isMember = priority(bookCustomer_);
  r.pet = pet_;
  for (const std::string& code : services_) {
    const CatalogItem& item = prices.require(code);
    r.services.push_back({item.code, item.name, item.durationMinutes, item.qualifiedStaff});
  }
  r.staff = bookStaff_;
  r.start = startOfLocalDay(date_, k_.zone) + minute_ * kMinute;
  r.channel = channel_;
  for (const RosterEntry& e : roster(date_)) {
    if (e.absent && e.code == r.staff) throw DomainError("staff_absent", r.staff);
    if (!e.absent) r.staffOnDuty.push_back(e.code);
  }
  Appointment booked = book().book(*k_.staff, r);
  std::string warning;
  if (pet_)
    for (const VaccinationWarning& w : vaccinationWarnings(storage::vaccinationsOf(k_.db.sql(), *pet_), date_))
      warning += " · " + t(w.expired ? "ui.appointments.vaccine_expired" : "ui.appointments.vaccine_expiring") + " " +
                 w.vaccine + " " + formatDate(w.expiresOn);
  resetBooking();
  chosen_ = booked.id;
  tab_ = ab::AppointmentsTab::Day;
  show();
  say("ui.appointments.booked");
  ui::AppointmentsView& v = k_.view.appointments;
  v.message += " " + clockText(minuteOf(booked.start, k_.zone)) + " " + v.chosen.title.substr(v.chosen.title.find("  ") + 2) +
               warning;
}

// --- lists staff work through ------------------------------------------------

namespace {

// The newest outcome logged for an occasion ("" when nobody called yet).
std::string lastOutcome(storage::Database& db, const std::string& kind, const std::string& ref) {
  SQLite::Statement q(db.sql(), "SELECT outcome FROM care_contacts WHERE kind = ? AND ref = ? ORDER BY at DESC LIMIT 1");
  q.bind(1, kind);
  q.bind(2, ref);
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

}  // namespace

ab::WorkRow AppointmentsDesk::row(const std::string& key, RowTarget target) {
  ab::WorkRow r;
  r.key = key;
  r.mayMessage = target.marketing;
  r.needsScore = target.kind == "followup";
  r.open = key == openRow_;
  std::string outcome = lastOutcome(k_.db, target.kind, target.ref);
  if (!outcome.empty()) r.status = t("ui.appointments.outcome." + outcome);
  rows_[key] = std::move(target);
  return r;
}

void AppointmentsDesk::loadCalls() {
  ui::AppointmentsView& v = k_.view.appointments;
  guard_.require(*k_.staff, Action::ContactCustomer, "appointments", "calls");
  rows_.clear();
  Appointments b = book();
  std::unordered_map<std::string, std::string> staffNames;
  for (const Staff& s : storage::SqliteStaffStore(k_.db).listStaff()) staffNames[s.code] = s.name;
  auto line = [&](const Appointment& a, bool withDate) {
    Contact c = contactOf(k_.db, a.customer);
    std::string when = clockText(minuteOf(a.start, k_.zone));
    if (withDate) when = formatDate(localDate(a.start, k_.zone)).substr(5) + " " + when;
    return std::make_pair(when + "  " + c.name + "  " + c.phone, c.marketing);
  };
  ab::WorkSection reminders{t("ui.appointments.reminders"), t("ui.appointments.none"), {}};
  for (const Appointment& a : b.remindersFor(today())) {
    auto [title, marketing] = line(a, true);
    ab::WorkRow r = row("reminder." + a.id, {a.customer, "reminder", a.id, marketing});
    r.title = title;
    r.detail = servicesOf(a) + " · " + staffNames[a.staff];
    reminders.rows.push_back(std::move(r));
  }
  ab::WorkSection late{t("ui.appointments.late"), t("ui.appointments.none"), {}};
  for (const Appointment& a : b.lateArrivals(kLateGrace)) {
    auto [title, marketing] = line(a, false);
    ab::WorkRow r = row("late." + a.id, {a.customer, "late", a.id, marketing});
    r.title = title;
    r.detail = t("ui.appointments.minutes_late") + " " + std::to_string((k_.clock.now() - a.start) / kMinute) + " · " +
               servicesOf(a) + " · " + staffNames[a.staff];
    late.rows.push_back(std::move(r));
  }
  ab::WorkSection rebook{t("ui.appointments.rebook"), t("ui.appointments.none"), {}};
  for (int d = 0; d < 2; ++d) {
    CivilDate day = plusDays(today(), d);
    for (const std::string& staff : storage::absentOn(k_.db.sql(), day))
      for (const Appointment& a : b.toRebook(staff, day)) {
        auto [title, marketing] = line(a, true);
        ab::WorkRow r = row("rebook." + a.id, {a.customer, "rebook", a.id, marketing});
        r.title = title;
        r.detail = servicesOf(a) + " · " + staffNames[a.staff] + " (" + t("ui.appointments.absent") + ")";
        r.alert = t("ui.appointments.rebook_hint");
        rebook.rows.push_back(std::move(r));
      }
  }
  v.sections = {std::move(late), std::move(reminders), std::move(rebook)};
  k_.audit.append(auditOf(k_.clock.now(), k_.staff->code, "customer.view", "appointments", "calls " + formatDate(today()),
                          "reminder", "name,phone"));
  v.notes.clear();
  for (const char* n : {"informed", "will_come", "reschedule", "not_needed", "wrong_number"})
    v.notes.push_back({n, t(std::string("ui.appointments.note.") + n), note_ == t(std::string("ui.appointments.note.") + n)});
}

void AppointmentsDesk::loadBriefing() {
  ui::AppointmentsView& v = k_.view.appointments;
  rows_.clear();
  CivilDate tomorrow = plusDays(today(), 1);
  storage::SqliteCustomerFileStore files(k_.db);
  NameKeyMaker keys;
  CustomerFiles service(files, k_.directory, k_.audit, k_.clock, keys, k_.zone);
  std::unordered_map<std::string, std::string> staffNames;
  for (const Staff& s : storage::SqliteStaffStore(k_.db).listStaff()) staffNames[s.code] = s.name;
  ab::WorkSection sec{t("ui.appointments.briefing_for") + " " + formatDate(tomorrow), t("ui.appointments.none"), {}};
  for (const Appointment& a : book().day(tomorrow)) {
    if (a.state != "booked" && a.state != "checked_in") continue;
    // Each file read is audited as a view for the purpose "service".
    CustomerFile f = service.open(*k_.staff, a.customer, "service", briefingSections());
    Briefing br = briefingOf(a, f, store_.noShows(a.customer), tomorrow);
    ab::WorkRow r;
    r.key = "brief." + a.id;
    r.title = clockText(minuteOf(a.start, k_.zone)) + "  " + br.name + (br.member ? " · " + t("ui.appointments.member") : "") +
              " · " + staffNames[a.staff] + " · " + servicesOf(a);
    auto part = [&](const char* key, const std::string& value) {
      if (value.empty()) return;
      r.detail += (r.detail.empty() ? "" : "\n") + t(key) + ": " + value;
    };
    part("ui.appointments.brief.care_plan", br.careTechniques + (br.careProducts.empty() ? "" : " " + br.careProducts));
    part("ui.appointments.brief.recommend", br.recommendedItems + (br.nextPushItems.empty() ? "" : " " + br.nextPushItems));
    part("ui.appointments.brief.preferences", br.pressure + (br.topics.empty() ? "" : " " + br.topics));
    part("ui.appointments.brief.last_visit", br.lastService + (br.lastEffect.empty() ? "" : " " + br.lastEffect));
    if (br.noShows) part("ui.appointments.no_shows", std::to_string(br.noShows));
    std::string alert;
    if (!br.allergies.empty()) alert += t("ui.appointments.brief.allergies") + ": " + br.allergies + " ";
    if (!br.illnesses.empty()) alert += t("ui.appointments.brief.illnesses") + ": " + br.illnesses + " ";
    if (!br.medication.empty()) alert += t("ui.appointments.brief.medication") + ": " + br.medication + " ";
    for (const PetBriefing& p : br.pets)
      for (const VaccinationWarning& w : p.warnings)
        alert += p.name + " " + t(w.expired ? "ui.appointments.vaccine_expired" : "ui.appointments.vaccine_expiring") + " " +
                 w.vaccine + " " + formatDate(w.expiresOn) + " ";
    r.alert = alert;
    sec.rows.push_back(std::move(r));
  }
  v.sections = {std::move(sec)};
}

void AppointmentsDesk::loadCare() {
  ui::AppointmentsView& v = k_.view.appointments;
  guard_.require(*k_.staff, Action::ContactCustomer, "care", careList_);
  rows_.clear();
  for (const char* l : kCareLists)
    v.careLists.push_back({l, t(std::string("ui.appointments.care.") + l), careList_ == l});
  ab::WorkSection sec{t(std::string("ui.appointments.care.") + careList_), t("ui.appointments.none"), {}};
  Instant now = k_.clock.now();
  if (careList_ == "followups") {
    int after = 1, window = 7;
    auto visits = storage::visitsBetween(k_.db.sql(), now - (after + window + 2) * kDay, now);
    for (const VisitToFollow& f : followUpsDue(visits, now, k_.zone, after, window)) {
      std::string ref = std::to_string(f.visitId);
      if (storage::careHandled(k_.db.sql(), f.customer, "followup", ref)) continue;
      ab::WorkRow r = row("followup." + ref, {f.customer, "followup", ref, contactOf(k_.db, f.customer).marketing});
      r.title = formatLocalDateTime(f.at, k_.zone).substr(5) + "  " + f.name + "  " + f.phone;
      r.detail = f.service + " · " + f.staff;
      sec.rows.push_back(std::move(r));
    }
  } else {
    int lapse = 90;
    if (auto s = storage::readSetting(k_.db.sql(), "care.lapse_days")) lapse = std::max(1, std::atoi(s->c_str()));
    storage::CareListRequest req{careList_, today(), now, k_.zone, 0, lapse, careLimit_, 0};
    storage::CareListResult got = storage::careList(k_.db.sql(), req);
    v.more = got.next != 0;
    for (const CareTask& task : got.tasks) {
      std::string kind = careKindName(task.kind), ref = storage::careRef(task);
      ab::WorkRow r = row(kind + "." + std::to_string(task.customer.id) + "." + ref,
                          {task.customer.id, kind, ref, task.customer.marketingOptIn});
      r.title = t("ui.appointments.kind." + kind) + "  " + task.customer.name + "  " + task.customer.phone;
      r.detail = (task.kind == CareKind::Lapsed ? t("ui.appointments.last_seen") : t("ui.appointments.due")) + " " +
                 formatDate(task.due);
      if (task.kind == CareKind::CareReminder) {
        r.detail += " · " + t(std::string("ui.appointments.season.") + got.season);
        if (!task.customer.careProducts.empty()) r.detail += " · " + task.customer.careProducts;
      }
      sec.rows.push_back(std::move(r));
    }
  }
  v.sections = {std::move(sec)};
  k_.audit.append(auditOf(now, k_.staff->code, "customer.view", "care_list", careList_ + " " + formatDate(today()),
                          "customer care", "name,phone"));
  std::vector<const char*> notes = {"not_needed", "wrong_number", "asked_not_to_call", "call_later"};
  if (careList_ == "lapsed") notes = {"reason.busy", "reason.moved", "reason.price", "reason.effect", "reason.elsewhere",
                                      "reason.health"};
  if (careList_ == "followups") notes = {"very_happy", "effect_good", "wants_change", "complained"};
  for (const char* n : notes) {
    std::string label = t(std::string("ui.appointments.note.") + n);
    v.notes.push_back({n, label, note_ == label});
  }
  for (int s = 1; s <= 5; ++s)
    v.scores.push_back({std::to_string(s), t("ui.appointments.score." + std::to_string(s)), score_ == s});
}

void AppointmentsDesk::on(const ab::OpenWorkRow& i) {
  openRow_ = openRow_ == i.key ? "" : i.key;
  note_.clear();
  score_ = 0;
  show();
}

void AppointmentsDesk::on(const ab::PickNote& i) {
  note_ = note_ == i.text ? "" : i.text;
  show();
}

void AppointmentsDesk::on(const ab::PickScore& i) {
  score_ = i.score;
  show();
}

void AppointmentsDesk::on(const ab::RecordContact& i) {
  auto it = rows_.find(openRow_);
  if (it == rows_.end()) return;
  const RowTarget& target = it->second;
  // Messages go only to customers who opted in; a call is always possible.
  if (i.channel != "phone" && !target.marketing) throw DomainError("no_marketing_consent", std::to_string(target.customer));
  storage::SqliteCareContactStore store(k_.db);
  CareContacts contacts(store, guard_, k_.clock);
  CareContact c;
  c.id = newUuid();
  c.customer = target.customer;
  c.kind = target.kind;
  c.ref = target.ref;
  c.channel = i.channel;
  c.outcome = i.outcome;
  c.note = note_;
  c.satisfaction = target.kind == "followup" && i.outcome == "done" ? score_ : 0;
  contacts.record(*k_.staff, c);
  openRow_.clear();
  note_.clear();
  score_ = 0;
  show();
  say("ui.appointments.contact_recorded");
}

void AppointmentsDesk::on(const ab::ChooseCareList& i) {
  careList_ = i.list;
  careLimit_ = 50;
  openRow_.clear();
  show();
}

void AppointmentsDesk::on(const ab::MoreRows&) {
  careLimit_ += 50;
  show();
}

}  // namespace salon::kiosk
