#include "storage/sync_applications.h"

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/outbox.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/sql.h"
#include "storage/sync_holds.h"

namespace salon::storage {

void applyOnlineApplication(SQLite::Database& db, const HeadOfficeChange& c, Instant now) {
  if (!c.body) return;
  auto body = nlohmann::json::parse(*c.body, nullptr, false);
  if (!body.is_object() || body.value("application", "") != c.key || !body.contains("customer") ||
      !body["customer"].is_object())
    throw DomainError("hq_refused", "bad_change member.application " + c.key);
  SQLite::Statement seen(db, "SELECT 1 FROM membership_applications WHERE id = ?1 UNION ALL"
                             " SELECT 1 FROM outbox WHERE id = ?1");
  seen.bind(1, c.key);
  if (seen.executeStep()) return;  // heard before (entered, or answered as a member already)
  ensureOnlineStaff(db, now);
  CustomerId customer = customerFor(db, body["customer"], kOnlineBookingStaff, now);
  SQLite::Statement member(db, "SELECT COALESCE(c.member_no, '') FROM customers c WHERE c.id = ? AND (c.member_no IS NOT"
                               " NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.customer_id = c.id))");
  member.bind(1, customer);
  if (member.executeStep()) {  // a member already: head office tells the customer so
    appendOutbox(db, {c.key, "member.application_answered",
                      nlohmann::json{{"application", c.key}, {"answer", "already_member"},
                                     {"member_no", member.getColumn(0).getString()}}.dump(),
                      now});
    return;
  }
  SQLite::Statement open(db, "SELECT a.id FROM membership_applications a WHERE a.customer_id = ? AND a.status = 'pending'"
                             " ORDER BY a.applied_at LIMIT 1");
  open.bind(1, customer);
  if (open.executeStep()) {  // one waits at the counter: nothing new to decide, its decision answers this one too
    appendOutbox(db, {c.key, "member.application_answered",
                      nlohmann::json{{"application", c.key}, {"answer", "pending_at_counter"},
                                     {"counter_application", open.getColumn(0).getString()}}.dump(),
                      now});
    return;
  }
  SQLite::Statement in(db, "INSERT INTO membership_applications (id, customer_id, applied_at, applied_by) VALUES (?, ?, ?, ?)");
  SQLite::bind(in, c.key, customer, now, kOnlineBookingStaff);
  in.exec();
  appendAudit(db, auditOf(now, kOnlineBookingStaff, "member.apply", "customer", std::to_string(customer), "online",
                          "membership"));
  appendOutbox(db, {c.key, "member.applied", "{\"customer\":" + std::to_string(customer) + "}", now});
}

}  // namespace salon::storage
