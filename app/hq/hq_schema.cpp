#include "app/hq/hq_schema.h"

#include <pqxx/pqxx>

namespace salon::hq {
namespace {

// Any constant will do, as long as nothing else in the database uses it.
constexpr long long kMigrationLock = 0x5a4c4f4e4851;  // "SALONHQ"-ish

}  // namespace

int migrate(pqxx::connection& db) {
  {
    pqxx::work w(db);
    w.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    w.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL,"
           " applied_at timestamptz NOT NULL DEFAULT now())");
    w.commit();
  }
  int applied = 0;
  for (const auto& m : migrations()) {
    pqxx::work w(db);
    // Held to the end of this transaction: a second process waits, then sees the row.
    w.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    if (!w.exec_params("SELECT 1 FROM schema_migrations WHERE version = $1", m.version).empty()) continue;
    w.exec(m.sql);
    w.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name);
    w.commit();
    ++applied;
  }
  return applied;
}

}  // namespace salon::hq
