// TEMPORARY: see demo_customers.h.
#include "app/kiosk/demo_customers.h"

#include <cstdio>

#include "storage/audit_store.h"

namespace salon::kiosk {
namespace {

struct DemoCustomer {
  const char* name;
  const char* phone;
  const char* member;  // "" for a non-member
  const char* birthday;
  const char* status;
};

// Names chosen to need characters ImGui's built-in Chinese ranges lack (陳 玲 …).
constexpr DemoCustomer kDemo[] = {
    {"张三", "13800138000", "M00000001", "1988-03-14", "in_force"},
    {"陳美玲", "13912345678", "M00000002", "1992-07-02", "in_force"},
    {"欧阳娜娜", "13698761234", "M00000003", "1995-11-20", "in_force"},
    {"李小龙", "13511112222", "", "", "pending_review"},
    {"王芳", "13788889999", "M00000004", "1979-01-30", "in_force"},
    {"林嘉欣", "+85291234567", "", "1990-05-05", "in_force"},
    {"赵敏", "13622223333", "", "", "returned"},
    {"Alice Wong", "13455556666", "M00000005", "", "in_force"},
};

void insert(SQLite::Database& s, int seq, const char* name, const char* phone, const char* member,
            const char* birthday, const char* status, Instant at) {
  char fileNo[32];
  std::snprintf(fileNo, sizeof fileNo, "S01-2026-%06d", seq);
  SQLite::Statement q(s,
                      "INSERT INTO customers (file_no, member_no, name, phone, birthday, status, created_at, created_by) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, 'admin')");
  q.bind(1, fileNo);
  if (*member) q.bind(2, member);
  q.bind(3, name);
  q.bind(4, phone);
  if (*birthday) q.bind(5, birthday);
  q.bind(6, status);
  q.bind(7, static_cast<std::int64_t>(at));
  q.exec();
}

}  // namespace

int seedDemoCustomers(storage::Database& db, const Clock& clock) {
  int added = 0;
  Instant now = clock.now();
  db.write([&](SQLite::Database& s) {
    if (SQLite::Statement(s, "SELECT 1 FROM customers LIMIT 1").executeStep()) return;
    for (const DemoCustomer& d : kDemo) {
      ++added;
      insert(s, added, d.name, d.phone, d.member, d.birthday, d.status, now + added);
    }
    storage::appendAudit(s, auditOf(now, "", "customer.seed_demo", "customer", "", "demo salon (temporary)"));
  });
  return added;
}

void seedGeneratedCustomers(storage::Database& db, const Clock& clock, int count) {
  static const char* kFamily[] = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"};
  static const char* kGiven[] = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "洋"};
  Instant now = clock.now();
  db.write([&](SQLite::Database& s) {
    SQLite::Statement c(s, "SELECT count(*) FROM customers");
    c.executeStep();
    const int base = c.getColumn(0).getInt();
    for (int i = 1; i <= count; ++i) {
      std::string name = std::string(kFamily[i % 10]) + kGiven[(i / 10) % 10];
      char phone[16];
      std::snprintf(phone, sizeof phone, "137%08d", base + i);
      insert(s, base + i, name.c_str(), phone, "", "", "in_force", now - i);
    }
  });
}

}  // namespace salon::kiosk
