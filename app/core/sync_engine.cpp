#include "app/core/sync_engine.h"

#include <algorithm>

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {
namespace {

// A gap that does not close after this many resends is HQ's problem, not a retry's.
constexpr int kMaxGapResends = 3;

// A batch runs without a gap in its numbers (HQ refuses one that does not);
// after a restore the waiting events may jump from the backup's own to the
// numbers after HQ's.
void cutAtFirstGap(std::vector<OutboxEvent>& events) {
  for (std::size_t i = 1; i < events.size(); ++i)
    if (events[i].seq != events[i - 1].seq + 1) {
      events.resize(i);
      return;
    }
}

std::int64_t countThrough(const std::vector<OutboxEvent>& events, std::int64_t storedThrough) {
  return std::count_if(events.begin(), events.end(), [&](const OutboxEvent& e) { return e.seq <= storedThrough; });
}

}  // namespace

SyncReport SyncEngine::round(int maxBatches, int maxPages) {
  auto enrolment = store_.enrolment();
  if (!enrolment) throw DomainError("not_enrolled", "sync enrol first");
  SyncReport r;
  try {
    const bool mayUpload = sayHello(*enrolment, r);
    if (mayUpload) {
      store_.beforeUpload(clock_.now());
      sendWaiting(*enrolment, r, maxBatches);
    }
    receiveChanges(*enrolment, r, maxPages);
    if (mayUpload && r.received > 0) {  // the answers to what just came down
      store_.beforeUpload(clock_.now());
      sendWaiting(*enrolment, r, maxBatches);
    }
  } catch (const DomainError& e) {
    r.error = e.code();
    r.detail = e.detail();
  }
  if (r.behind && r.error.empty()) r.error = "behind_head_office";
  if (!r.error.empty()) store_.noteFailure(r.error);
  return r;
}

bool SyncEngine::somethingWaiting() {
  auto enrolment = store_.enrolment();
  return enrolment &&
         (store_.customerAnswerWaiting() || line_.pollChanges(enrolment->cursor, store_.eventsWaiting()));
}

// False when nothing may go up (this kiosk is behind HQ).
bool SyncEngine::sayHello(const SyncEnrolment& e, SyncReport& r) {
  HeadOfficeHello hello = line_.hello();
  const Instant now = clock_.now();
  r.storedThrough = hello.storedThrough;
  if (hello.numberBlock > 0) store_.keepNumberBlock(hello.numberBlock);
  if (e.behindThrough > 0) {
    store_.noteContact(now, hello.storedThrough);
    r.behind = true;
    r.detail = "head office holds events through " + std::to_string(e.behindThrough);
    return false;
  }
  // HQ holds numbers this kiosk never gave, or a chain head this kiosk does not
  // have (its audit log is shorter or another one): restored from an older backup.
  // Once a manager acknowledged that, HQ's head is the lost history's until this
  // kiosk's next upload replaces it.
  bool headLost = false;
  if (hello.head && hello.head->seq > 0 && hello.storedThrough > e.resumedAfter) {
    auto mine = store_.auditHashAt(hello.head->seq);
    headLost = !mine || *mine != hello.head->hash;
  }
  if (hello.storedThrough > store_.lastSeq() || headLost) {
    fallBehind(e, hello.storedThrough, r);
    return false;
  }
  // HQ holds less than it acknowledged before (HQ itself was restored): what
  // follows its number goes up again.
  if (hello.storedThrough < store_.status().hqStoredThrough) store_.resendAfter(hello.storedThrough, now);
  else store_.noteContact(now, hello.storedThrough);
  return true;
}

void SyncEngine::fallBehind(const SyncEnrolment& e, std::int64_t hqStoredThrough, SyncReport& r) {
  const std::int64_t mine = store_.lastSeq();
  store_.fallBehind(std::max(hqStoredThrough, mine), auditOf(clock_.now(), "", "sync.behind_head_office", "sync",
                                                             e.address.store,
                                                             "head office holds events through " +
                                                                 std::to_string(hqStoredThrough) +
                                                                 ", this kiosk through " + std::to_string(mine)));
  r.behind = true;
  r.detail = "head office holds events through " + std::to_string(hqStoredThrough) + ", this kiosk through " +
             std::to_string(mine);
}

void SyncEngine::sendWaiting(const SyncEnrolment& e, SyncReport& r, int maxBatches) {
  int resends = 0;
  for (int n = 0; n < maxBatches; ++n) {
    std::vector<OutboxEvent> events = store_.waitingEvents(kBatchSize);
    if (events.empty()) return;
    cutAtFirstGap(events);
    const std::int64_t after = store_.eventsWaiting() - static_cast<std::int64_t>(events.size());
    EventBatch batch{e.address.store, newUuid(), clock_.now(), events, store_.auditHead(),
                     std::max<std::int64_t>(after, 0)};
    BatchAnswer answer = line_.sendBatch(batch);
    const std::int64_t st = answer.storedThrough;
    r.storedThrough = st;
    // HQ holds numbers this kiosk never gave, or other events under its numbers.
    if (st > store_.lastSeq() || (answer.outcome == BatchOutcome::SequenceGap && st >= events.front().seq)) {
      fallBehind(e, st, r);
      return;
    }
    if (answer.outcome == BatchOutcome::SequenceGap || st < events.back().seq) {
      if (++resends > kMaxGapResends)
        throw DomainError("hq_refused", "sequence_gap: head office stays at " + std::to_string(st));
      if (answer.outcome == BatchOutcome::SequenceGap) {
        store_.resendAfter(st, clock_.now());
        continue;
      }
    }
    store_.markSentThrough(st, clock_.now());
    r.sent += countThrough(events, st);
  }
}

void SyncEngine::receiveChanges(const SyncEnrolment& e, SyncReport& r, int maxPages) {
  std::string cursor = e.cursor;
  for (int n = 0; n < maxPages; ++n) {
    ChangesPage page = line_.changes(cursor);
    if (!page.changes.empty() || page.cursor != cursor)
      store_.applyChanges(page, auditOf(clock_.now(), "", "sync.receive", "sync", e.address.store, "head office",
                                        std::to_string(page.changes.size()) + " changes"));
    r.received += static_cast<std::int64_t>(page.changes.size());
    cursor = page.cursor;
    if (!page.more) return;
  }
}

void SyncBackoff::succeeded(Instant now) {
  failures_ = 0;
  nextTry_ = now + interval_;
}

void SyncBackoff::failed(Instant now) {
  ++failures_;
  nextTry_ = now + delayAfter(failures_);
}

std::int64_t SyncBackoff::delayAfter(int failures) const {
  std::int64_t delay = first_;
  for (int i = 1; i < failures && delay < cap_; ++i) delay *= 2;
  return std::min(delay, cap_);
}

std::vector<HeadMismatch> compareChainHeads(const std::vector<HeldChainHead>& heads, SyncStore& store) {
  std::vector<HeadMismatch> out;
  for (const HeldChainHead& h : heads) {
    auto mine = store.auditHashAt(h.seq);
    if (!mine || *mine != h.hash) out.push_back({h.seq, h.hash, mine.value_or("")});
  }
  return out;
}

bool syncOverdue(const SyncStatus& status, Instant now) {
  return status.enrolled && (!status.lastContact || now - *status.lastContact > kDay);
}

}  // namespace salon
