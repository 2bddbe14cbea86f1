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

}  // namespace salon::storage
