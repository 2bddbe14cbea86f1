#include "app/core/staff_auth.h"

#include "app/core/error.h"
#include "app/core/pin.h"

namespace salon {
namespace {

std::string typedByNote(const std::string& typedBy) { return typedBy.empty() ? "" : "typed by " + typedBy; }

}  // namespace

Staff StaffAuth::signIn(const std::string& code, const std::string& pin) { return signIn(code, pin, ""); }

Staff StaffAuth::signIn(const std::string& code, const std::string& pin, const std::string& typedBy) {
  auto cred = store_.findStaff(code);
  if (!cred) throw DomainError("unknown_staff", code);
  if (!cred->staff.active) throw DomainError("staff_inactive", code);
  Instant now = clock_.now();
  if (cred->lockedUntil > now) {
    std::int64_t minutes = (cred->lockedUntil - now + kMinute - 1) / kMinute;
    throw DomainError("pin_locked", code + " (" + std::to_string(minutes) + " min)");
  }
  if (pinMatches(cred->pinHash, pin)) {
    store_.recordPinAttempt(code, 0, 0, auditOf(now, code, "staff.sign_in", "staff", code, typedByNote(typedBy)));
    return cred->staff;
  }
  // Wrong PINs are counted until the next right one: every fifth locks, and each
  // lock in a row lasts twice as long as the one before (5 min, 10, 20 ... 24 h).
  int failed = cred->failedPins + 1;
  Instant lockedUntil = 0;
  AuditEntry entry = auditOf(now, code, "staff.pin_wrong", "staff", code, typedByNote(typedBy));
  entry.outcome = "refused";
  if (failed % kMaxWrongPins == 0) {
    lockedUntil = now + pinLockoutAfter(failed);
    entry.action = "staff.pin_locked";
  }
  store_.recordPinAttempt(code, failed, lockedUntil, entry);
  if (lockedUntil) {
    std::int64_t minutes = (lockedUntil - now) / kMinute;
    throw DomainError("pin_locked", code + " (" + std::to_string(minutes) + " min)");
  }
  throw DomainError("pin_wrong", code + " (" + std::to_string(kMaxWrongPins - failed % kMaxWrongPins) + " left)");
}

std::int64_t pinLockoutAfter(int failedPins) {
  int locks = failedPins / kMaxWrongPins;
  std::int64_t d = kPinLockout;
  for (int i = 1; i < locks && d < kPinLockoutMax; ++i) d *= 2;
  return d < kPinLockoutMax ? d : kPinLockoutMax;
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
