#pragma once
// Signing in by PIN, the lock after five wrong PINs, and the permission guard
// every core service calls before a guarded action.
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/clock.h"
#include "app/core/staff.h"

namespace salon {

struct StaffCredentials {
  Staff staff;
  std::string pinHash;
  int failedPins = 0;
  Instant lockedUntil = 0;
};

// Port: implemented by storage.
class StaffStore {
 public:
  virtual ~StaffStore() = default;
  virtual std::optional<StaffCredentials> findStaff(const std::string& code) = 0;
  // Records the outcome of a PIN attempt together with its audit entry.
  virtual void recordPinAttempt(const std::string& code, int failedPins, Instant lockedUntil,
                                const AuditEntry& audit) = 0;
  // Everyone on the staff list, active or not (the sign-in screen's tiles).
  virtual std::vector<Staff> listStaff() = 0;
};

constexpr int kMaxWrongPins = 5;
constexpr std::int64_t kPinLockout = 5 * kMinute;
constexpr std::int64_t kPinLockoutMax = 24 * kHour;
// How long the lock lasts after `failedPins` wrong PINs in a row (a multiple of
// kMaxWrongPins): 5 minutes, doubling with each further lock, at most 24 hours.
std::int64_t pinLockoutAfter(int failedPins);

class StaffAuth {
 public:
  StaffAuth(StaffStore& store, const Clock& clock) : store_(store), clock_(clock) {}
  // The signed-in staff member, or DomainError: unknown_staff, staff_inactive,
  // pin_locked (detail: minutes left), pin_wrong (detail: attempts left).
  // `typedBy`: who typed the PIN when it is not the staff member's own sign-in
  // (a cashier asking a manager's approval); it goes into the audit entry's reason.
  Staff signIn(const std::string& code, const std::string& pin, const std::string& typedBy);
  Staff signIn(const std::string& code, const std::string& pin);

 private:
  StaffStore& store_;
  const Clock& clock_;
};

// Checks a role against the permission table; a refusal is audited and thrown
// as DomainError("permission_denied").
class Guard {
 public:
  Guard(AuditLog& audit, const Clock& clock) : audit_(audit), clock_(clock) {}
  void require(const Staff& who, Action action, const std::string& recordType = "",
               const std::string& recordId = "");
  bool allows(const Staff& who, Action action) const { return who.active && roleMay(who.role, action); }

 private:
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace salon
