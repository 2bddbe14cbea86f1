#include "storage/self_service_store.h"

#include "app/core/error.h"
#include "app/core/staff.h"
#include "storage/audit_store.h"
#include "storage/customer_store.h"
#include "storage/sale_store.h"
#include "storage/sql.h"

namespace salon::storage {

CustomerSummary selfServiceCustomer(Database& db, const std::string& key) {
  return guarded([&] {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + kSummaryColumns +
                                      " FROM customers WHERE file_no = ?1 OR member_no = ?1 LIMIT 1");
    q.bind(1, key);
    if (key.empty() || !q.executeStep()) throw DomainError("customer_not_identified", "");
    return readSummary(q);
  });
}

int selfServiceFailures(Database& db, const std::string& fileNo, Instant since) {
  return guarded([&] {
    SQLite::Statement q(db.sql(), "SELECT count(*) FROM audit_log WHERE action = 'customer.self_identify_failed'"
                                  " AND record_type = 'customer' AND record_id = ? AND at >= ?");
    SQLite::bind(q, fileNo, since);
    q.executeStep();
    return q.getColumn(0).getInt();
  });
}

std::vector<FileView> fileViews(Database& db, const CustomerSummary& c, int limit) {
  return guarded([&] { return fileViews(db.sql(), c, limit); });
}

std::vector<FileView> fileViews(SQLite::Database& db, const CustomerSummary& c, int limit) {
  std::vector<FileView> out;
  // A search lists the files it showed, comma separated.
  SQLite::Statement q(db,
                      "SELECT a.at, COALESCE(s.name, ''), COALESCE(s.role, ''), a.reason, a.action FROM audit_log a"
                      " LEFT JOIN staff s ON s.code = a.staff WHERE a.record_type = 'customer'"
                      " AND a.action IN ('customer.view', 'customer.exported', 'customer.self_view')"
                      " AND (a.record_id = ?1 OR a.record_id = ?2 OR ',' || a.record_id || ',' LIKE '%,' || ?1 || ',%')"
                      " ORDER BY a.seq DESC LIMIT ?3");
  SQLite::bind(q, c.fileNo, std::to_string(c.id), limit);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString()});
  return out;
}

AuditEntry ownViewEntry(const CustomerSummary& c, const std::string& what, const std::string& sections, Instant now) {
  return auditOf(now, "", "customer.self_view", "customer", c.fileNo, what, sections);
}

Statement consumptionStatement(Database& db, const CustomerSummary& c, Instant from, Instant to) {
  return guarded([&] {
    Statement st;
    st.customer = c;
    std::vector<std::string> ids;
    SQLite::Statement q(db.sql(), "SELECT id FROM sales WHERE customer_id = ? AND completed_at >= ? AND completed_at < ?"
                                  " ORDER BY completed_at, recorded_at");
    SQLite::bind(q, c.id, from, to);
    while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
    for (const std::string& id : ids) {
      auto sale = loadSale(db.sql(), id);
      if (!sale) continue;
      StatementEntry e{sale->id, saleKindName(sale->kind), sale->completedAt, {}, {}, sale->totals.total};
      for (const SaleLine& l : sale->lines) e.items.push_back({l.name, l.qty, l.totals.net});
      for (const SaleTender& t : sale->tenders) e.payments.push_back({tenderName(t.type), t.amount});
      st.entries.push_back(std::move(e));
    }
    return st;
  });
}

// A wrong last 4 digits is logged before the refusal: five within the lock
// window lock the file's self-service (core's rule).
CustomerSummary SqliteSelfService::identify(const std::string& key, const std::string& last4, Instant now) {
  CustomerSummary c = selfServiceCustomer(db_, key);
  try {
    checkSelfIdentification(c, last4, selfServiceFailures(db_, c.fileNo, now - kSelfServiceLock));
  } catch (const DomainError& e) {
    if (e.code() == "customer_not_identified")
      SqliteAuditLog(db_).append(auditOf(now, "", "customer.self_identify_failed", "customer", c.fileNo, "kiosk"));
    throw;
  }
  return c;
}

void SqliteSelfService::recordOwnView(const CustomerSummary& c, const std::string& what, const std::string& sections,
                                      Instant now) {
  SqliteAuditLog(db_).append(ownViewEntry(c, what, sections, now));
}

}  // namespace salon::storage
