#pragma once
// Core's SalonEvents port (沙龙活动) on one connection; `attendEvent` is the one
// write both the CLI's `care event attend` and the counter's 到场 go through.
#include <string>
#include <vector>

#include "app/core/salon_events.h"
#include "storage/database.h"

namespace salon::storage {

// In its own transaction: the attendance row and the file's events_attended
// line, the audit entry `event.attended` and the outbox event. False when the
// customer's attendance was recorded before (nothing written).
bool attendEvent(Database& db, const SalonEvent& e, CustomerId customer, const std::string& by, Instant now,
                 StoreZone zone);

class SqliteSalonEvents : public SalonEvents {
 public:
  explicit SqliteSalonEvents(Database& db) : db_(db) {}
  std::vector<SalonEvent> startingBetween(Instant from, Instant to) override;
  std::optional<SalonEvent> event(const std::string& id) override;
  std::vector<CareCandidate> toInvite(const SalonEvent& e, int limit) override;
  std::vector<CustomerId> invited(const std::string& eventId) override;
  std::vector<CustomerId> attendees(const std::string& eventId) override;
  bool attend(const SalonEvent& e, CustomerId customer, const std::string& by, Instant now, StoreZone zone) override {
    return attendEvent(db_, e, customer, by, now, zone);
  }

 private:
  Database& db_;
};

}  // namespace salon::storage
