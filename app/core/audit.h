#pragma once
// The audit chain: every business action and every view of personal data appends
// one entry. Each entry's hash covers the previous entry's hash and all of its own
// columns, so an entry edited, removed or inserted by hand breaks the chain.
#include <cstdint>
#include <string>

#include "app/core/clock.h"

namespace salon {

struct AuditEntry {
  std::int64_t seq = 0;      // 1, 2, 3, ... assigned by the store
  std::string id;            // UUID of the entry
  Instant at = 0;
  std::string staff;         // staff code, or "" for the customer / the system
  std::string action;        // e.g. "customer.view", "sale.settle", "permission.denied"
  std::string recordType;    // e.g. "customer", "sale", "staff"
  std::string recordId;      // which record
  std::string sections;      // which parts were seen or changed, comma separated
  std::string reason;        // the purpose or reason given
  std::string outcome = "ok";  // "ok", "refused", ...
  std::string prevHash;      // hex SHA-256 of the previous entry ("" for the first)
  std::string hash;          // hex SHA-256 of this entry
};

// Hex SHA-256 over prevHash and every column of the entry (not `hash` itself).
std::string auditHash(const AuditEntry& e);

// What a business action tells the audit log; the store fills seq, id and hashes.
AuditEntry auditOf(Instant at, std::string staff, std::string action, std::string recordType,
                   std::string recordId, std::string reason = "", std::string sections = "");

// Port: appends one entry in a transaction of its own. Business actions instead
// append their entry inside their own transaction (see the repositories).
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual void append(const AuditEntry& entry) = 0;
};

}  // namespace salon
