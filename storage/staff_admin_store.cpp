#include "storage/staff_admin_store.h"

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/sync_store.h"

namespace salon::storage {
namespace {

// Runs `sql` (its last parameter is the staff code) with the audit entry and an
// outbox message; an unknown code changes nothing and says so.
template <typename Bind>
void changeStaff(Database& db, const std::string& code, const std::string& sql, Bind bind, const AuditEntry& audit,
                 const std::string& event, bool headOfficeOwnsIt = false) {
  db.write([&](SQLite::Database& s) {
    if (headOfficeOwnsIt) refuseWhenHeadOfficeOwnsKind(s, "staff", code);  // PINs stay the store's
    SQLite::Statement up(s, sql);
    int n = bind(up);
    up.bind(n, code);
    if (up.exec() != 1) throw DomainError("unknown_staff", code);
    appendAudit(s, audit);
    appendOutbox(s, {newUuid(), event, nlohmann::json{{"staff", code}}.dump(), audit.at});
  });
}

}  // namespace

void setStaffPin(Database& db, const std::string& code, const std::string& pinHash, const AuditEntry& audit) {
  changeStaff(db, code, "UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = 0 WHERE code = ?",
              [&](SQLite::Statement& q) { q.bind(1, pinHash); return 2; }, audit, "staff.pin_set");
}

void unlockStaffPin(Database& db, const std::string& code, const AuditEntry& audit) {
  changeStaff(db, code, "UPDATE staff SET failed_pins = 0, locked_until = 0 WHERE code = ?",
              [](SQLite::Statement&) { return 1; }, audit, "staff.unlocked");
}

void setStaffActive(Database& db, const std::string& code, bool active, const AuditEntry& audit) {
  changeStaff(db, code, "UPDATE staff SET active = ? WHERE code = ?",
              [&](SQLite::Statement& q) { q.bind(1, active ? 1 : 0); return 2; }, audit,
              active ? "staff.reactivated" : "staff.deactivated", true);
}

void setStaffRole(Database& db, const std::string& code, Role role, const AuditEntry& audit) {
  changeStaff(db, code, "UPDATE staff SET role = ? WHERE code = ?",
              [&](SQLite::Statement& q) { q.bind(1, roleName(role)); return 2; }, audit, "staff.role_changed", true);
}

}  // namespace salon::storage
