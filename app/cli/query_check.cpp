#include "app/cli/query_check.h"

#include "storage/audit_store.h"
#include "storage/record_keeping_store.h"
#include "storage/settings_store.h"

namespace salon::cli {

QueryPolicy queryPolicy(storage::Database& db) {
  storage::SqliteStoreSettings settings(db);
  return storeQueryPolicy(settings);
}

void checkQueryPurpose(storage::Database& db, const Clock& clock, const Staff& me, CustomerId customer,
                       const std::string& purpose, const std::string& requestId) {
  storage::SqliteRecordKeeping store(db);
  storage::SqliteAuditLog audit(db);
  Guard guard(audit, clock);
  FileAccess(store, guard, clock, queryPolicy(db)).checkPurpose(me, customer, purpose, requestId);
}

}  // namespace salon::cli
