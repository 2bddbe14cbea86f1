#pragma once
// The appointment book at the counter reads more than the appointments
// (AppointmentStore): whose names and pets go on the blocks, who works on a day,
// the opening hours and the members' holds, the customer being booked and their
// pets. Storage implements this port; the day book is redrawn on every tap, so
// its reads are kept cheap there (statements prepared once per connection).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/appointment.h"
#include "app/core/audit.h"
#include "app/core/boarding.h"
#include "app/core/catalog.h"
#include "app/core/customer.h"
#include "app/core/day_view.h"
#include "app/core/staff.h"

namespace salon {

// The store settings the book follows, read together.
struct BookSettings {
  DayHours hours;                          // appointments.open / appointments.close
  std::string priorityHolds;               // appointments.priority_holds (parsePriorityHolds)
  std::vector<std::string> priorityTiers;  // appointments.priority_tiers: "" = every member
};

// Who is on the phone list for a customer.
struct CustomerContact {
  std::string name;
  std::string phone;
  bool marketing = false;  // opted in to marketing messages
};

struct PetChoice {
  std::int64_t id = 0;
  std::string name;
};

class DayBook {
 public:
  virtual ~DayBook() = default;
  virtual BookedDay day(Instant from, Instant to) = 0;
  virtual BookSettings settings() = 0;
  // Every staff member (active or not), and every service item (active or not).
  virtual std::vector<Staff> staffList() = 0;
  virtual std::vector<CatalogItem> services() = 0;
  virtual std::vector<std::string> absentOn(const CivilDate& day) = 0;
  // {} when the customer is unknown.
  virtual CustomerContact contact(CustomerId customer) = 0;
  virtual std::unordered_map<CustomerId, std::string> customerNames(const std::vector<CustomerId>& ids) = 0;
  // A phone number, file number or member number; DomainError customer_not_found
  // or customer_ambiguous.
  virtual CustomerSummary findCustomer(const std::string& ref) = 0;
  // Whether the customer holds a member number and (with `tiers`) a membership
  // in one of them: the members priority booking is for.
  virtual bool priorityBooking(CustomerId customer, const std::vector<std::string>& tiers) = 0;
  virtual std::vector<PetChoice> pets(CustomerId customer) = 0;  // by id
  virtual std::vector<Vaccination> vaccinations(std::int64_t pet) = 0;
  // A staff member is off on `day` (their appointments go on the rebooking
  // list): the absence, its audit entry and outbox row in one transaction; once
  // a day (a second call records nothing new but its audit entry).
  virtual void recordAbsence(const std::string& staff, const CivilDate& day, const std::string& reason,
                             const AuditEntry& audit) = 0;
};

// "HH:MM" → minutes after midnight; `fallback` when unset or unreadable.
int clockMinutes(const std::optional<std::string>& text, int fallback);
// Who the day book shows a column for: active beauticians and whoever an active
// service names as qualified, each marked absent when off that day.
std::vector<RosterEntry> rosterOf(const std::vector<Staff>& staff, const std::vector<CatalogItem>& services,
                                  const std::vector<std::string>& absent);

}  // namespace salon
