#pragma once
// 沙龙活动 at the counter: the events coming up, whom to invite (opted in to
// marketing, interested in the topic, not invited yet), who was invited and who
// came. Storage implements the port; the CLI's `care event` and the
// appointments screen's 活动 list read and write the same rows.
#include <optional>
#include <string>
#include <vector>

#include "app/core/care.h"

namespace salon {

class SalonEvents {
 public:
  virtual ~SalonEvents() = default;
  // Events starting in [from, to), soonest first.
  virtual std::vector<SalonEvent> startingBetween(Instant from, Instant to) = 0;
  virtual std::optional<SalonEvent> event(const std::string& id) = 0;
  // Whom to invite, at most `limit` (eventInvitees over the opted-in files).
  virtual std::vector<CareCandidate> toInvite(const SalonEvent& e, int limit) = 0;
  // Customers an invitation was logged for (any outcome), and those who came.
  virtual std::vector<CustomerId> invited(const std::string& eventId) = 0;
  virtual std::vector<CustomerId> attendees(const std::string& eventId) = 0;
  // Records that the customer came, once, with its audit entry, the file's
  // 活动参与 line and its outbox event in one transaction; false when recorded before.
  virtual bool attend(const SalonEvent& e, CustomerId customer, const std::string& by, Instant now,
                      StoreZone zone) = 0;
};

}  // namespace salon
