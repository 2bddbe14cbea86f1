#include "storage/demo/demo_showcase.h"

#include "app/core/customer_files.h"
#include "app/core/name_keys.h"
#include "storage/audit_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_store.h"

namespace salon::demo {
namespace {

struct Showcase {
  const char* name;
  const char* phone;
  bool member;
  const char* birthday;
};

// Member numbers follow the order: 张三 is M00000001 (`scan @member:1`).
constexpr Showcase kShowcase[] = {
    {"张三", "13800138000", true, "1988-03-14"},    {"陳美玲", "13912345678", true, "1992-07-02"},
    {"欧阳娜娜", "13698761234", true, "1995-11-20"}, {"李小龙", "13511112222", false, ""},
    {"王芳", "13788889999", true, "1979-01-30"},    {"林嘉欣", "+85291234567", false, "1990-05-05"},
    {"赵敏", "13622223333", false, ""},             {"Alice Wong", "13455556666", true, ""},
};

}  // namespace

int seedShowcaseCustomers(storage::Database& db, const Clock& clock) {
  if (SQLite::Statement(db.sql(), "SELECT 1 FROM customers LIMIT 1").executeStep()) return 0;
  NameKeyMaker keys;
  storage::SqliteCustomerFileStore store(db);
  storage::SqliteCustomerDirectory directory(db, keys);
  storage::SqliteAuditLog audit(db);
  CustomerFiles files(store, directory, audit, clock, keys);
  const Staff frontDesk{"cash", "陈前台", Role::Cashier, "前台", true};
  int added = 0;
  for (const Showcase& s : kShowcase) {
    Registration r;
    r.consentGiven = true;
    r.marketingOptIn = s.member;
    r.name = s.name;
    r.phone = s.phone;
    r.member = s.member;
    if (*s.birthday) r.fields["birthday"] = FieldValue::of(s.birthday);
    files.registerCustomer(frontDesk, r);
    ++added;
  }
  return added;
}

}  // namespace salon::demo
