#include "app/core/membership.h"

#include "app/core/error.h"

namespace salon {

void checkMembershipDecision(const MembershipApplication& a, bool approve, const std::string& decider,
                             const std::string& reason) {
  if (a.status != "pending") throw DomainError("application_decided", a.id);
  if (decider == a.appliedBy) throw DomainError("self_approval", a.id);
  if (!approve && reason.empty()) throw DomainError("reason_required", a.id);
}

}  // namespace salon
