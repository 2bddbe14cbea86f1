#include "storage/staff_store.h"

#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

Staff readStaff(SQLite::Statement& q) {
  Staff s;
  s.code = q.getColumn("code").getString();
  s.name = q.getColumn("name").getString();
  s.role = roleFromName(q.getColumn("role").getString()).value_or(Role::Cashier);
  s.department = q.getColumn("department").getString();
  s.active = q.getColumn("active").getInt() != 0;
  return s;
}

}  // namespace

std::optional<StaffCredentials> SqliteStaffStore::findStaff(const std::string& code) {
  return guarded([&]() -> std::optional<StaffCredentials> {
    SQLite::Statement q(db_.sql(), "SELECT * FROM staff WHERE code = ?");
    q.bind(1, code);
    if (!q.executeStep()) return std::nullopt;
    StaffCredentials c;
    c.staff = readStaff(q);
    c.pinHash = q.getColumn("pin_hash").getString();
    c.failedPins = q.getColumn("failed_pins").getInt();
    c.lockedUntil = q.getColumn("locked_until").getInt64();
    return c;
  });
}

void SqliteStaffStore::recordPinAttempt(const std::string& code, int failedPins, Instant lockedUntil,
                                        const AuditEntry& audit) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement up(db, "UPDATE staff SET failed_pins = ?, locked_until = ? WHERE code = ?");
    SQLite::bind(up, failedPins, lockedUntil, code);
    up.exec();
    appendAudit(db, audit);
  });
}

void SqliteStaffStore::addStaff(const Staff& s, const std::string& pinHash, Instant at,
                                const AuditEntry& audit) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement ins(db, "INSERT INTO staff (code, name, role, department, pin_hash, active, created_at)"
                              " VALUES (?,?,?,?,?,?,?)");
    SQLite::bind(ins, s.code, s.name, roleName(s.role), s.department, pinHash, s.active, at);
    ins.exec();
    appendAudit(db, audit);
  });
}

std::vector<Staff> SqliteStaffStore::listStaff() {
  return guarded([&] {
    std::vector<Staff> out;
    SQLite::Statement q(db_.sql(), "SELECT * FROM staff ORDER BY code");
    while (q.executeStep()) out.push_back(readStaff(q));
    return out;
  });
}

bool SqliteStaffStore::empty() {
  return guarded([&] { return db_.sql().execAndGet("SELECT count(*) FROM staff").getInt() == 0; });
}

}  // namespace salon::storage
