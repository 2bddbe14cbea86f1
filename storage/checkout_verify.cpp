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

// A balance column that must equal the sum of its ledger's deltas, row by row.
struct LedgerSum {
  const char* what;      // "customer": how the problem names the row
  const char* balances;  // the table of balances, its key and its column
  const char* key;
  const char* column;
  const char* label;     // the column in words: "balance", "stock"
  const char* ledger;    // the ledger, its key and the delta it sums
  const char* ledgerKey;
  const char* delta;
  const char* orphan;    // when set: ledger rows without a balance row are wrong too
};

LedgerCheck sumMatches(SQLite::Database& db, const std::string& name, const LedgerSum& l) {
  std::string what = std::string("'") + l.what + " ' || ";
  std::string sql = "SELECT " + what + "b." + l.key + " || ': " + l.label + " ' || b." + l.column +
                    " || ' != ledger ' || COALESCE(l.s, 0) FROM " + l.balances + " b LEFT JOIN (SELECT " +
                    l.ledgerKey + ", SUM(" + l.delta + ") s FROM " + l.ledger + " GROUP BY " + l.ledgerKey +
                    ") l ON l." + l.ledgerKey + " = b." + l.key + " WHERE b." + l.column + " != COALESCE(l.s, 0)";
  if (l.orphan)
    sql += " UNION ALL SELECT " + what + l.ledgerKey + " || ': ledger without " + l.orphan + "' FROM " + l.ledger +
           " WHERE " + l.ledgerKey + " NOT IN (SELECT " + l.key + " FROM " + l.balances + ")";
  return firstProblem(db, name, sql + " LIMIT 1");
}

}  // namespace

LedgerCheck checkPointsLedger(SQLite::Database& db) {
  return sumMatches(db, "points", {"customer", "member_balances", "customer_id", "points", "balance", "points_ledger",
                                   "customer_id", "delta", "balance"});
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
  return sumMatches(db, "packages", {"package", "customer_packages", "id", "sessions_left", "sessions left",
                                     "package_ledger", "package_id", "delta", nullptr});
}

LedgerCheck checkStockLedger(SQLite::Database& db) {
  return sumMatches(db, "stock", {"item", "stock_levels", "item_code", "qty", "stock", "stock_ledger", "item_code",
                                  "delta", "level"});
}

LedgerCheck checkArrearsLedger(SQLite::Database& db) {
  return sumMatches(db, "arrears", {"customer", "member_balances", "customer_id", "arrears", "arrears",
                                    "arrears_ledger", "customer_id", "delta", nullptr});
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
