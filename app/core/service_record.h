#pragma once
// 服务记录: a service ends when the staff member who performed it taps 服务完成,
// or at the settlement of its sale line if nobody did; its details (item,
// duration, effect notes, the customer's feedback) are then due from that staff
// member within 30 minutes. The kiosk lists what is due with a countdown and
// flags what is overdue.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/customer.h"
#include "app/core/recording_deadline.h"
#include "app/core/staff_auth.h"

namespace salon {

// A 服务完成 tap.
struct ServiceEnding {
  std::string id;  // UUID
  std::optional<CustomerId> customer;
  std::string item;   // catalog code
  std::string staff;  // who performed it
  Instant endedAt = 0;
  std::string endedBy;
};

// A settled service line and one of its staff.
struct SettledService {
  std::string saleId;
  int lineNo = 0;
  std::optional<CustomerId> customer;
  std::string item;
  std::string staff;
  Instant completedAt = 0;
};

struct ServiceDetails {
  std::string serviceId;
  std::optional<CustomerId> customer;
  std::string staff, item;
  Instant endedAt = 0, recordedAt = 0;
  int durationMinutes = 0;
  std::string effect;    // effect notes
  std::string feedback;  // what the customer said
};

// One service whose details are (or were) due.
struct ServiceDuty {
  std::string serviceId;  // the tap's id, or "sale:<sale>:<line>:<staff>" when nobody tapped
  std::optional<CustomerId> customer;
  std::string item;
  bool tapped = false;
  RecordingDeadline deadline;  // staff, department, startedAt = the end of the service, doneAt = details recorded
};

// Pairs each settled service with the tap that ended it (same customer, item and
// staff, tapped at most 12 hours before settlement); an untapped line ends at
// settlement; a tap not yet settled is due on its own. `recorded`: service id →
// when its details were recorded. `departments`: staff code → department.
std::vector<ServiceDuty> serviceDuties(const std::vector<ServiceEnding>& taps,
                                       const std::vector<SettledService>& settled,
                                       const std::map<std::string, Instant>& recorded,
                                       const std::map<std::string, std::string>& departments,
                                       const RecordingRules& rules);

// A row of the "details due" list, ready for a view model.
struct ServiceDueRow {
  std::string serviceId;
  std::optional<CustomerId> customer;
  std::string item, staff;
  Instant endedAt = 0, dueAt = 0;
  std::int64_t remainingMs = 0;  // negative once overdue
  std::string countdown;         // "12:05", "-3:10"
  bool overdue = false;
};

// Details not yet recorded, the most urgent first; `staff` empty = everyone's.
std::vector<ServiceDueRow> serviceDetailsDue(const std::vector<ServiceDuty>& duties, Instant now,
                                             const std::string& staff = "");

// Port: storage keeps the taps and the details (with a visit record in the
// customer's file) and finds the settled service lines.
class ServiceRecordStore {
 public:
  virtual ~ServiceRecordStore() = default;
  virtual void saveEnding(const ServiceEnding& e, const AuditEntry& audit) = 0;
  // Taps, settled service lines and recorded details with an end in [from, to).
  virtual std::vector<ServiceEnding> endings(Instant from, Instant to) = 0;
  virtual std::vector<SettledService> settledServices(Instant from, Instant to) = 0;
  virtual std::map<std::string, Instant> detailsRecorded(Instant from, Instant to) = 0;
  virtual std::map<std::string, std::string> departments() = 0;
  virtual void saveDetails(const ServiceDetails& d, const AuditEntry& audit) = 0;
};

class ServiceRecords {
 public:
  ServiceRecords(ServiceRecordStore& store, Guard& guard, const Clock& clock, RecordingRules rules = {})
      : store_(store), guard_(guard), clock_(clock), rules_(rules) {}

  // 服务完成: `performer` is who did the service (the one tapping, usually).
  ServiceEnding finish(const Staff& by, std::optional<CustomerId> customer, const std::string& item,
                       const std::string& performer);
  // Only the staff member who performed the service records its details.
  ServiceDetails record(const Staff& by, const std::string& serviceId, int durationMinutes, const std::string& effect,
                        const std::string& feedback);
  // The duties whose service ended in the last `window` (default 7 days).
  std::vector<ServiceDuty> duties(std::int64_t window = 7 * kDay);
  std::vector<ServiceDueRow> due(const std::string& staff = "");

 private:
  ServiceRecordStore& store_;
  Guard& guard_;
  const Clock& clock_;
  RecordingRules rules_;
};

}  // namespace salon
