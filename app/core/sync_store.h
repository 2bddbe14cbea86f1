#pragma once
// What the kiosk keeps about its head office: the enrolment, the outbox's
// events waiting to go up (in seq order), what HQ said it holds, and the
// down-sync cursor. storage/sync_store implements it; the sync engine
// (app/core/sync_engine.h) drives it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/head_office.h"

namespace salon {

struct SyncEnrolment {
  HeadOfficeAddress address;  // the token unsealed
  Instant enrolledAt = 0;
  std::string cursor;         // down-sync: HQ's opaque cursor ("" = from the start)
  std::int64_t behindThrough = 0;  // > 0: restored from an older backup; uploads stop
  std::int64_t resumedAfter = 0;   // acknowledged: HQ's head through this seq is the lost history's
};

// The status line and `sync status`.
struct SyncStatus {
  bool enrolled = false;
  std::string store;
  std::int64_t sent = 0, received = 0, waiting = 0;
  std::optional<Instant> lastContact;
  std::string lastError;            // the last failure's code, "" after a success
  std::int64_t lastSeq = 0;         // the kiosk's newest event
  std::int64_t hqStoredThrough = 0;
  std::int64_t behindThrough = 0;   // HQ holds events up to here this kiosk lost
  std::int64_t overdraws = 0;       // this store's sales head office found overdrew a member (issue 18)
};

class SyncStore {
 public:
  virtual ~SyncStore() = default;
  virtual std::optional<SyncEnrolment> enrolment() = 0;
  // Stores the address (the token sealed) with its audit entry. Re-enrolling
  // replaces the address and keeps what was sent.
  virtual void enrol(const HeadOfficeAddress& address, const AuditEntry& audit) = 0;

  // The oldest unsent events, in seq order.
  virtual std::vector<OutboxEvent> waitingEvents(int limit) = 0;
  // How many events wait to go up (reported to HQ with each batch and poll).
  virtual std::int64_t eventsWaiting() { return status().waiting; }
  // The newest seq this kiosk gave (or the floor set after falling behind).
  virtual std::int64_t lastSeq() = 0;
  virtual std::optional<ChainHead> auditHead() = 0;
  // The hash of the kiosk's audit entry `seq`, if it has one.
  virtual std::optional<std::string> auditHashAt(std::int64_t seq) = 0;

  // HQ answered and holds every event through `storedThrough`: those are sent.
  virtual void markSentThrough(std::int64_t storedThrough, Instant at) = 0;
  // HQ holds only through `storedThrough` (a gap): what follows goes up again.
  virtual void resendAfter(std::int64_t storedThrough, Instant at) = 0;
  // HQ answered (hello, changes): the last contact, no error.
  virtual void noteContact(Instant at, std::int64_t hqStoredThrough) = 0;
  virtual void noteFailure(const std::string& code) = 0;
  // Head office's block of member numbers for this store (hello's number_block, issue 18).
  virtual void keepNumberBlock(int block) { (void)block; }
  // Before the waiting events are read: events the round itself owes head office
  // (members' phones as keyed hashes, storage/sync_member_phones.h) join the outbox.
  virtual void beforeUpload(Instant now) { (void)now; }
  // Whether an answer to a customer online waits to go up (an online booking decided at
  // the counter, a membership decision, …): sent between rounds, not at the interval.
  virtual bool customerAnswerWaiting() { return false; }
  // HQ holds events through `hqStoredThrough` that this kiosk does not have: it
  // was restored from an older backup. Uploads stop; events not yet sent are
  // renumbered after HQ's so no number is used twice; audited.
  virtual void fallBehind(std::int64_t hqStoredThrough, const AuditEntry& audit) = 0;
  // A manager has seen what was lost: uploads resume after HQ's number (the
  // events made since the restore are renumbered after it).
  virtual void acknowledgeBehind(const AuditEntry& audit) = 0;

  // One page of what head office owns, applied in one transaction with its
  // audit entry and the new cursor (an empty page keeps only the cursor).
  virtual void applyChanges(const ChangesPage& page, const AuditEntry& audit) = 0;

  virtual SyncStatus status() = 0;
};

}  // namespace salon
