#include "storage/member_openings.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "app/core/audit.h"
#include "app/core/outbox.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/customer_rows.h"
#include "storage/sql.h"
#include "storage/sync_member_phones.h"

namespace salon::storage {
namespace {

using nlohmann::json;

struct Due {
  std::int64_t customer;
  std::string fileNo;
};

std::vector<Due> dueOpenings(SQLite::Database& db, int limit) {
  SQLite::Statement q(db, std::string("SELECT c.id, c.file_no FROM customers c JOIN memberships s ON s.customer_id = c.id"
                                      " WHERE COALESCE(c.member_no, '') = '' AND NOT EXISTS (SELECT 1 FROM"
                                      " member_openings o WHERE o.customer_id = c.id) AND NOT ") +
                              kWholeAtHeadOffice + " ORDER BY c.id LIMIT ?");
  SQLite::bind(q, limit);
  std::vector<Due> due;
  while (q.executeStep()) due.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  return due;
}

std::int64_t sumOf(SQLite::Database& db, const char* sql, std::int64_t customer) {
  SQLite::Statement q(db, sql);
  SQLite::bind(q, customer);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

// The member's balances as they are, as opening movements.
json openingMovements(SQLite::Database& db, std::int64_t customer, StoreZone zone) {
  json out = json::array();
  SQLite::Statement sv(db, "SELECT COALESCE(sum(principal_delta), 0), COALESCE(sum(bonus_delta), 0)"
                           " FROM stored_value_ledger WHERE customer_id = ?");
  SQLite::bind(sv, customer);
  sv.executeStep();
  if (sv.getColumn(0).getInt64() != 0 || sv.getColumn(1).getInt64() != 0)
    out.push_back({{"kind", "stored_value"}, {"reason", "opening"}, {"principal", sv.getColumn(0).getInt64()},
                   {"bonus", sv.getColumn(1).getInt64()}});
  if (auto points = sumOf(db, "SELECT COALESCE(sum(delta), 0) FROM points_ledger WHERE customer_id = ?", customer))
    out.push_back({{"kind", "points"}, {"reason", "opening"}, {"points", points}});
  SQLite::Statement p(db, "SELECT id, service_code, sessions_left, expires_at FROM customer_packages"
                          " WHERE customer_id = ? AND sessions_left > 0 ORDER BY id");
  SQLite::bind(p, customer);
  while (p.executeStep())
    out.push_back({{"kind", "package"}, {"reason", "opening"}, {"package", p.getColumn(0).getString()},
                   {"service", p.getColumn(1).getString()}, {"sessions", p.getColumn(2).getInt()},
                   {"expires", formatDate(localDate(p.getColumn(3).getInt64(), zone))}});
  if (auto arrears = sumOf(db, "SELECT COALESCE(sum(delta), 0) FROM arrears_ledger WHERE customer_id = ?", customer))
    out.push_back({{"kind", "arrears"}, {"reason", "opening"}, {"arrears", arrears}});
  return out;
}

}  // namespace

int queueMemberOpenings(SQLite::Database& db, Instant now, int limit) {
  std::vector<Due> due = dueOpenings(db, limit);
  if (due.empty()) return 0;
  const StoreZone zone = storeZone(db);
  for (const Due& d : due) {
    const std::string id = newUuid();
    json payload = {{"customer", {{"id", d.customer}, {"member_no", ""}, {"file_no", d.fileNo}}},
                    {"movements", openingMovements(db, d.customer, zone)}};
    appendOutbox(db, {id, "member.opening", payload.dump(), now});
    SQLite::Statement up(db, "INSERT INTO member_openings (customer_id, event_id, at) VALUES (?, ?, ?)");
    SQLite::bind(up, d.customer, id, now);
    up.exec();
  }
  appendAudit(db, auditOf(now, "", "sync.member_openings", "sync", "member_opening",
                          std::to_string(due.size()) + " memberships' opening balances queued for head office"));
  return static_cast<int>(due.size());
}

}  // namespace salon::storage
