#pragma once
// 客户预约管理: appointments booked at the counter or taken by phone, WeChat or the
// web; the end follows from the services' durations; no staff member, room/chair
// or pet is booked twice; members' priority booking holds slots for members until
// a configured time before; reminders the day before, late arrivals, no-shows,
// and rebooking when a staff member is absent.
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/check_in.h"
#include "app/core/customer.h"
#include "app/core/staff_auth.h"

namespace salon {

struct AppointmentService {
  std::string itemCode;
  std::string name;
  int durationMinutes = 0;
  std::vector<std::string> qualifiedStaff;  // empty = anyone
};

struct Appointment {
  std::string id;                // UUID made by the kiosk
  CustomerId customer = 0;
  std::optional<std::int64_t> pet;
  std::vector<AppointmentService> services;
  std::string staff;
  std::string room;              // room or chair, "" when none
  Instant start = 0;
  Instant end = 0;
  std::string channel = "counter";  // counter, phone, wechat, web
  std::string state = "booked";     // booked, checked_in, completed, no_show, cancelled
  std::string bookedBy;
  Instant bookedAt = 0;
  std::string note;
  std::string kind = "in_store";  // in_store, home_visit (上门服务)
  std::string address;            // home visits: where to go
};

// The longest booking (several services back to back): storage looks this far
// back for appointments overlapping a time.
constexpr std::int64_t kMaxAppointmentLength = 12 * kHour;

// Slots held for members (优先预约): a non-member may book a start inside a held
// window only once `releaseBefore` is left before it.
struct PriorityHold {
  int weekday = -1;           // 0 = Monday … 6 = Sunday; -1 = every day
  int fromMinute = 0;         // local minutes after midnight
  int toMinute = 0;
  std::int64_t releaseBefore = 24 * kHour;
};

struct BookingRequest {
  std::string id;  // made by the kiosk before saving (a retry returns the first)
  CustomerId customer = 0;
  bool isMember = false;
  std::optional<std::int64_t> pet;
  std::vector<AppointmentService> services;
  std::string staff;  // "" = any qualified staff member
  std::vector<std::string> staffOnDuty;  // candidates for "any"
  std::string room;
  Instant start = 0;
  std::string channel = "counter";
  std::string note;
  std::string kind = "in_store";
  std::string address;
};

// Reads the store setting "appointments.priority_holds": entries separated by
// ';', each "DAY HH:MM-HH:MM RELEASE" where DAY is mon…sun or * and RELEASE is
// hours before the start ("48h"), e.g. "sat 10:00-12:00 48h; * 18:00-21:00 24h".
// DomainError("setting_invalid") names a bad entry.
std::vector<PriorityHold> parsePriorityHolds(const std::string& text);

// Port: storage keeps appointments; `save` re-checks the conflicts inside its
// transaction so two kiosks cannot take the same slot.
class AppointmentStore {
 public:
  virtual ~AppointmentStore() = default;
  virtual std::optional<Appointment> appointment(const std::string& id) = 0;
  // Live (booked or checked-in) appointments overlapping [start, end) that share
  // the staff member, the room or the pet.
  virtual std::vector<Appointment> clashes(const Appointment& candidate) = 0;
  virtual std::vector<Appointment> between(Instant from, Instant to) = 0;
  virtual void save(const Appointment& a, const AuditEntry& audit) = 0;
  virtual int noShows(CustomerId customer) = 0;
};

class Appointments {
 public:
  Appointments(AppointmentStore& store, Guard& guard, const Clock& clock, StoreZone zone = {},
               std::vector<PriorityHold> holds = {})
      : store_(store), guard_(guard), clock_(clock), zone_(zone), holds_(std::move(holds)) {}

  Appointment book(const Staff& by, const BookingRequest& request);
  // A move is a new booking of the same services: the conflicts and, for a
  // customer without priority booking (`isMember` false), the members' holds.
  Appointment move(const Staff& by, const std::string& id, Instant newStart, const std::string& newStaff,
                   bool isMember);
  Appointment setState(const Staff& by, const std::string& id, const std::string& state, const std::string& reason);
  // Tap to check in: the customer joins today's queue (the check-in's id is the
  // appointment's, so a retry adds nothing), then the appointment is checked in.
  Appointment checkIn(const Staff& by, const std::string& id, CheckInQueue& queue, const std::string& method);

  // The day's appointments, by staff then start.
  std::vector<Appointment> day(const CivilDate& date);
  // Tomorrow's booked appointments: the reminder list.
  std::vector<Appointment> remindersFor(const CivilDate& today);
  // Booked, not checked in, `grace` after the start: call them.
  std::vector<Appointment> lateArrivals(std::int64_t grace);
  // A staff member's live appointments on a day they are absent: to rebook.
  std::vector<Appointment> toRebook(const std::string& absentStaff, const CivilDate& date);

  bool heldForMembers(Instant start) const;

 private:
  Appointment load(const std::string& id);
  void checkFree(const Appointment& a);
  std::string pickStaff(const BookingRequest& r, Appointment candidate);
  AppointmentStore& store_;
  Guard& guard_;
  const Clock& clock_;
  StoreZone zone_;
  std::vector<PriorityHold> holds_;
};

bool overlaps(const Appointment& a, const Appointment& b);
bool qualifies(const AppointmentService& s, const std::string& staff);
// Booked or checked in: the appointment takes its time (no-shows and cancelled do not).
bool isLive(const Appointment& a);
// Whether a start inside one of `holds` is still kept for members at `now`.
bool heldForMembers(const std::vector<PriorityHold>& holds, StoreZone zone, Instant start, Instant now);

}  // namespace salon
