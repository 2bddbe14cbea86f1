#include "storage/checkout_verify.h"

namespace salon::storage {
namespace {

// Runs `sql`, which selects a description of the first wrong row (or nothing).
LedgerCheck firstProblem(SQLite::Database& db, const std::string& name, const std::string& sql) {
  LedgerCheck c{name, true, ""};
  SQLite::Statement q(db, sql);
  if (q.executeStep()) {
    c.ok = false;
    c.problem = q.getColumn(0).getString();
  }
  return c;
}

}  // namespace

LedgerCheck checkPointsLedger(SQLite::Database& db) {
  return firstProblem(db, "points",
                      "SELECT 'customer ' || b.customer_id || ': balance ' || b.points || ' != ledger ' || COALESCE(l.s, 0)"
                      " FROM member_balances b LEFT JOIN (SELECT customer_id, SUM(delta) s FROM points_ledger GROUP BY customer_id) l"
                      " ON l.customer_id = b.customer_id WHERE b.points != COALESCE(l.s, 0)"
                      " UNION ALL SELECT 'customer ' || customer_id || ': ledger without balance' FROM points_ledger"
                      " WHERE customer_id NOT IN (SELECT customer_id FROM member_balances) LIMIT 1");
}

LedgerCheck checkStoredValueLedger(SQLite::Database& db) {
  return firstProblem(db, "stored_value",
                      "SELECT 'customer ' || b.customer_id || ': principal ' || b.sv_principal || '/' || COALESCE(l.p, 0) ||"
                      " ', bonus ' || b.sv_bonus || '/' || COALESCE(l.b, 0)"
                      " FROM member_balances b LEFT JOIN (SELECT customer_id, SUM(principal_delta) p, SUM(bonus_delta) b"
                      " FROM stored_value_ledger GROUP BY customer_id) l ON l.customer_id = b.customer_id"
                      " WHERE b.sv_principal != COALESCE(l.p, 0) OR b.sv_bonus != COALESCE(l.b, 0)"
                      " UNION ALL SELECT 'customer ' || customer_id || ': ledger without balance' FROM stored_value_ledger"
                      " WHERE customer_id NOT IN (SELECT customer_id FROM member_balances) LIMIT 1");
}

LedgerCheck checkPackageLedger(SQLite::Database& db) {
  return firstProblem(db, "packages",
                      "SELECT 'package ' || p.id || ': sessions left ' || p.sessions_left || ' != ledger ' || COALESCE(l.s, 0)"
                      " FROM customer_packages p LEFT JOIN (SELECT package_id, SUM(delta) s FROM package_ledger GROUP BY package_id) l"
                      " ON l.package_id = p.id WHERE p.sessions_left != COALESCE(l.s, 0) LIMIT 1");
}

LedgerCheck checkStockLedger(SQLite::Database& db) {
  return firstProblem(db, "stock",
                      "SELECT 'item ' || s.item_code || ': stock ' || s.qty || ' != ledger ' || COALESCE(l.s, 0)"
                      " FROM stock_levels s LEFT JOIN (SELECT item_code, SUM(delta) s FROM stock_ledger GROUP BY item_code) l"
                      " ON l.item_code = s.item_code WHERE s.qty != COALESCE(l.s, 0)"
                      " UNION ALL SELECT 'item ' || item_code || ': ledger without level' FROM stock_ledger"
                      " WHERE item_code NOT IN (SELECT item_code FROM stock_levels) LIMIT 1");
}

LedgerCheck checkArrearsLedger(SQLite::Database& db) {
  return firstProblem(db, "arrears",
                      "SELECT 'customer ' || b.customer_id || ': arrears ' || b.arrears || ' != ledger ' || COALESCE(l.s, 0)"
                      " FROM member_balances b LEFT JOIN (SELECT customer_id, SUM(delta) s FROM arrears_ledger GROUP BY customer_id) l"
                      " ON l.customer_id = b.customer_id WHERE b.arrears != COALESCE(l.s, 0) LIMIT 1");
}

// Every entry's lines and tenders add up to its total, and it has its consumption
// record, audit entry and outbox row; no line or tender without its sale. Opening
// balances point at their import instead (checkImports).
LedgerCheck checkSales(SQLite::Database& db) {
  return firstProblem(
      db, "sales",
      "SELECT 'sale ' || s.id || ': lines ' || COALESCE(l.n, 0) || ' != total ' || s.total FROM sales s"
      " LEFT JOIN (SELECT sale_id, SUM(net) n FROM sale_lines GROUP BY sale_id) l ON l.sale_id = s.id"
      " WHERE s.kind != 'arrears_settlement' AND COALESCE(l.n, 0) != s.total"
      " UNION ALL SELECT 'sale ' || s.id || ': tenders ' || COALESCE(t.n, 0) || ' != total ' || s.total FROM sales s"
      " LEFT JOIN (SELECT sale_id, SUM(amount) n FROM sale_tenders GROUP BY sale_id) t ON t.sale_id = s.id"
      " WHERE COALESCE(t.n, 0) != s.total"
      " UNION ALL SELECT 'sale ' || id || ': no consumption record' FROM sales WHERE id NOT IN (SELECT sale_id FROM consumption_records)"
      " UNION ALL SELECT 'sale ' || id || ': no outbox row' FROM sales WHERE id NOT IN (SELECT id FROM outbox)"
      " UNION ALL SELECT 'sale ' || id || ': no audit entry' FROM sales WHERE id NOT IN"
      " (SELECT record_id FROM audit_log WHERE record_type = 'sale')"
      " UNION ALL SELECT 'line of missing sale ' || sale_id FROM sale_lines WHERE sale_id NOT IN (SELECT id FROM sales)"
      " UNION ALL SELECT 'tender of missing sale ' || sale_id FROM sale_tenders WHERE sale_id NOT IN (SELECT id FROM sales)"
      " UNION ALL SELECT 'movement of missing sale ' || sale_id FROM points_ledger WHERE sale_id IS NOT NULL AND kind != 'opening' AND sale_id NOT IN (SELECT id FROM sales)"
      " UNION ALL SELECT 'movement of missing sale ' || sale_id FROM stored_value_ledger WHERE kind != 'opening' AND sale_id NOT IN (SELECT id FROM sales)"
      " UNION ALL SELECT 'movement of missing sale ' || sale_id FROM package_ledger WHERE kind != 'opening' AND sale_id NOT IN (SELECT id FROM sales)"
      " UNION ALL SELECT 'movement of missing sale ' || sale_id FROM arrears_ledger WHERE kind != 'opening' AND sale_id NOT IN (SELECT id FROM sales)"
      " UNION ALL SELECT 'movement of missing sale ' || sale_id FROM stock_ledger WHERE sale_id IS NOT NULL AND sale_id NOT IN (SELECT id FROM sales)"
      " LIMIT 1");
}

// The per-day staff totals the reports read equal the per-sale rows.
LedgerCheck checkStaffTotals(SQLite::Database& db) {
  return firstProblem(db, "staff_totals",
                      "SELECT 'staff ' || COALESCE(t.staff, p.staff) || ' on ' || COALESCE(t.business_day, p.business_day) ||"
                      " ': totals do not match the sales'"
                      " FROM (SELECT business_day, staff, SUM(performance) pf, SUM(service) sv FROM staff_performance"
                      " GROUP BY business_day, staff) p FULL OUTER JOIN staff_day_totals t"
                      " ON t.business_day = p.business_day AND t.staff = p.staff"
                      " WHERE t.staff IS NULL OR p.staff IS NULL OR t.performance != p.pf OR t.service != p.sv LIMIT 1");
}

}  // namespace salon::storage
