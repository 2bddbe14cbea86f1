#include "app/kiosk/appointments_booking.h"

#include <algorithm>

#include "app/core/boarding.h"
#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon::kiosk {
namespace {

namespace ab = ui::ab;
const char* const kChannels[] = {"counter", "phone", "wechat", "web"};

const CatalogItem& requireService(const std::vector<CatalogItem>& services, const std::string& code) {
  for (const CatalogItem& i : services)
    if (i.code == code && i.active) return i;
  throw DomainError("unknown_item", code);
}

}  // namespace

void BookingTab::reset(CustomerId customer) {
  bookingId_ = newUuid();
  phone_.clear();
  customer_ = customer;
  pet_.reset();
  services_.clear();
  staff_.clear();
  channel_ = "counter";
  minute_ = -1;
  boarding_ = false;
  kennel_.clear();
  nights_ = 1;
}

void BookingTab::loadCustomer(ab::BookingForm& f) {
  CustomerContact c = b_.days().contact(customer_);
  int noShows = b_.store().noShows(customer_);
  f.customer = customer_;
  f.customerLine = c.name + " " + c.phone + (b_.priority(customer_) ? " · " + b_.t("ui.appointments.member") : "") +
                   (noShows ? " · " + b_.t("ui.appointments.no_shows") + " " + std::to_string(noShows) : "");
  for (const PetChoice& p : b_.days().pets(customer_))
    f.pets.push_back({std::to_string(p.id), p.name, pet_ && *pet_ == p.id});
  // A service may be booked without a pet; a stay is a pet's.
  if (!f.pets.empty() && !boarding_) f.pets.insert(f.pets.begin(), {"", b_.t("ui.appointments.no_pet"), !pet_});
}

void BookingTab::load() {
  ab::BookingForm& f = b_.view().booking;
  f = {};
  f.phoneDigits = phone_.text();
  for (const char* k : {"service", "boarding"})
    f.kinds.push_back({k, b_.t(std::string("ui.appointments.kind_of.") + k), (k[0] == 'b') == boarding_});
  if (customer_) loadCustomer(f);
  if (boarding_) return loadStay(f);
  int minutes = 0;
  for (const CatalogItem& i : b_.days().services()) {
    if (!i.active || i.durationMinutes <= 0) continue;
    bool on = std::find(services_.begin(), services_.end(), i.code) != services_.end();
    if (on) minutes += i.durationMinutes;
    f.services.push_back({i.code, i.name + " " + std::to_string(i.durationMinutes) + b_.t("ui.appointments.minutes"), on});
  }
  f.staff.push_back({"", b_.t("ui.appointments.any_staff"), staff_.empty()});
  for (const RosterEntry& r : b_.roster(b_.date))
    if (!r.absent) f.staff.push_back({r.code, r.name, r.code == staff_});
  for (const char* c : kChannels) f.channels.push_back({c, b_.t(std::string("ui.appointments.channel.") + c), channel_ == c});
  f.dayLabel = b_.view().day.dateLabel;
  const DayHours hours = b_.days().settings().hours;
  int earliest = b_.date == b_.today() ? minuteOf(b_.k.clock.now(), b_.k.zone) : -1;
  for (int m = hours.openMinute; m + 30 <= hours.closeMinute; m += 30)
    if (m > earliest) f.times.push_back({std::to_string(m), clockText(m), m == minute_});
  if (minute_ >= 0 && minutes > 0)
    f.summary = clockText(minute_) + "–" + clockText(minute_ + minutes) + " (" + std::to_string(minutes) +
                b_.t("ui.appointments.minutes") + ")";
  f.ready = customer_ && !services_.empty() && minute_ >= 0;
}

// The keypad: digits, '<' erase, 'C' clear, '=' find the customer (the keys
// after an '=' still count).
void BookingTab::on(const ab::BookingKeys& i) {
  bool find = false;
  for (std::size_t from = 0; from <= i.keys.size();) {
    const std::size_t done = i.keys.find('=', from);
    phone_.apply(i.keys.substr(from, done == std::string::npos ? std::string::npos : done - from));
    if (done == std::string::npos) break;
    find = true;
    from = done + 1;
  }
  if (find && !phone_.empty()) findByPhone();
}

void BookingTab::findByPhone() {
  customer_ = 0;
  pet_.reset();
  CustomerSummary found = b_.days().findCustomer(phone_.text());
  customer_ = found.id;
  b_.k.audit.append(auditOf(b_.k.clock.now(), b_.me().code, "customer.view", "customer", std::to_string(found.id),
                            "booking", "name,phone"));
}

void BookingTab::on(const ab::BookingPick& i) {
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
    case ab::BookingPick::Staff: staff_ = i.code; break;
    case ab::BookingPick::Channel: channel_ = i.code; break;
    case ab::BookingPick::Time: minute_ = std::stoi(i.code); break;
    case ab::BookingPick::Kind: boarding_ = i.code == "boarding"; break;
    case ab::BookingPick::Kennel: kennel_ = i.code; break;
    case ab::BookingPick::Nights: nights_ = std::clamp(std::stoi(i.code), 1, 90); break;
  }
}

std::optional<Appointment> BookingTab::confirm(std::string& warning) {
  if (!customer_ || services_.empty() || minute_ < 0) return std::nullopt;
  const std::vector<CatalogItem> services = b_.days().services();
  BookingRequest r;
  r.id = bookingId_;
  r.customer = customer_;
  r.isMember = b_.priority(customer_);
  r.pet = pet_;
  for (const std::string& code : services_) {
    const CatalogItem& item = requireService(services, code);
    r.services.push_back({item.code, item.name, item.durationMinutes, item.qualifiedStaff});
  }
  r.staff = staff_;
  r.start = startOfLocalDay(b_.date, b_.k.zone) + minute_ * kMinute;
  r.channel = channel_;
  for (const RosterEntry& e : b_.roster(b_.date)) {
    if (e.absent && e.code == r.staff) throw DomainError("staff_absent", r.staff);
    if (!e.absent) r.staffOnDuty.push_back(e.code);
  }
  Appointment booked = b_.book().book(b_.me(), r);
  if (pet_)
    for (const VaccinationWarning& w : vaccinationWarnings(b_.days().vaccinations(*pet_), b_.date))
      warning += " · " + b_.t(w.expired ? "ui.appointments.vaccine_expired" : "ui.appointments.vaccine_expiring") + " " +
                 w.vaccine + " " + formatDate(w.expiresOn);
  reset();
  return booked;
}

}  // namespace salon::kiosk
