// The customers side of the reports' port: visits, first visits, lapsed
// customers, members per tier, top spenders; and what the store owes.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "app/core/error.h"
#include "storage/catalog_store.h"
#include "storage/import_liabilities.h"
#include "storage/report_book_store.h"
#include "storage/sql.h"

namespace salon::storage {

std::vector<CustomerVisit> SqliteReportBook::customerVisits(const CivilDate& from, const CivilDate& to) {
  return guarded([&] {
    std::vector<CustomerVisit> out;
    std::unordered_map<std::string, std::int64_t> days;  // a year has few distinct dates
    SQLite::Statement q(db_.sql(), "SELECT customer_id, business_day FROM sales WHERE business_day BETWEEN ?1 AND ?2"
                                   " AND kind = 'sale' AND customer_id IS NOT NULL");
    SQLite::bind(q, formatDate(from), formatDate(to));
    while (q.executeStep()) {
      std::string d = q.getColumn(1).getString();
      auto it = days.find(d);
      if (it == days.end()) {
        CivilDate c;
        parseDate(d, c);
        it = days.emplace(d, daysFromCivil(c)).first;
      }
      out.push_back({q.getColumn(0).getInt64(), it->second});
    }
    auto order = [](const CustomerVisit& a, const CustomerVisit& b) {
      return a.customer != b.customer ? a.customer < b.customer : a.day < b.day;
    };
    std::sort(out.begin(), out.end(), order);
    out.erase(std::unique(out.begin(), out.end(),
                          [](const CustomerVisit& a, const CustomerVisit& b) {
                            return a.customer == b.customer && a.day == b.day;
                          }),
              out.end());
    return out;
  });
}

std::int64_t SqliteReportBook::newCustomers(const ReportPeriod& p) {
  return guarded([&] {
    // First sale ever in the period: no entry of theirs before its first day.
    SQLite::Statement q(db_.sql(), "SELECT COUNT(*) FROM (SELECT DISTINCT customer_id AS cid FROM sales"
                                   " WHERE business_day BETWEEN ?1 AND ?2 AND kind = 'sale' AND customer_id IS NOT NULL)"
                                   " WHERE NOT EXISTS (SELECT 1 FROM sales e WHERE e.customer_id = cid AND e.completed_at < ?3)");
    SQLite::bind(q, formatDate(p.from), formatDate(p.to), periodStart(p, readZone(db_.sql())));
    q.executeStep();
    return q.getColumn(0).getInt64();
  });
}

std::int64_t SqliteReportBook::lapsedCustomers(const CivilDate& asOf, int days) {
  return guarded([&] {
    StoreZone z = readZone(db_.sql());
    Instant end = startOfLocalDay(asOf, z) + kDay, cut = end - days * kDay;
    SQLite::Statement q(db_.sql(), "SELECT COUNT(*) FROM (SELECT customer_id, MAX(completed_at) AS last FROM sales"
                                   " WHERE customer_id IS NOT NULL AND completed_at < ?1 GROUP BY customer_id)"
                                   " WHERE last < ?2");
    SQLite::bind(q, end, cut);
    q.executeStep();
    return q.getColumn(0).getInt64();
  });
}

std::vector<NamedAmount> SqliteReportBook::membersPerTier() {
  return guarded([&] {
    // A member without a membership row is on the lowest tier (as at checkout).
    std::map<std::string, std::int64_t> counts;
    SQLite::Statement q(db_.sql(), "SELECT COALESCE(m.tier_code, (SELECT code FROM member_tiers ORDER BY rank LIMIT 1), ''),"
                                   " COUNT(*) FROM customers c LEFT JOIN memberships m ON m.customer_id = c.id"
                                   " WHERE c.member_no IS NOT NULL OR m.customer_id IS NOT NULL GROUP BY 1");
    while (q.executeStep()) counts[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    std::vector<NamedAmount> out;
    SQLite::Statement t(db_.sql(), "SELECT code, name FROM member_tiers ORDER BY rank");
    while (t.executeStep()) {
      std::string code = t.getColumn(0).getString();
      out.push_back({code, t.getColumn(1).getString(), Money(), counts[code]});
    }
    return out;
  });
}

std::vector<CustomerSpend> SqliteReportBook::topCustomers(const ReportPeriod& p, int limit) {
  return guarded([&] {
    std::vector<CustomerSpend> out;
    SQLite::Statement q(db_.sql(), "SELECT x.cid, c.file_no, c.name, x.spend, x.visits FROM"
                                   " (SELECT customer_id AS cid, SUM(total) AS spend, SUM(kind = 'sale') AS visits"
                                   " FROM sales WHERE business_day BETWEEN ?1 AND ?2 AND kind IN ('sale','void','refund')"
                                   " AND customer_id IS NOT NULL GROUP BY customer_id ORDER BY spend DESC, cid LIMIT ?3) x"
                                   " JOIN customers c ON c.id = x.cid ORDER BY x.spend DESC, x.cid");
    SQLite::bind(q, formatDate(p.from), formatDate(p.to), limit);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     sql::money(q.getColumn(3)), q.getColumn(4).getInt()});
    return out;
  });
}

LiabilitiesFigures SqliteReportBook::liabilitiesBefore(Instant before) {
  Liabilities l = liabilitiesAt(db_.sql(), before);
  return {l.svPrincipal, l.svBonus, l.packageValue, l.arrears, l.points, l.packageSessions, l.members};
}

StoreZone SqliteReportBook::zone() {
  return guarded([&] { return readZone(db_.sql()); });
}

}  // namespace salon::storage
