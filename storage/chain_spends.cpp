#include "storage/chain_spends.h"

#include "storage/prepared.h"
#include "storage/sql.h"

namespace salon::storage {

void keepChainSpend(SQLite::Database& db, const Sale& s) {
  if (!s.chain || s.chain->empty() || !s.customer) return;
  const ChainSpend& c = *s.chain;
  Prepared q(db, "INSERT INTO chain_spends (sale_id, customer_id, member_no, mode, principal, bonus, points, worth,"
                 " approved_by, at) SELECT ?, ?, COALESCE(member_no, ''), ?, ?, ?, ?, ?, ?, ? FROM customers WHERE id = ?");
  sql::bind(*q, s.id, *s.customer, c.offline ? "offline" : "hq", c.principal.fen, c.bonus.fen, c.points, c.worth.fen,
            c.offline ? s.approvedBy : std::string(), s.recordedAt, *s.customer);
  q->exec();
}

OfflineSpent SqliteChainSpends::offlineSince(Instant since, const std::string& memberNo) {
  return guarded([&] {
    Prepared q(db_.sql(), "SELECT COALESCE(sum(worth), 0), COALESCE(sum(CASE WHEN member_no = ? THEN worth END), 0)"
                          " FROM chain_spends WHERE mode = 'offline' AND at >= ?");
    sql::bind(*q, memberNo, since);
    q->executeStep();
    return OfflineSpent{Money(q->getColumn(0).getInt64()), Money(q->getColumn(1).getInt64())};
  });
}

// Newest first; a member who paid their arrears back is no longer listed.
std::vector<ChainOverdraw> SqliteChainSpends::owedOverdraws(int limit) {
  return guarded([&] {
    Prepared q(db_.sql(), "SELECT o.sale_id, o.customer_id, o.member_no, COALESCE(c.name, ''), o.arrears, b.arrears, o.at"
                          " FROM chain_overdraws o JOIN member_balances b ON b.customer_id = o.customer_id"
                          " LEFT JOIN customers c ON c.id = o.customer_id"
                          " WHERE b.arrears > 0 AND o.arrears > 0 ORDER BY o.at DESC, o.sale_id LIMIT ?");
    sql::bind(*q, limit);
    std::vector<ChainOverdraw> out;
    while (q->executeStep()) {
      ChainOverdraw o;
      o.saleId = q->getColumn(0).getString();
      o.customer = q->getColumn(1).getInt64();
      o.memberNo = q->getColumn(2).getString();
      o.name = q->getColumn(3).getString();
      o.arrears = Money(q->getColumn(4).getInt64());
      o.owes = Money(q->getColumn(5).getInt64());
      o.at = q->getColumn(6).getInt64();
      out.push_back(std::move(o));
    }
    return out;
  });
}

Money SqliteChainSpends::overdrawn(CustomerId customer) {
  return guarded([&] {
    Prepared q(db_.sql(), "SELECT COALESCE(sum(arrears), 0) FROM chain_overdraws WHERE customer_id = ?");
    sql::bind(*q, customer);
    q->executeStep();
    return Money(q->getColumn(0).getInt64());
  });
}

}  // namespace salon::storage
