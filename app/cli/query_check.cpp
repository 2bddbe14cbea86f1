#include "app/cli/query_check.h"

#include <sstream>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/record_keeping_store.h"
#include "storage/settings_store.h"

namespace salon::cli {

QueryPolicy queryPolicy(storage::Database& db) {
  QueryPolicy defaults;
  std::map<Role, std::set<std::string>> routine;
  bool configured = false;
  for (Role role : allRoles()) {
    auto text = storage::readSetting(db.sql(), std::string("query_routine.") + roleName(role));
    if (!text) continue;
    configured = true;
    std::stringstream ss(*text);
    std::string p;
    while (std::getline(ss, p, ','))
      if (!p.empty()) routine[role].insert(p);
  }
  if (!configured) return defaults;
  // Roles the settings leave out keep their default routine.
  for (Role role : allRoles())
    if (!routine.count(role))
      for (const char* p : {"checkout", "service", "booking", "registration", "review", "care_followup", "complaint",
                            "statement", "marketing", "other"})
        if (defaults.isRoutine(role, p)) routine[role].insert(p);
  return QueryPolicy(routine);
}

void checkQueryPurpose(storage::Database& db, const Clock& clock, const Staff& me, CustomerId customer,
                       const std::string& purpose, const std::string& requestId) {
  if (purpose.find_first_not_of(' ') == std::string::npos) throw DomainError("purpose_required", "");
  // "service: 补水护理" → the purpose code "service"; free text alone is not routine.
  std::string code = purpose.substr(0, purpose.find(':'));
  code.erase(code.find_last_not_of(' ') + 1);
  if (queryPolicy(db).isRoutine(me.role, code)) return;
  if (requestId.empty() || customer == 0) throw DomainError("query_approval_needed", purpose);
  storage::SqliteRecordKeeping store(db);
  storage::SqliteAuditLog audit(db);
  Guard guard(audit, clock);
  auto q = store.queryRequest(requestId);
  if (!q || q->customer != customer || q->purpose != code) throw DomainError("query_not_approved", requestId);
  FileAccess(store, guard, clock).useQuery(me, requestId);
}

}  // namespace salon::cli
