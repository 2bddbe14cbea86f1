#include "storage/audit_store.h"
#include "storage/audit_head.h"
#include "storage/prepared.h"

#include "storage/sql.h"

namespace salon::storage {

AuditEntry appendAudit(SQLite::Database& db, AuditEntry e) {
  Prepared head(db, "SELECT seq, hash FROM audit_head WHERE one = 1");
  if (head->executeStep()) {
    e.seq = head->getColumn(0).getInt64() + 1;
    e.prevHash = head->getColumn(1).getString();
  } else {
    e.seq = 1;
    e.prevHash.clear();
  }
  e.hash = auditHash(e);
  Prepared ins(db,
                        "INSERT INTO audit_log (seq, id, at, staff, action, record_type, record_id, sections,"
                        " reason, outcome, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::bind(*ins, e.seq, e.id, e.at, e.staff, e.action, e.recordType, e.recordId, e.sections, e.reason, e.outcome,
               e.prevHash, e.hash);
  ins->exec();
  Prepared up(db, "INSERT INTO audit_head (one, seq, hash) VALUES (1, ?, ?)"
                           " ON CONFLICT(one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
  SQLite::bind(*up, e.seq, e.hash);
  up->exec();
  return e;
}

void appendOutbox(SQLite::Database& db, const OutboxMessage& m) {
  // The next per-store sequence number, in the same transaction; after a restore
  // from an older backup it continues after what head office holds (seq_floor).
  Prepared ins(db, "INSERT INTO outbox (id, type, payload, at, seq) VALUES (?,?,?,?,"
                   " max(coalesce((SELECT max(seq) FROM outbox), 0),"
                   "     coalesce((SELECT seq_floor FROM sync_state WHERE one = 1), 0)) + 1)");
  SQLite::bind(*ins, m.id, m.type, m.payload, m.at);
  ins->exec();
}

void SqliteAuditLog::append(const AuditEntry& entry) {
  db_.write([&](SQLite::Database& db) { appendAudit(db, entry); });
}

std::optional<ChainHead> readAuditHead(SQLite::Database& db) {
  Prepared head(db, "SELECT seq, hash FROM audit_head WHERE one = 1");
  if (!head->executeStep()) return std::nullopt;
  return ChainHead{head->getColumn(0).getInt64(), head->getColumn(1).getString()};
}

namespace {

AuditEntry readEntry(SQLite::Statement& q) {
  AuditEntry e;
  e.seq = q.getColumn(0).getInt64();
  e.id = q.getColumn(1).getString();
  e.at = q.getColumn(2).getInt64();
  e.staff = q.getColumn(3).getString();
  e.action = q.getColumn(4).getString();
  e.recordType = q.getColumn(5).getString();
  e.recordId = q.getColumn(6).getString();
  e.sections = q.getColumn(7).getString();
  e.reason = q.getColumn(8).getString();
  e.outcome = q.getColumn(9).getString();
  e.prevHash = q.getColumn(10).getString();
  e.hash = q.getColumn(11).getString();
  return e;
}

ChainReport broken(ChainReport r, std::int64_t seq, std::string problem) {
  r.ok = false;
  r.firstBrokenSeq = seq;
  r.problem = std::move(problem);
  return r;
}

}  // namespace

ChainReport verifyAuditChain(SQLite::Database& db) {
  ChainReport r;
  Prepared q(db, "SELECT seq, id, at, staff, action, record_type, record_id, sections, reason,"
                          " outcome, prev_hash, hash FROM audit_log ORDER BY seq");
  std::string prevHash;
  std::int64_t expectSeq = 1;
  while (q->executeStep()) {
    AuditEntry e = readEntry(*q);
    if (e.seq != expectSeq)
      return broken(r, e.seq, "entry " + std::to_string(expectSeq) + " is missing (removed by hand)");
    if (e.prevHash != prevHash)
      return broken(r, e.seq, "does not follow the entry before it (an entry was removed or inserted)");
    if (auditHash(e) != e.hash) return broken(r, e.seq, "its contents do not match its hash (edited by hand)");
    prevHash = e.hash;
    r.entries++;
    r.headSeq = e.seq;
    r.headHash = e.hash;
    expectSeq++;
  }
  const ChainHead stored = readAuditHead(db).value_or(ChainHead{});
  const std::int64_t headSeq = stored.seq;
  const std::string& headHash = stored.hash;
  if (headSeq != r.headSeq || headHash != r.headHash)
    return broken(r, r.headSeq + 1,
                  "the chain ends at " + std::to_string(r.headSeq) + " but its head says " +
                      std::to_string(headSeq) + " (the last entries were removed)");
  return r;
}

}  // namespace salon::storage
