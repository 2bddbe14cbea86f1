#include "storage/records_verify.h"

namespace salon::storage {

LedgerCheck checkDisputeCorrections(SQLite::Database& db) {
  LedgerCheck c{"dispute corrections", true, ""};
  SQLite::Statement q(db,
                      "SELECT d.id FROM disputes d WHERE d.state = 'upheld' AND NOT EXISTS ("
                      " SELECT 1 FROM sales s WHERE d.record_type = 'sale' AND s.id = d.correction_ref"
                      "  AND s.reverses = d.record_id AND s.kind IN ('refund', 'void'))"
                      " AND NOT EXISTS (SELECT 1 FROM change_requests r WHERE r.id = d.correction_ref"
                      "  AND r.customer_id = d.customer_id AND r.state = 'approved') LIMIT 1");
  if (q.executeStep()) {
    c.ok = false;
    c.problem = "upheld dispute " + q.getColumn(0).getString() + " points at no correction";
  }
  return c;
}

LedgerCheck checkFileReviews(SQLite::Database& db) {
  LedgerCheck c{"file reviews", true, ""};
  SQLite::Statement q(db,
                      "SELECT c.file_no, c.status, r.decision FROM customers c JOIN file_reviews r ON r.customer_id = c.id"
                      " WHERE r.rowid = (SELECT max(rowid) FROM file_reviews x WHERE x.customer_id = c.id)"
                      " AND c.status <> CASE r.decision WHEN 'approved' THEN 'in_force' WHEN 'returned' THEN 'returned'"
                      " ELSE 'pending_review' END LIMIT 1");
  if (q.executeStep()) {
    c.ok = false;
    c.problem = "file " + q.getColumn(0).getString() + " is " + q.getColumn(1).getString() + " but its last review was " +
                q.getColumn(2).getString();
  }
  return c;
}

}  // namespace salon::storage
