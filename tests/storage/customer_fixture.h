#pragma once
// A real SQLite store with the demo salon's settings and staff, the customer
// files service wired to it, and a hand-moved clock.
#include <memory>

#include "app/core/customer_files.h"
#include "app/core/pin.h"
#include "storage/audit_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_store.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"
#include "support/temp_dir.h"

namespace salon::test {

// 2026-03-01 10:00 in Shanghai.
constexpr Instant kMarch2026 = 1772330400000;

struct CustomerFixture {
  TempDir dir;
  std::unique_ptr<storage::Database> db = storage::Database::open(dir.file("salon.db"));
  ManualClock clock{kMarch2026};
  NameKeyMaker keys;
  storage::SqliteAuditLog audit{*db};
  storage::SqliteCustomerFileStore store{*db};
  storage::SqliteCustomerDirectory directory{*db, keys};
  CustomerFiles files{store, directory, audit, clock, keys};
  Staff cashier{"cash", "陈前台", Role::Cashier, "前台", true};
  Staff beautician{"beau", "林美容师", Role::Beautician, "美容部", true};
  Staff supervisor{"sup", "李主管", Role::Supervisor, "客服部", true};
  Staff manager{"mgr", "王店长", Role::Manager, "店务", true};
  Staff finance{"fin", "赵财务", Role::Finance, "财务部", true};

  CustomerFixture() {
    db->write([&](SQLite::Database& s) { storage::writeSetting(s, "store.code", "S01"); });
    storage::SqliteStaffStore staff(*db);
    for (const Staff& s : {cashier, beautician, supervisor, manager, finance})
      staff.addStaff(s, hashPin("1234", PinCost::minimum()), 0, auditOf(0, "", "staff.add", "staff", s.code));
  }

  RegistrationResult add(const std::string& name, const std::string& phone, bool member = false,
                         FieldMap fields = {}) {
    Registration r;
    r.consentGiven = true;
    r.name = name;
    r.phone = phone;
    r.member = member;
    r.fields = std::move(fields);
    return files.registerCustomer(cashier, r);
  }

  std::int64_t count(const std::string& sql) { return db->sql().execAndGet(sql).getInt64(); }
};

inline std::string errorCodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "ok";
}

}  // namespace salon::test
