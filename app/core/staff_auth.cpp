#include "app/core/staff_auth.h"

#include "app/core/error.h"
#include "app/core/pin.h"

namespace salon {

Staff StaffAuth::signIn(const std::string& code, const std::string& pin) {
  auto cred = store_.findStaff(code);
  if (!cred) throw DomainError("unknown_staff", code);
  if (!cred->staff.active) throw DomainError("staff_inactive", code);
  Instant now = clock_.now();
  if (cred->lockedUntil > now) {
    std::int64_t minutes = (cred->lockedUntil - now + kMinute - 1) / kMinute;
    throw DomainError("pin_locked", code + " (" + std::to_string(minutes) + " min)");
  }
  if (pinMatches(cred->pinHash, pin)) {
    store_.recordPinAttempt(code, 0, 0, auditOf(now, code, "staff.sign_in", "staff", code));
    return cred->staff;
  }
  int failed = cred->failedPins + 1;
  Instant lockedUntil = 0;
  AuditEntry entry = auditOf(now, code, "staff.pin_wrong", "staff", code);
  entry.outcome = "refused";
  if (failed >= kMaxWrongPins) {
    lockedUntil = now + kPinLockout;
    failed = 0;
    entry.action = "staff.pin_locked";
  }
  store_.recordPinAttempt(code, failed, lockedUntil, entry);
  if (lockedUntil) throw DomainError("pin_locked", code + " (5 min)");
  throw DomainError("pin_wrong", code + " (" + std::to_string(kMaxWrongPins - failed) + " left)");
}

void Guard::require(const Staff& who, Action action, const std::string& recordType,
                    const std::string& recordId) {
  if (allows(who, action)) return;
  AuditEntry e = auditOf(clock_.now(), who.code, "permission.denied", recordType, recordId,
                         actionName(action));
  e.outcome = "refused";
  audit_.append(e);
  throw DomainError("permission_denied",
                    std::string(actionName(action)) + " (" + who.code + ", " + roleName(who.role) + ")");
}

}  // namespace salon
