#include "storage/import_verify.h"

namespace salon::storage {

LedgerCheck checkImports(SQLite::Database& db) {
  LedgerCheck c{"imports", true, ""};
  // An opening entry whose import is missing, or an import's totals that are not
  // the sum of its opening entries, or an import without its audit entry.
  SQLite::Statement q(
      db,
      "WITH o AS ("
      "  SELECT sale_id i, SUM(principal_delta) sv, SUM(bonus_delta) b, 0 p, 0 a, 0 s FROM stored_value_ledger"
      "   WHERE kind = 'opening' GROUP BY sale_id"
      "  UNION ALL SELECT sale_id, 0, 0, SUM(delta), 0, 0 FROM points_ledger WHERE kind = 'opening' GROUP BY sale_id"
      "  UNION ALL SELECT sale_id, 0, 0, 0, SUM(delta), 0 FROM arrears_ledger WHERE kind = 'opening' GROUP BY sale_id"
      "  UNION ALL SELECT sale_id, 0, 0, 0, 0, SUM(delta) FROM package_ledger WHERE kind = 'opening' GROUP BY sale_id),"
      " t AS (SELECT i, SUM(sv) sv, SUM(b) b, SUM(p) p, SUM(a) a, SUM(s) s FROM o GROUP BY i)"
      " SELECT 'opening entries of unknown import ' || t.i FROM t WHERE t.i NOT IN (SELECT id FROM member_imports)"
      " UNION ALL SELECT 'import ' || m.id || ': control totals ' || m.stored_value || '/' || m.stored_value_bonus || '/'"
      "  || m.points || '/' || m.arrears || '/' || m.package_sessions || ' != entries ' || COALESCE(t.sv, 0) || '/'"
      "  || COALESCE(t.b, 0) || '/' || COALESCE(t.p, 0) || '/' || COALESCE(t.a, 0) || '/' || COALESCE(t.s, 0)"
      "  FROM member_imports m LEFT JOIN t ON t.i = m.id WHERE m.kind != 'appointments' AND ("
      "  m.stored_value != COALESCE(t.sv, 0) OR m.stored_value_bonus != COALESCE(t.b, 0) OR m.points != COALESCE(t.p, 0)"
      "  OR m.arrears != COALESCE(t.a, 0) OR m.package_sessions != COALESCE(t.s, 0))"
      " UNION ALL SELECT 'import ' || id || ': no audit entry' FROM member_imports WHERE id NOT IN"
      "  (SELECT record_id FROM audit_log WHERE record_type = 'import')"
      " LIMIT 1");
  if (q.executeStep()) {
    c.ok = false;
    c.problem = q.getColumn(0).getString();
  }
  return c;
}

}  // namespace salon::storage
