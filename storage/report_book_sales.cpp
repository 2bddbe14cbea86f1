// The sales side of the reports' port: day totals, lines by category and
// service, tenders, discounts and the voids and refunds of a period.
#include <algorithm>

#include "app/core/error.h"
#include "storage/report_book_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

// The sums below read the per-day totals of the report_day_totals migration
// (kept by triggers with every entry), so a year is a few thousand rows.
void addTotals(SQLite::Database& db, const ReportPeriod& p, SalesLedger& l) {
  SQLite::Statement q(db, "SELECT business_day, kind, entries, total, benefits, line_discounts, order_discount"
                          " FROM report_day_sales WHERE business_day BETWEEN ?1 AND ?2"
                          " AND kind IN ('sale','void','refund')");
  SQLite::bind(q, formatDate(p.from), formatDate(p.to));
  while (q.executeStep()) {
    std::string kind = q.getColumn(1).getString();
    std::int64_t n = q.getColumn(2).getInt64();
    (kind == "sale" ? l.sales : kind == "void" ? l.voids : l.refunds) += n;
    l.byDay[q.getColumn(0).getString()] += sql::money(q.getColumn(3));
    l.benefits += sql::money(q.getColumn(4));
    l.lineDiscounts += sql::money(q.getColumn(5));
    l.orderDiscount += sql::money(q.getColumn(6));
  }
}

void addLines(SQLite::Database& db, const ReportPeriod& p, SalesLedger& l) {
  SQLite::Statement q(db, "SELECT category, item_code, MAX(name), line_kind, SUM(net), SUM(qty) FROM report_day_lines"
                          " WHERE business_day BETWEEN ?1 AND ?2 AND sale_kind IN ('sale','void','refund')"
                          " GROUP BY category, item_code, line_kind");
  SQLite::bind(q, formatDate(p.from), formatDate(p.to));
  std::map<std::string, NamedAmount> categories;
  while (q.executeStep()) {
    std::string category = q.getColumn(0).getString();
    Money net = sql::money(q.getColumn(4));
    std::int64_t qty = q.getColumn(5).getInt64();
    auto& c = categories[category];
    c.key = c.name = category;
    c.amount += net;
    c.count += qty;
    if (q.getColumn(3).getString() == "service")
      l.byService.push_back({q.getColumn(1).getString(), q.getColumn(2).getString(), net, qty});
  }
  for (auto& [k, c] : categories) l.byCategory.push_back(c);
  std::stable_sort(l.byService.begin(), l.byService.end(),
                   [](const NamedAmount& a, const NamedAmount& b) { return a.amount.fen > b.amount.fen; });
}

void addTenders(SQLite::Database& db, const ReportPeriod& p, SalesLedger& l) {
  SQLite::Statement q(db, "SELECT type, SUM(amount), SUM(sessions), SUM(points), SUM(entries) FROM report_day_tenders"
                          " WHERE business_day BETWEEN ?1 AND ?2 AND sale_kind IN ('sale','void','refund')"
                          " GROUP BY type ORDER BY type");
  SQLite::bind(q, formatDate(p.from), formatDate(p.to));
  while (q.executeStep()) {
    std::string type = q.getColumn(0).getString();
    std::int64_t count = type == "package" ? q.getColumn(2).getInt64()
                         : type == "points" ? q.getColumn(3).getInt64()
                                            : q.getColumn(4).getInt64();
    l.byTender.push_back({type, type, sql::money(q.getColumn(1)), count});
  }
}

void addReversals(SQLite::Database& db, const ReportPeriod& p, SalesLedger& l) {
  SQLite::Statement q(db, "SELECT id, kind, COALESCE(reverses, ''), business_day, cashier, approved_by, reason,"
                          " completed_at, total FROM sales WHERE business_day BETWEEN ?1 AND ?2"
                          " AND kind IN ('void', 'refund') ORDER BY completed_at, id");
  SQLite::bind(q, formatDate(p.from), formatDate(p.to));
  while (q.executeStep())
    l.reversals.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                           q.getColumn(6).getString(), q.getColumn(7).getInt64(), sql::money(q.getColumn(8))});
}

}  // namespace

SalesLedger SqliteReportBook::salesLedger(const ReportPeriod& p) {
  return guarded([&] {
    SalesLedger l;
    addTotals(db_.sql(), p, l);
    addLines(db_.sql(), p, l);
    addTenders(db_.sql(), p, l);
    addReversals(db_.sql(), p, l);
    return l;
  });
}

std::map<std::string, Money> SqliteReportBook::dailyTotals(const ReportPeriod& p) {
  return guarded([&] {
    std::map<std::string, Money> out;
    SQLite::Statement q(db_.sql(), "SELECT business_day, SUM(total) FROM report_day_sales WHERE business_day"
                                   " BETWEEN ?1 AND ?2 AND kind IN ('sale','void','refund') GROUP BY business_day");
    SQLite::bind(q, formatDate(p.from), formatDate(p.to));
    while (q.executeStep()) out[q.getColumn(0).getString()] = sql::money(q.getColumn(1));
    return out;
  });
}

// The drill-down from a day's bar: that day's entries with their lines' names
// and tender types (through the sales_day index).
std::vector<DaySaleRow> SqliteReportBook::daySales(const CivilDate& day) {
  return guarded([&] {
    std::vector<DaySaleRow> out;
    SQLite::Statement q(db_.sql(),
                        "SELECT s.id, s.kind, s.cashier, s.customer_name, s.reason, s.completed_at, s.total,"
                        " (SELECT group_concat(name, '、') FROM (SELECT l.name FROM sale_lines l"
                        "   WHERE l.sale_id = s.id ORDER BY l.line_no)),"
                        " (SELECT group_concat(type, ',') FROM (SELECT t.type FROM sale_tenders t"
                        "   WHERE t.sale_id = s.id ORDER BY t.seq))"
                        " FROM sales s WHERE s.business_day = ?1 AND s.kind IN ('sale','void','refund')"
                        " ORDER BY s.completed_at, s.id");
    SQLite::bind(q, formatDate(day));
    while (q.executeStep()) {
      DaySaleRow r;
      r.id = q.getColumn(0).getString();
      r.kind = q.getColumn(1).getString();
      r.cashier = q.getColumn(2).getString();
      r.customer = q.getColumn(3).getString();
      r.reason = q.getColumn(4).getString();
      r.at = q.getColumn(5).getInt64();
      r.total = sql::money(q.getColumn(6));
      r.items = q.getColumn(7).isNull() ? "" : q.getColumn(7).getString();
      r.tenders = q.getColumn(8).isNull() ? "" : q.getColumn(8).getString();
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace salon::storage
