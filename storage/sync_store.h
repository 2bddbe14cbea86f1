#pragma once
// Core's SyncStore on one SQLite connection: the enrolment (sync_state), the
// outbox read in seq order, and what head office owns here (hq_owned).
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "app/core/sync_store.h"
#include "storage/database.h"

namespace salon::storage {

// Refuses (managed_by_head_office) a local edit of a catalog item head office
// owns, inside the caller's transaction or before it.
void refuseWhenHeadOfficeOwns(SQLite::Database& db, const std::string& itemCode);

class SqliteSyncStore : public SyncStore {
 public:
  explicit SqliteSyncStore(Database& db) : db_(db) {}

  std::optional<SyncEnrolment> enrolment() override;
  void enrol(const HeadOfficeAddress& address, const AuditEntry& audit) override;
  std::vector<OutboxEvent> waitingEvents(int limit) override;
  std::int64_t eventsWaiting() override;
  std::int64_t lastSeq() override;
  std::optional<ChainHead> auditHead() override;
  std::optional<std::string> auditHashAt(std::int64_t seq) override;
  void markSentThrough(std::int64_t storedThrough, Instant at) override;
  void resendAfter(std::int64_t storedThrough, Instant at) override;
  void noteContact(Instant at, std::int64_t hqStoredThrough) override;
  void keepNumberBlock(int block) override;
  void beforeUpload(Instant now) override;
  bool customerAnswerWaiting() override;
  void noteFailure(const std::string& code) override;
  void fallBehind(std::int64_t hqStoredThrough, const AuditEntry& audit) override;
  void acknowledgeBehind(const AuditEntry& audit) override;
  void applyChanges(const ChangesPage& page, const AuditEntry& audit) override;
  SyncStatus status() override;

 private:
  Database& db_;
};

// A change head office sent that this store could not apply (a malformed body,
// a setting that belongs to this machine): skipped, named in the page's audit
// entry, and not kept as head office's.
struct RefusedChange {
  std::string kind, key, why;
};

// Applies what head office owns inside the caller's transaction (sync_changes.cpp);
// `store` is this store's code. Returns the changes it skipped.
std::vector<RefusedChange> applyHeadOfficeChanges(SQLite::Database& db, const std::vector<HeadOfficeChange>& changes,
                                                  const std::string& store, Instant now);
// Promotions, tiers, staff and settings (sync_owned.cpp), before they are kept in hq_owned.
std::vector<RefusedChange> applyHeadOfficeRules(SQLite::Database& db, const std::vector<HeadOfficeChange>& changes,
                                                const std::string& store, Instant now);

// Refuses (managed_by_head_office) a local edit of a tier, staff member or
// setting head office owns while the store is enrolled.
void refuseWhenHeadOfficeOwnsKind(SQLite::Database& db, const std::string& kind, const std::string& key);

}  // namespace salon::storage
