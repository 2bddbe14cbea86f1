// The customers side of the reports' port: visits, first visits, lapsed
// customers, members per tier, top spenders; and what the store owes.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "app/core/cart.h"
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
    // First entry ever in the period and a sale in it, from each customer's first
    // entry and first sale (report_customer_firsts): a first sale inside the period
    // is one; a first sale on an earlier business day but after the period began
    // (a day kept open past midnight) needs a sale of the period looked up.
    SQLite::Statement q(db_.sql(), "SELECT (SELECT COUNT(*) FROM report_customer_firsts"
                                   " WHERE first_sale_day BETWEEN ?1 AND ?2 AND first_at >= ?3)"
                                   " + (SELECT COUNT(*) FROM report_customer_firsts f WHERE f.first_sale_day < ?1"
                                   " AND f.first_at >= ?3 AND EXISTS (SELECT 1 FROM sales s WHERE"
                                   " s.customer_id = f.customer_id AND s.kind = 'sale' AND s.business_day BETWEEN ?1 AND ?2))");
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
    // A member without a membership row is on the lowest tier (as at checkout):
    // every member (report_hour_members) less those with a membership row.
    std::map<std::string, std::int64_t> counts;
    std::int64_t withRow = 0;
    SQLite::Statement q(db_.sql(), "SELECT tier_code, COUNT(*) FROM memberships GROUP BY tier_code");
    while (q.executeStep()) {
      counts[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
      withRow += q.getColumn(1).getInt64();
    }
    std::int64_t members = db_.sql().execAndGet("SELECT COALESCE(SUM(members), 0) FROM report_hour_members").getInt64();
    std::vector<NamedAmount> out;
    SQLite::Statement t(db_.sql(), "SELECT code, name FROM member_tiers ORDER BY rank");
    while (t.executeStep()) {
      std::string code = t.getColumn(0).getString();
      out.push_back({code, t.getColumn(1).getString(), Money(), counts[code] + (out.empty() ? members - withRow : 0)});
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

namespace {

// Sums of one query's two columns over [from, to) of an instant column.
std::pair<std::int64_t, std::int64_t> rawSum(SQLite::Database& db, const std::string& sql, Instant from, Instant to) {
  SQLite::Statement q(db, sql);
  SQLite::bind(q, from, to);
  q.executeStep();
  return {q.getColumn(0).getInt64(), q.getColumnCount() > 1 ? q.getColumn(1).getInt64() : 0};
}

}  // namespace

// As storage::liabilitiesAt: the ledgers and members of the whole hours before
// `before` from the per-hour sums (migration report_year_items), those of its own
// hour from the raw rows; package values per package from the raw rows.
LiabilitiesFigures SqliteReportBook::liabilitiesBefore(Instant before) {
  return guarded([&] {
    SQLite::Database& db = db_.sql();
    std::int64_t hour = before >= 0 ? before / kHour : -((-before + kHour - 1) / kHour);
    Instant cut = hour * kHour;
    LiabilitiesFigures f;
    SQLite::Statement h(db, "SELECT ledger, SUM(amount), SUM(bonus) FROM report_hour_ledgers WHERE hour < ? GROUP BY ledger");
    h.bind(1, hour);
    while (h.executeStep()) {
      std::string ledger = h.getColumn(0).getString();
      std::int64_t amount = h.getColumn(1).getInt64();
      if (ledger == "stored_value") {
        f.svPrincipal += Money(amount);
        f.svBonus += Money(h.getColumn(2).getInt64());
      }
      if (ledger == "points") f.points += amount;
      if (ledger == "arrears") f.arrears += Money(amount);
    }
    auto sv = rawSum(db, "SELECT COALESCE(SUM(principal_delta), 0), COALESCE(SUM(bonus_delta), 0)"
                         " FROM stored_value_ledger WHERE at >= ? AND at < ?", cut, before);
    f.svPrincipal += Money(sv.first);
    f.svBonus += Money(sv.second);
    f.points += rawSum(db, "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE at >= ? AND at < ?", cut, before).first;
    f.arrears += Money(rawSum(db, "SELECT COALESCE(SUM(delta), 0) FROM arrears_ledger WHERE at >= ? AND at < ?", cut,
                              before).first);
    SQLite::Statement m(db, "SELECT COALESCE(SUM(members), 0) FROM report_hour_members WHERE hour < ?");
    m.bind(1, hour);
    m.executeStep();
    f.members = m.getColumn(0).getInt64() +
                rawSum(db, "SELECT COUNT(*) FROM customers c WHERE c.created_at >= ? AND c.created_at < ?"
                           " AND (c.member_no IS NOT NULL OR c.id IN (SELECT customer_id FROM memberships))", cut, before).first;
    // Package sessions left and their value, per package (as liabilitiesAt).
    SQLite::Statement pk(db, "SELECT p.paid, p.sessions_total, SUM(l.delta) FROM customer_packages p"
                             " JOIN package_ledger l ON l.package_id = p.id WHERE l.at < ? GROUP BY p.id");
    pk.bind(1, static_cast<std::int64_t>(before));
    while (pk.executeStep()) {
      std::int64_t paid = pk.getColumn(0).getInt64(), total = pk.getColumn(1).getInt64(), left = pk.getColumn(2).getInt64();
      f.packageSessions += left;
      if (total > 0) f.packageValue += Money(mulDiv(paid, left, total));
    }
    return f;
  });
}

StoreZone SqliteReportBook::zone() {
  return guarded([&] { return readZone(db_.sql()); });
}

}  // namespace salon::storage
