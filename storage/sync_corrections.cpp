#include "storage/sync_corrections.h"

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "app/core/outbox.h"
#include "app/core/uuid.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/customer_field_update.h"
#include "storage/record_keeping_store.h"
#include "storage/sql.h"
#include "storage/sync_holds.h"
#include "storage/sync_member_phones.h"

namespace salon::storage {
namespace {

// Core's change-request flow, writing into the page's transaction.
class PageChangeRequests : public ChangeRequestStore {
 public:
  explicit PageChangeRequests(SQLite::Database& db) : db_(db) {}
  std::optional<ChangeRequest> changeRequest(const std::string&) override { return std::nullopt; }
  std::vector<ChangeRequest> pendingChangeRequests() override { return {}; }
  void saveChangeRequest(const ChangeRequest& r, const AuditEntry& audit, bool apply) override {
    if (apply) throw DomainError("bad_input", "a correction from online is never applied without review");
    writeChangeRequest(db_, r, audit, nullptr);
  }

 private:
  SQLite::Database& db_;
};

class PageAudit : public AuditLog {
 public:
  explicit PageAudit(SQLite::Database& db) : db_(db) {}
  void append(const AuditEntry& e) override { appendAudit(db_, e); }

 private:
  SQLite::Database& db_;
};

// Filed here, or answered up before (a skipped one leaves only its answer).
bool answered(SQLite::Database& db, const std::string& id) {
  SQLite::Statement q(db, "SELECT 1 FROM online_corrections WHERE id = ?1 UNION ALL SELECT 1 FROM outbox WHERE id = ?1");
  q.bind(1, id);
  return q.executeStep();
}

// `changeRequest`: the request it was filed as (its decision goes up as customer.change_approved
// / customer.change_rejected naming it, so head office can tell the customer that too).
void answer(SQLite::Database& db, const std::string& id, const char* outcome, const std::string& reason, Instant now,
            const std::string& changeRequest = "") {
  nlohmann::json a = {{"correction", id}, {"answer", outcome}, {"reason", reason}};
  if (!changeRequest.empty()) a["change_request"] = changeRequest;
  appendOutbox(db, {id, "customer.correction_answered", a.dump(), now});
}

std::string field(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

void fileOnlineCorrection(SQLite::Database& db, const HeadOfficeChange& c, Instant now) {
  if (!c.body) return;
  auto body = nlohmann::json::parse(*c.body, nullptr, false);
  if (!body.is_object() || field(body, "correction") != c.key)
    throw DomainError("hq_refused", "bad_change customer.correction " + c.key);
  if (answered(db, c.key)) return;  // filed (or skipped) before
  auto who = customerByMemberKey(db, field(body, "member_no"));  // a member number, or a membership's file
  if (!who) throw DomainError("member_unknown", field(body, "member_no"));
  CustomerId customer = *who;
  ensureOnlineStaff(db, now);
  ManualClock clock(now);
  PageAudit audit(db);
  Guard guard(audit, clock);
  PageChangeRequests store(db);
  Staff online{kOnlineBookingStaff, "head office (online)", Role::Cashier, "", true};
  std::string name = field(body, "field");
  ChangeRequest r = ChangeRequests(store, guard, clock)
                        .submit(online, customer, name, currentFieldValue(db, customer, name), field(body, "value"),
                                field(body, "reason"), true);
  SQLite::Statement in(db, "INSERT INTO online_corrections (id, change_request, at) VALUES (?, ?, ?)");
  SQLite::bind(in, c.key, r.id, now);
  in.exec();
  answer(db, c.key, "filed", "", now, r.id);
}

void answerSkippedCorrection(SQLite::Database& db, const HeadOfficeChange& c, const std::string& reason, Instant now) {
  if (!isUuid(c.key) || answered(db, c.key)) return;
  answer(db, c.key, "skipped", reason, now);
}

}  // namespace salon::storage
