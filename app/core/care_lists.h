#pragma once
// The care lists staff work through at the counter (birthdays, lapsed
// customers, care reminders, follow-ups after a visit), read a page at a time,
// and what the rows show of earlier calls. Storage implements the port; the CLI
// and the kiosk read the same lists.
#include <optional>
#include <string>
#include <vector>

#include "app/core/care.h"

namespace salon {

struct CareListRequest {
  std::string list;      // birthdays | lapsed | reminders
  CivilDate today;
  Instant now = 0;
  StoreZone zone;
  int days = 0;          // birthdays: days ahead (7); lapsed: days unseen; reminders: window (14); 0 = default
  int lapseDays = 90;    // the store's setting, when `days` is 0
  int limit = 200;       // tasks wanted
  CustomerId after = 0;  // continue after this customer (the previous result's `next`)
  int pageSize = 500;    // customers read per query
};

struct CareListResult {
  std::vector<CareTask> tasks;  // not yet done or skipped for the same occasion
  CustomerId next = 0;          // more may follow after this customer; 0 = the list is complete
  std::string season;           // reminders: the season for product suggestions
};

// The ref a task's contact is logged under (the occasion: its due date).
std::string careRef(const CareTask& t);
// The setting care.lapse_days: 90 when unset, at least 1.
int lapseDaysFrom(const std::optional<std::string>& setting);

class CareLists {
 public:
  virtual ~CareLists() = default;
  // DomainError bad_input for an unknown list or a limit below 1.
  virtual CareListResult list(const CareListRequest& request) = 0;
  virtual int lapseDays() = 0;  // the store's setting (lapseDaysFrom)
  // Visit records in [from, to), oldest first, with whether a follow-up was done.
  virtual std::vector<VisitToFollow> visitsBetween(Instant from, Instant to) = 0;
  // Whether a task for this occasion was already done or skipped (it leaves the list).
  virtual bool handled(CustomerId customer, const std::string& kind, const std::string& ref) = 0;
  // The newest outcome logged for an occasion ("" when nobody called yet).
  virtual std::string lastOutcome(const std::string& kind, const std::string& ref) = 0;
};

}  // namespace salon
