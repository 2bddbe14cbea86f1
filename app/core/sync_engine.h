#pragma once
// The kiosk's side of head-office sync (app/hq/PROTOCOL.md), over two ports:
// the store's outbox and sync state (SyncStore) and the line to HQ (HeadOffice).
// A round says hello, sends every waiting event up in order in batches of 500
// (marked sent only after HQ's answer; a sequence gap resends from HQ's number;
// a replayed batch counts as stored), then pulls what HQ owns down, a page per
// local transaction. The kiosk never waits for it: it runs on its own lane,
// with SyncBackoff between failed rounds.
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/head_office.h"
#include "app/core/sync_store.h"

namespace salon {

struct SyncReport {
  std::int64_t sent = 0;       // events HQ acknowledged in this round
  std::int64_t received = 0;   // changes applied from HQ
  std::int64_t storedThrough = 0;
  bool behind = false;         // restored from an older backup: uploads stopped
  std::string error;           // the stable code of what stopped the round, "" when none
  std::string detail;
  bool ok() const { return error.empty(); }
};

class SyncEngine {
 public:
  static constexpr int kBatchSize = 500;

  SyncEngine(SyncStore& store, HeadOffice& line, const Clock& clock) : store_(store), line_(line), clock_(clock) {}
  // One round. HQ's refusals and an unreachable HQ come back in the report (and
  // are noted in the store as the last error); DomainError not_enrolled.
  // What it received is decided in the same local transactions (an online
  // booking under auto-confirm, a customer's look at their file): when a round
  // received anything, it sends once more, so the answer goes up in this round.
  SyncReport round(int maxBatches = 10000, int maxPages = 1000);
  // Between rounds: whether a round would do a customer online some good now — an
  // answer to one waits here to go up (no call to HQ), or HQ holds changes after this
  // kiosk's cursor (one small GET). False when not enrolled; DomainError as any call to HQ.
  bool somethingWaiting();

 private:
  bool sayHello(const SyncEnrolment& e, SyncReport& r);
  void sendWaiting(const SyncEnrolment& e, SyncReport& r, int maxBatches);
  void receiveChanges(const SyncEnrolment& e, SyncReport& r, int maxPages);
  void fallBehind(const SyncEnrolment& e, std::int64_t hqStoredThrough, SyncReport& r);

  SyncStore& store_;
  HeadOffice& line_;
  const Clock& clock_;
};

// Waits between rounds: `interval` after a good round; after failures 5 s,
// 10 s, 20 s ... up to `cap` (a kiosk offline for a week does not hammer HQ
// when it comes back, nor wait long once it is).
//
// Between good rounds, every `poll` (0: never) the kiosk asks HQ whether
// anything waits for it (SyncEngine::changesWaiting); a yes hurries the round.
// After a failure only the backoff decides (an offline HQ is not asked more).
class SyncBackoff {
 public:
  explicit SyncBackoff(std::int64_t interval = 30 * kSecond, std::int64_t first = 5 * kSecond,
                       std::int64_t cap = 5 * kMinute, std::int64_t poll = kSecond)
      : interval_(interval), first_(first), cap_(cap), poll_(poll) {}
  bool due(Instant now) const { return now >= nextTry_; }
  bool pollDue(Instant now) const { return poll_ > 0 && failures_ == 0 && !due(now) && now >= nextPoll_; }
  void polled(Instant now) { nextPoll_ = now + poll_; }
  void succeeded(Instant now);
  void failed(Instant now);
  // Try at once (a person pressed "sync now", or a new event was written).
  void hurry(Instant now) { nextTry_ = now; }
  int failures() const { return failures_; }
  Instant nextTry() const { return nextTry_; }
  std::int64_t delayAfter(int failures) const;

 private:
  std::int64_t interval_, first_, cap_, poll_;
  int failures_ = 0;
  Instant nextTry_ = 0, nextPoll_ = 0;
};

// `verify` against HQ: each chain head HQ keeps must match this kiosk's audit
// entry at that seq. The heads that do not (missing here, or another hash).
struct HeadMismatch {
  std::int64_t seq = 0;
  std::string hqHash;
  std::string kioskHash;  // "" when this kiosk has no entry at that seq
};
std::vector<HeadMismatch> compareChainHeads(const std::vector<HeldChainHead>& heads, SyncStore& store);

// Whether the status line should warn: enrolled and no contact for 24 h.
bool syncOverdue(const SyncStatus& status, Instant now);

}  // namespace salon
