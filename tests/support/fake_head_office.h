#pragma once
// An in-process head office that keeps the protocol's rules (app/hq/PROTOCOL.md):
// events stored once by id, the first new event must follow stored_through, a
// batch id committed twice is "replayed", changes paged by a cursor. Faults on
// demand: no answer at all, or HQ commits and the answer is lost on the way.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/core/error.h"
#include "app/core/head_office.h"
#include "app/core/sync_store.h"

namespace salon::test {

// A store's sync state that says only whether it is enrolled (or that its token
// cannot be unsealed here); everything else is quiet.
struct FakeEnrolment : SyncStore {
  bool enrolled = true;
  bool unreadable = false;
  std::optional<SyncEnrolment> enrolment() override {
    if (unreadable) throw DomainError("token_unsealed", "");
    if (!enrolled) return std::nullopt;
    SyncEnrolment e;
    e.address = {"https://hq.test:8443", "S01", "t", "f"};
    return e;
  }
  void enrol(const HeadOfficeAddress&, const AuditEntry&) override {}
  std::vector<OutboxEvent> waitingEvents(int) override { return {}; }
  std::int64_t lastSeq() override { return 0; }
  std::optional<ChainHead> auditHead() override { return std::nullopt; }
  std::optional<std::string> auditHashAt(std::int64_t) override { return std::nullopt; }
  void markSentThrough(std::int64_t, Instant) override {}
  void resendAfter(std::int64_t, Instant) override {}
  void noteContact(Instant, std::int64_t) override {}
  void noteFailure(const std::string&) override {}
  void fallBehind(std::int64_t, const AuditEntry&) override {}
  void acknowledgeBehind(const AuditEntry&) override {}
  void applyChanges(const ChangesPage&, const AuditEntry&) override {}
  SyncStatus status() override { return {}; }
};

// A line that answers every call with nothing: a test overrides the one it asks
// (a member's balance, a chain file) and leaves the rest quiet.
struct QuietHeadOffice : HeadOffice {
  HeadOfficeHello hello() override { return {}; }
  BatchAnswer sendBatch(const EventBatch&) override { return {}; }
  ChangesPage changes(const std::string&) override { return {}; }
  std::vector<HeldChainHead> heads() override { return {}; }
  OffsiteBackup uploadBackup(const std::string&, const std::string&) override { return {}; }
  std::vector<OffsiteBackup> backups() override { return {}; }
};

class FakeHeadOffice : public HeadOffice {
 public:
  std::map<std::string, std::int64_t> events;  // id → seq
  std::set<std::string> batches;
  std::int64_t storedThrough = 0;
  std::optional<ChainHead> head;
  std::vector<HeadOfficeChange> owned;  // in commit order; the cursor is an index
  std::size_t pageSize = 1000;
  int unreachable = 0;       // the next N calls get no answer
  int loseAnswers = 0;       // the next N batches commit, then the answer is lost
  int replayAnswers = 0;     // the next N batches commit, then HQ answers "replayed"
  std::optional<std::int64_t> helloSays;  // hello's stored_through, when it should lie
  int calls = 0, batchesSeen = 0, polls = 0;
  std::vector<std::optional<std::int64_t>> waitingTold;  // each batch's and poll's events_waiting, in order

  HeadOfficeHello hello() override {
    call();
    return {"S02", "二店", helloSays.value_or(storedThrough), head, 0};
  }

  BatchAnswer sendBatch(const EventBatch& b) override {
    call();
    ++batchesSeen;
    waitingTold.push_back(b.eventsWaiting);
    if (batches.count(b.batch)) return {BatchOutcome::Replayed, storedThrough, 0, 0, 0};
    for (std::size_t i = 1; i < b.events.size(); ++i)
      if (b.events[i].seq != b.events[i - 1].seq + 1) throw DomainError("hq_refused", "bad_batch: a gap inside");
    BatchAnswer a;
    std::int64_t through = storedThrough;
    for (const OutboxEvent& e : b.events) {
      if (events.count(e.id)) {
        ++a.duplicates;
        continue;
      }
      if (e.seq != through + 1) return {BatchOutcome::SequenceGap, storedThrough, 0, 0, 0};
      through = e.seq;
    }
    for (const OutboxEvent& e : b.events)
      if (!events.count(e.id)) events[e.id] = e.seq, ++a.fresh;
    storedThrough = through;
    batches.insert(b.batch);
    if (b.auditHead) head = b.auditHead;
    a.storedThrough = storedThrough;
    if (replayAnswers > 0) {
      --replayAnswers;
      return {BatchOutcome::Replayed, storedThrough, 0, 0, 0};
    }
    if (loseAnswers > 0) {
      --loseAnswers;
      throw DomainError("hq_unreachable", "answer lost");
    }
    return a;
  }

  ChangesPage changes(const std::string& after) override {
    call();
    std::size_t from = after.empty() ? 0 : std::stoul(after);
    ChangesPage p;
    for (std::size_t i = from; i < owned.size() && p.changes.size() < pageSize; ++i) p.changes.push_back(owned[i]);
    std::size_t to = from + p.changes.size();
    p.cursor = std::to_string(to);
    p.more = to < owned.size();
    return p;
  }

  bool changesWaiting(const std::string& after) override {
    call();
    ++polls;
    return (after.empty() ? 0 : std::stoul(after)) < owned.size();
  }

  bool pollChanges(const std::string& after, std::int64_t eventsWaiting) override {
    waitingTold.push_back(eventsWaiting);
    return changesWaiting(after);
  }

  std::vector<HeldChainHead> heads() override {
    call();
    if (!head) return {};
    return {{head->seq, head->hash, 0}};
  }
  OffsiteBackup uploadBackup(const std::string& name, const std::string& bytes) override {
    call();
    return {"b1", name, static_cast<std::int64_t>(bytes.size()), 0};
  }
  std::vector<OffsiteBackup> backups() override { return {}; }

 private:
  void call() {
    ++calls;
    if (unreachable > 0) {
      --unreachable;
      throw DomainError("hq_unreachable", "no answer");
    }
  }
};

}  // namespace salon::test
