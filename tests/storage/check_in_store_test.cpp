#include <catch2/catch.hpp>

#include "storage/check_in_store.h"
#include "storage/verify.h"
#include "support/customer_rows.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

int count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }

}  // namespace

TEST_CASE("a check-in is stored once with its audit entry and outbox message, the queue reads a day") {
  test::TempDir dir;
  auto db = Database::open(dir.file("q.db"));
  db->write([](SQLite::Database& s) {
    s.exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '陈前台', 'cashier', 'x', 0)");
    s.exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by) "
           "VALUES (1, 'S01-2026-000001', '张三', '13800138000', 'in_force', 0, 'cash'), "
           "(2, 'S01-2026-000002', '陳美玲', '13912345678', 'in_force', 0, 'cash')");
    salon::test::syncCustomerCounters(s);
  });
  SqliteCheckInQueue queue(*db);
  auto audit = [](Instant at) { return auditOf(at, "cash", "customer.check_in", "customer", "1", "phone"); };
  queue.add({"id-a", 1, 1000, "phone", "cash"}, audit(1000));
  queue.add({"id-a", 1, 1000, "phone", "cash"}, audit(1000));  // a double tap or a retry
  queue.add({"id-b", 2, 500, "card", "cash"}, audit(500));
  queue.add({"id-c", 1, 5000, "qr", "cash"}, audit(5000));
  CHECK(count(*db, "SELECT count(*) FROM checkins") == 3);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'customer.check_in'") == 3);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'customer.checked_in'") == 3);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE id = 'id-a' AND payload LIKE '%\"method\":\"phone\"%'") == 1);

  auto day = queue.between(0, 5000);
  REQUIRE(day.size() == 2);
  CHECK(day[0].checkIn.id == "id-b");  // oldest first
  CHECK(day[0].name == "陳美玲");
  CHECK(day[0].checkIn.method == "card");
  CHECK(day[1].fileNo == "S01-2026-000001");
  CHECK(queue.between(5000, 6000).size() == 1);

  // A check-in must name a real customer and a known way of checking in.
  CHECK_THROWS_AS(queue.add({"id-d", 99, 1, "phone", "cash"}, audit(1)), DomainError);
  CHECK_THROWS_AS(queue.add({"id-e", 1, 1, "fax", "cash"}, audit(1)), DomainError);
  CHECK(count(*db, "SELECT count(*) FROM checkins") == 3);

  // `verify` agrees; a check-in added by hand (no audit entry, no outbox) is caught.
  VerifyReport ok = verifyDatabase(*db);
  CHECK(ok.ok());
  db->write([](SQLite::Database& s) {
    s.exec("INSERT INTO checkins (id, customer_id, at, method, staff) VALUES ('by-hand', 2, 9, 'phone', 'cash')");
  });
  VerifyReport bad = verifyDatabase(*db);
  CHECK_FALSE(bad.ok());
  bool found = false;
  for (const LedgerCheck& l : bad.ledgers)
    if (l.name == "check-ins" && !l.ok) found = l.problem.find("1 without") != std::string::npos;
  CHECK(found);
}
