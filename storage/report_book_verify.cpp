#include "storage/report_book_verify.h"

#include <string>
#include <vector>

namespace salon::storage {
namespace {

// One per-day table and the raw rows it must equal: its key columns, its value
// columns, and a SELECT over the raw rows giving the same columns, grouped.
struct DayTable {
  const char* table;
  std::vector<const char*> keys, values;
  const char* recomputed;
};

const std::vector<DayTable>& dayTables() {
  static const std::vector<DayTable> all = {
      {"report_day_sales",
       {"business_day", "kind"},
       {"entries", "total", "benefits", "line_discounts", "order_discount"},
       "SELECT business_day, kind, COUNT(*) entries, SUM(total) total, SUM(benefits) benefits,"
       " SUM(line_discounts) line_discounts, SUM(order_discount) order_discount FROM sales GROUP BY 1, 2"},
      {"report_day_lines",
       {"business_day", "sale_kind", "category", "item_code", "line_kind"},
       {"name", "net", "qty"},
       "SELECT s.business_day, s.kind sale_kind, l.category, l.item_code, l.kind line_kind, MAX(l.name) name,"
       " SUM(l.net) net, SUM(l.qty) qty FROM sales s JOIN sale_lines l ON l.sale_id = s.id GROUP BY 1, 2, 3, 4, 5"},
      {"report_day_tenders",
       {"business_day", "sale_kind", "type"},
       {"entries", "amount", "sessions", "points"},
       "SELECT s.business_day, s.kind sale_kind, t.type, COUNT(*) entries, SUM(t.amount) amount,"
       " SUM(t.sessions) sessions, SUM(t.points) points FROM sales s JOIN sale_tenders t ON t.sale_id = s.id"
       " GROUP BY 1, 2, 3"},
      {"report_day_staff_services",
       {"business_day", "staff", "item_code", "category"},
       {"net_bp", "units_bp"},
       "SELECT s.business_day, st.staff, l.item_code, l.category, SUM(l.net * st.share_bp) net_bp,"
       " SUM(l.qty * st.share_bp) units_bp FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
       " JOIN sale_line_staff st ON st.sale_id = l.sale_id AND st.line_no = l.line_no"
       " WHERE l.kind = 'service' GROUP BY 1, 2, 3, 4"},
      {"report_day_visits",
       {"business_day", "staff", "customer_id"},
       {"last_at"},
       "SELECT s.business_day, st.staff, s.customer_id, MAX(s.completed_at) last_at FROM sales s"
       " JOIN sale_lines l ON l.sale_id = s.id JOIN sale_line_staff st ON st.sale_id = l.sale_id"
       " AND st.line_no = l.line_no WHERE s.kind = 'sale' AND s.customer_id IS NOT NULL AND l.kind = 'service'"
       " GROUP BY 1, 2, 3"},
  };
  return all;
}

// The report_year_items migration's tables.
const std::vector<DayTable>& yearTables() {
  static const std::vector<DayTable> all = {
      {"report_hour_service_duties",
       {"hour", "staff"},
       {"duties"},
       "SELECT s.completed_at / 3600000 hour, ls.staff, COUNT(*) duties FROM sales s JOIN sale_lines l"
       " ON l.sale_id = s.id JOIN sale_line_staff ls ON ls.sale_id = s.id AND ls.line_no = l.line_no"
       " WHERE s.kind = 'sale' AND l.kind = 'service'"
       " AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = s.id AND v.kind = 'void') GROUP BY 1, 2"},
      {"report_hour_consumption",
       {"hour", "cashier", "delay"},
       {"records"},
       "SELECT c.completed_at / 3600000 hour, s.cashier, c.recorded_at - c.completed_at delay, COUNT(*) records"
       " FROM consumption_records c JOIN sales s ON s.id = c.sale_id WHERE s.kind = 'sale' GROUP BY 1, 2, 3"},
      {"report_customer_firsts",
       {"customer_id"},
       {"first_at", "first_sale_day"},
       "SELECT customer_id, MIN(completed_at) first_at, MIN(CASE WHEN kind = 'sale' THEN business_day END)"
       " first_sale_day FROM sales WHERE customer_id IS NOT NULL GROUP BY 1"},
      {"report_hour_ledgers",
       {"hour", "ledger"},
       {"amount", "bonus"},
       "SELECT at / 3600000 hour, 'stored_value' ledger, SUM(principal_delta) amount, SUM(bonus_delta) bonus"
       " FROM stored_value_ledger GROUP BY 1 UNION ALL SELECT at / 3600000, 'points', SUM(delta), 0"
       " FROM points_ledger GROUP BY 1 UNION ALL SELECT at / 3600000, 'arrears', SUM(delta), 0"
       " FROM arrears_ledger GROUP BY 1"},
      {"report_hour_members",
       {"hour"},
       {"members"},
       "SELECT created_at / 3600000 hour, COUNT(*) members FROM customers c WHERE c.member_no IS NOT NULL"
       " OR c.id IN (SELECT customer_id FROM memberships) GROUP BY 1"},
  };
  return all;
}

// "report_day_sales 2025-01-03/sale: total 100 != sales 90", or "… missing" /
// "… without sales" when a row is on one side only. Two one-sided joins, not a
// FULL OUTER JOIN: SQLite scans a materialized subquery on a full join's right
// side once per row of the left (quadratic on a year of a busy store), while
// these look the table up by its key and the recomputed keys up through IN's index.
std::string mismatchQuery(const DayTable& t) {
  std::string rKey, tKey, on, tKeys, rKeys, differs, detail = "''";
  for (std::size_t i = 0; i < t.keys.size(); ++i) {
    std::string k = t.keys[i], sep = i ? " || '/' || " : "";
    rKey += sep + "r." + k;
    tKey += sep + "t." + k;
    on += (i ? " AND " : "") + std::string("t.") + k + " = r." + k;
    tKeys += (i ? ", " : "") + std::string("t.") + k;
    rKeys += (i ? ", " : "") + k;
  }
  for (const char* v : t.values) {
    std::string c = v;
    differs += " OR t." + c + " IS NOT r." + c;
    detail = "CASE WHEN t." + c + " IS NOT r." + c + " THEN '" + c + " ' || t." + c + " || ' != rows ' || r." + c +
             " ELSE " + detail + " END";
  }
  std::string first = t.keys.front(), name = t.table;
  std::string wrongOrMissing = "SELECT '" + name + " ' || " + rKey + " || ': ' || CASE WHEN t." + first +
                               " IS NULL THEN 'missing' ELSE " + detail + " END FROM (" + t.recomputed + ") r LEFT JOIN " +
                               name + " t ON " + on + " WHERE t." + first + " IS NULL" + differs;
  std::string extra = "SELECT '" + name + " ' || " + tKey + " || ': without sales' FROM " + name + " t WHERE (" + tKeys +
                      ") NOT IN (SELECT " + rKeys + " FROM (" + t.recomputed + "))";
  return "SELECT * FROM (" + wrongOrMissing + ") UNION ALL SELECT * FROM (" + extra + ") LIMIT 1";
}

LedgerCheck checkTables(SQLite::Database& db, const char* name, const std::vector<DayTable>& tables) {
  LedgerCheck c{name, true, ""};
  for (const DayTable& t : tables) {
    SQLite::Statement q(db, mismatchQuery(t));
    if (q.executeStep()) {
      c.ok = false;
      c.problem = q.getColumn(0).getString();
      return c;
    }
  }
  return c;
}

}  // namespace

LedgerCheck checkReportDayTotals(SQLite::Database& db) { return checkTables(db, "report_day_totals", dayTables()); }

LedgerCheck checkReportYearItems(SQLite::Database& db) { return checkTables(db, "report_year_items", yearTables()); }

}  // namespace salon::storage
