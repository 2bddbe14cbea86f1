#include "storage/check_in_store.h"

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {

void SqliteCheckInQueue::add(const CheckIn& c, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    // ON CONFLICT(id), not OR IGNORE: OR IGNORE would also swallow CHECK failures.
    SQLite::Statement q(s, "INSERT INTO checkins (id, customer_id, at, method, staff) VALUES (?, ?, ?, ?, ?) "
                           "ON CONFLICT (id) DO NOTHING");
    SQLite::bind(q, c.id, c.customer, c.at, c.method, c.staff);
    if (q.exec() == 0) return;  // the same check-in again: already stored
    appendAudit(s, audit);
    nlohmann::json payload{{"checkin", c.id}, {"customer", c.customer}, {"method", c.method}, {"at", c.at},
                           {"staff", c.staff}};
    appendOutbox(s, {c.id, "customer.checked_in", payload.dump(), c.at});
  });
}

std::vector<QueuedCustomer> SqliteCheckInQueue::between(Instant from, Instant to) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(),
                        "SELECT k.id, k.customer_id, k.at, k.method, k.staff, c.name, c.file_no, "
                        "EXISTS (SELECT 1 FROM sales s WHERE s.customer_id = k.customer_id AND s.kind = 'sale' "
                        "AND s.completed_at >= k.at) "
                        "FROM checkins k JOIN customers c ON c.id = k.customer_id "
                        "WHERE k.at >= ? AND k.at < ? ORDER BY k.at, k.rowid");
    SQLite::bind(q, from, to);
    std::vector<QueuedCustomer> out;
    while (q.executeStep()) {
      QueuedCustomer r;
      r.checkIn = {q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getString(), q.getColumn(4).getString()};
      r.name = q.getColumn(5).getString();
      r.fileNo = q.getColumn(6).getString();
      r.paid = q.getColumn(7).getInt() != 0;
      out.push_back(std::move(r));
    }
    return out;
  });
}

LedgerCheck checkCheckIns(SQLite::Database& db) {
  LedgerCheck c;
  c.name = "check-ins";
  int withoutOutbox = db.execAndGet(
                            "SELECT count(*) FROM checkins k WHERE NOT EXISTS "
                            "(SELECT 1 FROM outbox o WHERE o.id = k.id AND o.type = 'customer.checked_in')")
                          .getInt();
  int rows = db.execAndGet("SELECT count(*) FROM checkins").getInt();
  int audited = db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'customer.check_in'").getInt();
  if (withoutOutbox > 0 || audited != rows) {
    c.ok = false;
    c.problem = std::to_string(rows) + " check-ins, " + std::to_string(audited) + " audited, " +
                std::to_string(withoutOutbox) + " without their outbox message";
  }
  return c;
}

}  // namespace salon::storage
