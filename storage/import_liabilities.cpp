#include "storage/import_liabilities.h"

#include "app/core/cart.h"
#include "storage/database.h"

namespace salon::storage {

Liabilities liabilitiesAt(SQLite::Database& db, Instant before) {
  return guarded([&] {
    Liabilities l;
    auto t = static_cast<std::int64_t>(before);
    SQLite::Statement sv(db, "SELECT COALESCE(SUM(principal_delta), 0), COALESCE(SUM(bonus_delta), 0)"
                             " FROM stored_value_ledger WHERE at < ?");
    sv.bind(1, t);
    sv.executeStep();
    l.svPrincipal = Money(sv.getColumn(0).getInt64());
    l.svBonus = Money(sv.getColumn(1).getInt64());
    SQLite::Statement pts(db, "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE at < ?");
    pts.bind(1, t);
    pts.executeStep();
    l.points = pts.getColumn(0).getInt64();
    SQLite::Statement arr(db, "SELECT COALESCE(SUM(delta), 0) FROM arrears_ledger WHERE at < ?");
    arr.bind(1, t);
    arr.executeStep();
    l.arrears = Money(arr.getColumn(0).getInt64());
    SQLite::Statement pk(db, "SELECT p.paid, p.sessions_total, SUM(l.delta) FROM customer_packages p"
                             " JOIN package_ledger l ON l.package_id = p.id WHERE l.at < ? GROUP BY p.id");
    pk.bind(1, t);
    while (pk.executeStep()) {
      std::int64_t paid = pk.getColumn(0).getInt64(), total = pk.getColumn(1).getInt64(), left = pk.getColumn(2).getInt64();
      l.packageSessions += left;
      if (total > 0) l.packageValue += Money(mulDiv(paid, left, total));
    }
    SQLite::Statement m(db, "SELECT COUNT(*) FROM customers c WHERE c.created_at < ?1 AND (c.member_no IS NOT NULL"
                            " OR c.id IN (SELECT customer_id FROM memberships))");
    m.bind(1, t);
    m.executeStep();
    l.members = m.getColumn(0).getInt64();
    return l;
  });
}

}  // namespace salon::storage
