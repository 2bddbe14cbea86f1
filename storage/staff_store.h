#pragma once
#include <vector>

#include "app/core/staff_auth.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteStaffStore : public StaffStore {
 public:
  explicit SqliteStaffStore(Database& db) : db_(db) {}
  std::optional<StaffCredentials> findStaff(const std::string& code) override;
  void recordPinAttempt(const std::string& code, int failedPins, Instant lockedUntil,
                        const AuditEntry& audit) override;

  // Adds a staff member with an already hashed PIN; audited by `audit`.
  void addStaff(const Staff& staff, const std::string& pinHash, Instant at, const AuditEntry& audit);
  std::vector<Staff> listStaff() override;
  bool empty();

 private:
  Database& db_;
};

}  // namespace salon::storage
