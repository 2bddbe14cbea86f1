#include "storage/demo/demo_salon.h"

#include <cstdlib>
#include <cstring>

#include "app/core/audit.h"
#include "storage/audit_store.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"

namespace salon::demo {

PinCost pinCostFromEnvironment() {
  const char* v = std::getenv("SALON_PIN_COST");
  return v && std::strcmp(v, "min") == 0 ? PinCost::minimum() : PinCost::interactive();
}

namespace {

struct DemoStaff {
  const char* code;
  const char* name;
  Role role;
  const char* department;
  const char* pin;
};

constexpr DemoStaff kDemoStaff[] = {
    {"admin", "系统管理员", Role::Admin, "行政", "9999"},
    {"mgr", "王店长", Role::Manager, "店务", "1234"},
    {"sup", "李主管", Role::Supervisor, "客服部", "2345"},
    {"cash", "陈前台", Role::Cashier, "前台", "3456"},
    {"beau", "林美容师", Role::Beautician, "美容部", "4567"},
    {"fin", "赵财务", Role::Finance, "财务部", "5678"},
};

}  // namespace

bool seedDemoSalon(storage::Database& db, const Clock& clock, PinCost cost) {
  storage::SqliteStaffStore staff(db);
  if (!staff.empty()) return false;
  Instant now = clock.now();
  db.write([&](SQLite::Database& sql) {
    storage::writeSetting(sql, "store.code", "S01");
    storage::writeSetting(sql, "store.name", "悦容美容美发沙龙");
    storage::writeSetting(sql, "store.address", "上海市静安区南京西路1266号");
    storage::writeSetting(sql, "store.phone", "021-62881234");
    storage::writeSetting(sql, "store.zone_offset_minutes", "480");
    storage::writeSetting(sql, "language", "zh-Hans");
    storage::appendAudit(sql, auditOf(now, "", "store.seed_demo", "store", "S01", "demo salon"));
  });
  for (const DemoStaff& d : kDemoStaff) {
    Staff s{d.code, d.name, d.role, d.department, true};
    staff.addStaff(s, hashPin(d.pin, cost), now, auditOf(now, "", "staff.add", "staff", d.code, "demo salon"));
  }
  return true;
}

}  // namespace salon::demo
