#pragma once
// Changing staff members after they were added (the settings screen): a new PIN,
// lifting the lock after wrong PINs, a new role, deactivating. Each is one transaction with
// its audit entry and outbox message; the PIN arrives already hashed.
#include <string>

#include "app/core/audit.h"
#include "app/core/staff_roster.h"
#include "storage/database.h"
#include "storage/staff_store.h"

namespace salon::storage {

// Also clears the wrong-PIN count and any lock.
void setStaffPin(Database& db, const std::string& code, const std::string& pinHash, const AuditEntry& audit);
void unlockStaffPin(Database& db, const std::string& code, const AuditEntry& audit);
void setStaffActive(Database& db, const std::string& code, bool active, const AuditEntry& audit);
void setStaffRole(Database& db, const std::string& code, Role role, const AuditEntry& audit);

// Core's StaffRoster port on one connection.
class SqliteStaffRoster : public StaffRoster {
 public:
  explicit SqliteStaffRoster(Database& db) : db_(db), staff_(db) {}
  std::vector<Staff> listStaff() override { return staff_.listStaff(); }
  std::optional<StaffCredentials> findStaff(const std::string& code) override { return staff_.findStaff(code); }
  void addStaff(const Staff& staff, const std::string& pinHash, const AuditEntry& audit) override {
    staff_.addStaff(staff, pinHash, audit.at, audit);
  }
  void setPin(const std::string& code, const std::string& pinHash, const AuditEntry& audit) override {
    setStaffPin(db_, code, pinHash, audit);
  }
  void unlock(const std::string& code, const AuditEntry& audit) override { unlockStaffPin(db_, code, audit); }
  void setActive(const std::string& code, bool active, const AuditEntry& audit) override {
    setStaffActive(db_, code, active, audit);
  }
  void setRole(const std::string& code, Role role, const AuditEntry& audit) override {
    setStaffRole(db_, code, role, audit);
  }

 private:
  Database& db_;
  SqliteStaffStore staff_;
};

}  // namespace salon::storage
