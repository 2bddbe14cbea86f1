#include <catch2/catch.hpp>

#include "app/core/audit.h"
#include "app/core/uuid.h"

using namespace salon;

TEST_CASE("an audit hash covers every column and the previous hash") {
  AuditEntry e = auditOf(1000, "cash", "customer.view", "customer", "S01-2026-000001", "结账", "basic");
  e.seq = 7;
  e.prevHash = std::string(64, 'a');
  std::string h = auditHash(e);
  CHECK(h.size() == 64);
  CHECK(auditHash(e) == h);
  auto changed = [&](auto mutate) {
    AuditEntry c = e;
    mutate(c);
    return auditHash(c) != h;
  };
  CHECK(changed([](AuditEntry& c) { c.seq = 8; }));
  CHECK(changed([](AuditEntry& c) { c.at = 1001; }));
  CHECK(changed([](AuditEntry& c) { c.staff = "mgr"; }));
  CHECK(changed([](AuditEntry& c) { c.action = "customer.edit"; }));
  CHECK(changed([](AuditEntry& c) { c.recordType = "sale"; }));
  CHECK(changed([](AuditEntry& c) { c.recordId = "S01-2026-000002"; }));
  CHECK(changed([](AuditEntry& c) { c.sections = "health"; }));
  CHECK(changed([](AuditEntry& c) { c.reason = ""; }));
  CHECK(changed([](AuditEntry& c) { c.outcome = "refused"; }));
  CHECK(changed([](AuditEntry& c) { c.prevHash = std::string(64, 'b'); }));
  CHECK(changed([](AuditEntry& c) { c.id = newUuid(); }));
  // Field boundaries matter: moving a character between columns changes the hash.
  CHECK(changed([](AuditEntry& c) { c.staff = "cas"; c.action = "hcustomer.view"; }));
}

TEST_CASE("uuids are v4 and distinct") {
  std::string a = newUuid(), b = newUuid();
  CHECK(isUuid(a));
  CHECK(a != b);
  CHECK(a[14] == '4');
  CHECK_FALSE(isUuid("not-a-uuid"));
}
