#pragma once
// Appending to the audit chain, and checking it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>

#include "app/core/audit.h"
#include "app/core/outbox.h"
#include "storage/database.h"

namespace salon::storage {

// Appends `entry` to the chain inside the caller's transaction; returns it with
// seq, prevHash and hash filled in. Every business action calls this together
// with its own writes.
AuditEntry appendAudit(SQLite::Database& db, AuditEntry entry);

// Writes one outbox row inside the caller's transaction, with the next per-store seq.
void appendOutbox(SQLite::Database& db, const OutboxMessage& message);

// The AuditLog port for entries that stand alone (views, refusals).
class SqliteAuditLog : public AuditLog {
 public:
  explicit SqliteAuditLog(Database& db) : db_(db) {}
  void append(const AuditEntry& entry) override;

 private:
  Database& db_;
};

struct ChainReport {
  bool ok = true;
  std::int64_t entries = 0;
  std::int64_t headSeq = 0;
  std::string headHash;
  std::int64_t firstBrokenSeq = 0;  // the first entry that does not fit (0 if ok)
  std::string problem;              // what is wrong with it
};

ChainReport verifyAuditChain(SQLite::Database& db);

}  // namespace salon::storage
