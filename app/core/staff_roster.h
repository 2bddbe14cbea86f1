#pragma once
// The staff as the settings screen keeps them: who works here, adding someone
// with a PIN, a new PIN, lifting the lock after wrong PINs, a new role, deactivating. Each
// change is one business action (with its audit entry and outbox row); PINs
// arrive already hashed. Storage implements it (storage/staff_admin_store.h).
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/staff_auth.h"

namespace salon {

class StaffRoster {
 public:
  virtual ~StaffRoster() = default;
  virtual std::vector<Staff> listStaff() = 0;
  virtual std::optional<StaffCredentials> findStaff(const std::string& code) = 0;
  virtual void addStaff(const Staff& staff, const std::string& pinHash, const AuditEntry& audit) = 0;
  // Also clears the wrong-PIN count and any lock.
  virtual void setPin(const std::string& code, const std::string& pinHash, const AuditEntry& audit) = 0;
  virtual void unlock(const std::string& code, const AuditEntry& audit) = 0;
  virtual void setActive(const std::string& code, bool active, const AuditEntry& audit) = 0;
  // The role only (core's checkRoleChange says who may); PIN and lock stay.
  virtual void setRole(const std::string& code, Role role, const AuditEntry& audit) = 0;
};

}  // namespace salon
