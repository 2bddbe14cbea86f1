#include "app/core/appointment.h"

#include <algorithm>
#include <sstream>

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

bool overlaps(const Appointment& a, const Appointment& b) { return a.start < b.end && b.start < a.end; }

bool qualifies(const AppointmentService& s, const std::string& staff) {
  return s.qualifiedStaff.empty() ||
         std::find(s.qualifiedStaff.begin(), s.qualifiedStaff.end(), staff) != s.qualifiedStaff.end();
}

bool isLive(const Appointment& a) { return a.state == "booked" || a.state == "checked_in"; }

namespace {

bool live(const Appointment& a) { return isLive(a); }

std::string clashDetail(const Appointment& mine, const Appointment& theirs) {
  if (!mine.staff.empty() && mine.staff == theirs.staff) return "staff " + theirs.staff;
  if (!mine.room.empty() && mine.room == theirs.room) return "room " + theirs.room;
  return "pet";
}

void checkKind(const Appointment& a) {
  static const std::vector<std::string> kChannels = {"counter", "phone", "wechat", "web"};
  if (std::find(kChannels.begin(), kChannels.end(), a.channel) == kChannels.end())
    throw DomainError("bad_input", "channel " + a.channel);
  if (a.kind == "in_store") return;
  if (a.kind != "home_visit") throw DomainError("bad_input", "kind " + a.kind);
  if (a.address.empty()) throw DomainError("address_required", a.id);
  if (!a.room.empty()) throw DomainError("bad_input", "a home visit takes no room");
}

int parseClock(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (t[i] < '0' || t[i] > '9') return -1;
  int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  return h <= 24 && m < 60 && h * 60 + m <= 24 * 60 ? h * 60 + m : -1;
}

PriorityHold parseHold(const std::string& entry) {
  static const std::vector<std::string> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::istringstream in(entry);
  std::string day, span, release;
  in >> day >> span >> release;
  PriorityHold h;
  auto dash = span.find('-');
  auto d = std::find(kDays.begin(), kDays.end(), day);
  bool ok = dash != std::string::npos && (day == "*" || d != kDays.end()) && release.size() >= 2 &&
            release.back() == 'h' && release.find_first_not_of("0123456789", 0) == release.size() - 1;
  if (ok) {
    h.weekday = day == "*" ? -1 : static_cast<int>(d - kDays.begin());
    h.fromMinute = parseClock(span.substr(0, dash));
    h.toMinute = parseClock(span.substr(dash + 1));
    h.releaseBefore = std::stoll(release.substr(0, release.size() - 1)) * kHour;
    ok = h.fromMinute >= 0 && h.toMinute > h.fromMinute;
  }
  std::string rest;
  if (!ok || (in >> rest)) throw DomainError("setting_invalid", "appointments.priority_holds: " + entry);
  return h;
}

}  // namespace

std::vector<PriorityHold> parsePriorityHolds(const std::string& text) {
  std::vector<PriorityHold> out;
  std::istringstream in(text);
  std::string entry;
  while (std::getline(in, entry, ';'))
    if (entry.find_first_not_of(" \t") != std::string::npos) out.push_back(parseHold(entry));
  return out;
}

bool Appointments::heldForMembers(Instant start) const { return salon::heldForMembers(holds_, zone_, start, clock_.now()); }

bool heldForMembers(const std::vector<PriorityHold>& holds, StoreZone zone, Instant start, Instant now) {
  Instant local = start + zone.offsetMinutes * kMinute;
  std::int64_t days = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
  int minute = static_cast<int>((local - days * kDay) / kMinute);
  int weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);
  for (const PriorityHold& h : holds) {
    bool day = h.weekday < 0 || h.weekday == weekday;
    if (day && minute >= h.fromMinute && minute < h.toMinute && now < start - h.releaseBefore) return true;
  }
  return false;
}

void Appointments::checkFree(const Appointment& a) {
  for (const Appointment& other : store_.clashes(a)) {
    if (other.id == a.id || !live(other) || !overlaps(a, other)) continue;
    throw DomainError("slot_taken", clashDetail(a, other) + " " + formatLocalDateTime(other.start, zone_));
  }
}

std::string Appointments::pickStaff(const BookingRequest& r, Appointment candidate) {
  for (const std::string& s : r.staffOnDuty) {
    bool ok = std::all_of(r.services.begin(), r.services.end(), [&](const auto& svc) { return qualifies(svc, s); });
    if (!ok) continue;
    candidate.staff = s;
    try {
      checkFree(candidate);
      return s;
    } catch (const DomainError&) {
    }
  }
  throw DomainError("no_staff_free", formatLocalDateTime(r.start, zone_));
}

Appointment Appointments::book(const Staff& by, const BookingRequest& r) {
  guard_.require(by, Action::BookAppointment, "customer", std::to_string(r.customer));
  if (auto existing = store_.appointment(r.id)) return *existing;  // a retry or a double tap
  if (r.services.empty()) throw DomainError("bad_input", "no service");
  if (r.start < clock_.now()) throw DomainError("bad_input", "start is past");
  if (!r.isMember && heldForMembers(r.start)) throw DomainError("held_for_members", formatLocalDateTime(r.start, zone_));
  Appointment a;
  a.id = r.id.empty() ? newUuid() : r.id;
  a.customer = r.customer;
  a.pet = r.pet;
  a.services = r.services;
  a.room = r.room;
  a.start = r.start;
  int minutes = 0;
  for (const auto& s : r.services) minutes += s.durationMinutes;
  if (minutes <= 0 || minutes * kMinute > kMaxAppointmentLength) throw DomainError("bad_input", "duration");
  a.end = a.start + minutes * kMinute;
  a.channel = r.channel;
  a.kind = r.kind;
  a.address = r.address;
  checkKind(a);
  a.bookedBy = by.code;
  a.bookedAt = clock_.now();
  a.note = r.note;
  if (r.staff.empty()) {
    a.staff = pickStaff(r, a);
  } else {
    for (const auto& s : r.services)
      if (!qualifies(s, r.staff)) throw DomainError("staff_not_qualified", r.staff + ": " + s.name);
    a.staff = r.staff;
  }
  checkFree(a);
  store_.save(a, auditOf(a.bookedAt, by.code, "appointment.booked", "appointment", a.id, a.channel));
  return a;
}

Appointment Appointments::load(const std::string& id) {
  auto a = store_.appointment(id);
  if (!a) throw DomainError("not_found", "appointment " + id);
  return *a;
}

Appointment Appointments::move(const Staff& by, const std::string& id, Instant newStart, const std::string& newStaff,
                               bool isMember) {
  Appointment a = load(id);
  guard_.require(by, Action::BookAppointment, "appointment", id);
  if (a.state != "booked") throw DomainError("already_decided", id + " (" + a.state + ")");
  if (newStart < clock_.now()) throw DomainError("bad_input", "start is past");
  if (!isMember && heldForMembers(newStart)) throw DomainError("held_for_members", formatLocalDateTime(newStart, zone_));
  std::int64_t length = a.end - a.start;
  a.start = newStart;
  a.end = newStart + length;
  if (!newStaff.empty()) {
    for (const auto& s : a.services)
      if (!qualifies(s, newStaff)) throw DomainError("staff_not_qualified", newStaff + ": " + s.name);
    a.staff = newStaff;
  }
  checkFree(a);
  store_.save(a, auditOf(clock_.now(), by.code, "appointment.moved", "appointment", id,
                         formatLocalDateTime(newStart, zone_) + " " + a.staff));
  return a;
}

Appointment Appointments::setState(const Staff& by, const std::string& id, const std::string& state,
                                   const std::string& reason) {
  static const std::vector<std::string> kStates = {"checked_in", "completed", "no_show", "cancelled"};
  if (std::find(kStates.begin(), kStates.end(), state) == kStates.end()) throw DomainError("bad_input", state);
  Appointment a = load(id);
  guard_.require(by, Action::BookAppointment, "appointment", id);
  if (!live(a)) throw DomainError("already_decided", id + " (" + a.state + ")");
  if (state == "no_show" && clock_.now() < a.start) throw DomainError("bad_input", "not started yet");
  a.state = state;
  store_.save(a, auditOf(clock_.now(), by.code, "appointment." + state, "appointment", id, reason));
  return a;
}

Appointment Appointments::checkIn(const Staff& by, const std::string& id, CheckInQueue& queue,
                                  const std::string& method) {
  Appointment a = load(id);
  guard_.require(by, Action::BookAppointment, "appointment", id);
  if (method != "phone" && method != "card" && method != "qr") throw DomainError("bad_input", "method " + method);
  if (a.state == "checked_in") return a;  // a retry: the queue already has it
  if (a.state != "booked") throw DomainError("already_decided", id + " (" + a.state + ")");
  Instant now = clock_.now();
  if (!(localDate(now, zone_) == localDate(a.start, zone_))) throw DomainError("not_today", formatLocalDateTime(a.start, zone_));
  // The queue first: if the second write fails, a retry finds the check-in and adds nothing.
  queue.add({a.id, a.customer, now, method, by.code},
            auditOf(now, by.code, "customer.check_in", "customer", std::to_string(a.customer), "appointment " + a.id));
  a.state = "checked_in";
  store_.save(a, auditOf(now, by.code, "appointment.checked_in", "appointment", id, method));
  return a;
}

std::vector<Appointment> Appointments::day(const CivilDate& date) {
  Instant from = startOfLocalDay(date, zone_);
  auto all = store_.between(from, from + kDay);
  std::sort(all.begin(), all.end(), [](const Appointment& a, const Appointment& b) {
    return a.staff != b.staff ? a.staff < b.staff : a.start < b.start;
  });
  return all;
}

std::vector<Appointment> Appointments::remindersFor(const CivilDate& today) {
  std::vector<Appointment> out;
  for (const Appointment& a : day(civilFromDays(daysFromCivil(today) + 1)))
    if (a.state == "booked") out.push_back(a);
  std::sort(out.begin(), out.end(), [](const Appointment& a, const Appointment& b) { return a.start < b.start; });
  return out;
}

std::vector<Appointment> Appointments::lateArrivals(std::int64_t grace) {
  Instant now = clock_.now();
  std::vector<Appointment> out;
  for (const Appointment& a : store_.between(now - kDay, now))
    if (a.state == "booked" && a.start + grace <= now) out.push_back(a);
  return out;
}

std::vector<Appointment> Appointments::toRebook(const std::string& absentStaff, const CivilDate& date) {
  std::vector<Appointment> out;
  for (const Appointment& a : day(date))
    if (a.staff == absentStaff && a.state == "booked") out.push_back(a);
  return out;
}

}  // namespace salon
