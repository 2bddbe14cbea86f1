#include "app/core/boarding.h"

#include <map>
#include <set>

#include "app/core/comma_list.h"
#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

std::vector<VaccinationWarning> vaccinationWarnings(const std::vector<Vaccination>& given, const CivilDate& on,
                                                    int soonDays) {
  std::map<std::string, CivilDate> newest;
  for (const Vaccination& v : given) {
    auto it = newest.find(v.vaccine);
    if (it == newest.end() || it->second < v.expiresOn) newest[v.vaccine] = v.expiresOn;
  }
  std::vector<VaccinationWarning> out;
  std::int64_t day = daysFromCivil(on);
  for (const auto& [vaccine, expires] : newest) {
    std::int64_t left = daysFromCivil(expires) - day;
    if (left < 0) out.push_back({vaccine, expires, true});
    else if (left <= soonDays) out.push_back({vaccine, expires, false});
  }
  return out;
}

bool nightsOverlap(const BoardingStay& a, const BoardingStay& b) {
  return a.checkInOn < b.checkOutOn && b.checkInOn < a.checkOutOn;
}

namespace {

bool live(const BoardingStay& s) { return s.state == "booked" || s.state == "in"; }

}  // namespace

std::vector<std::string> kennelsFrom(const std::optional<std::string>& setting) {
  std::vector<std::string> out;
  for (std::string k : setting ? commaList(*setting) : std::vector<std::string>{}) {
    k.erase(0, k.find_first_not_of(' '));
    k.erase(k.find_last_not_of(' ') + 1);
    if (!k.empty()) out.push_back(k);
  }
  if (out.empty()) out = {"K1", "K2", "K3", "K4", "K5", "K6"};
  return out;
}

Money nightlyRateFrom(const std::optional<std::string>& setting) {
  if (setting && !setting->empty() && setting->size() < 10 &&
      setting->find_first_not_of("0123456789") == std::string::npos)
    return Money(std::stoll(*setting));
  return Money::yuan(120);
}

std::vector<std::string> freeKennels(BoardingStore& store, const std::vector<std::string>& kennels, const CivilDate& in,
                                     int nights) {
  std::set<std::string> taken;
  for (int n = 0; n < nights; ++n)
    for (const BoardingStay& s : store.onNight(civilFromDays(daysFromCivil(in) + n)))
      if (live(s)) taken.insert(s.kennel);
  std::vector<std::string> out;
  for (const std::string& k : kennels)
    if (!taken.count(k)) out.push_back(k);
  return out;
}

BoardingStay Boarding::load(const std::string& id) {
  auto s = store_.stay(id);
  if (!s) throw DomainError("not_found", "boarding " + id);
  return *s;
}

BoardingStay Boarding::book(const Staff& by, BoardingStay s) {
  guard_.require(by, Action::BookAppointment, "customer", std::to_string(s.customer));
  if (!s.id.empty())
    if (auto existing = store_.stay(s.id)) return *existing;  // a retry
  if (s.id.empty()) s.id = newUuid();
  if (s.kennel.empty()) throw DomainError("bad_input", "kennel");
  if (s.nights() < 1) throw DomainError("bad_input", "check-out must be after check-in");
  if (s.nights() > 90) throw DomainError("bad_input", "longer than 90 nights");
  if (s.nightlyRate.fen < 0) throw DomainError("bad_input", "nightly rate");
  if (s.checkInOn < localDate(clock_.now(), zone_)) throw DomainError("bad_input", "check-in day is past");
  for (const BoardingStay& other : store_.clashes(s))
    if (other.id != s.id && live(other) && nightsOverlap(s, other))
      throw DomainError("kennel_taken", (other.kennel == s.kennel ? "kennel " + other.kennel : std::string("pet")) +
                                            " " + formatDate(other.checkInOn) + "–" + formatDate(other.checkOutOn));
  s.state = "booked";
  s.bookedBy = by.code;
  s.bookedAt = clock_.now();
  store_.save(s, auditOf(s.bookedAt, by.code, "boarding.booked", "boarding", s.id,
                         s.kennel + " " + formatDate(s.checkInOn) + "–" + formatDate(s.checkOutOn)));
  return s;
}

BoardingStay Boarding::checkIn(const Staff& by, const std::string& id) {
  BoardingStay s = load(id);
  guard_.require(by, Action::BookAppointment, "boarding", id);
  if (s.state == "in") return s;
  if (s.state != "booked") throw DomainError("already_decided", id + " (" + s.state + ")");
  s.state = "in";
  s.checkedInAt = clock_.now();
  store_.save(s, auditOf(s.checkedInAt, by.code, "boarding.checked_in", "boarding", id, s.kennel));
  return s;
}

BoardingStay Boarding::checkOut(const Staff& by, const std::string& id) {
  BoardingStay s = load(id);
  guard_.require(by, Action::BookAppointment, "boarding", id);
  if (s.state == "out") return s;
  if (s.state != "in") throw DomainError("already_decided", id + " (" + s.state + ")");
  s.state = "out";
  s.checkedOutAt = clock_.now();
  store_.save(s, auditOf(s.checkedOutAt, by.code, "boarding.checked_out", "boarding", id, formatAmount(s.total())));
  return s;
}

BoardingStay Boarding::cancel(const Staff& by, const std::string& id, const std::string& reason) {
  BoardingStay s = load(id);
  guard_.require(by, Action::BookAppointment, "boarding", id);
  if (s.state != "booked") throw DomainError("already_decided", id + " (" + s.state + ")");
  if (reason.empty()) throw DomainError("reason_required", id);
  s.state = "cancelled";
  store_.save(s, auditOf(clock_.now(), by.code, "boarding.cancelled", "boarding", id, reason));
  return s;
}

}  // namespace salon
