#pragma once
// Becoming a member: the counter records an application; a supervisor approves
// it (the member then holds the entry tier) or returns it with a reason.
#include <string>

#include "app/core/clock.h"
#include "app/core/customer.h"

namespace salon {

struct MembershipApplication {
  std::string id;
  CustomerId customer = 0;
  Instant appliedAt = 0;
  std::string appliedBy;
  std::string status = "pending";  // pending, approved, rejected
  std::string decidedBy;
  Instant decidedAt = 0;
  std::string note;
};

// DomainError: application_decided (not pending), self_approval (the applicant
// may not decide their own application), reason_required (a rejection needs one).
void checkMembershipDecision(const MembershipApplication& a, bool approve, const std::string& decider,
                             const std::string& reason);

}  // namespace salon
