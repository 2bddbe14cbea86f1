#pragma once
// Changing staff members after they were added (the settings screen): a new PIN,
// lifting the lock after wrong PINs, deactivating. Each is one transaction with
// its audit entry and outbox message; the PIN arrives already hashed.
#include <string>

#include "app/core/audit.h"
#include "storage/database.h"

namespace salon::storage {

// Also clears the wrong-PIN count and any lock.
void setStaffPin(Database& db, const std::string& code, const std::string& pinHash, const AuditEntry& audit);
void unlockStaffPin(Database& db, const std::string& code, const AuditEntry& audit);
void setStaffActive(Database& db, const std::string& code, bool active, const AuditEntry& audit);

}  // namespace salon::storage
