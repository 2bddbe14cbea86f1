#pragma once
// The head office as the kiosk sees it (app/hq/PROTOCOL.md): one HTTPS line to
// `salon-hq`, pinned to its certificate. devices/hq_link implements it. Every
// call either answers or throws DomainError with a stable code:
// hq_unreachable (no answer, a timeout), hq_certificate_mismatch (another
// certificate than the pinned one), hq_refused (HQ said no: the detail starts
// with HQ's own code, e.g. "revoked"), enrol_code_invalid.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/chain_head.h"
#include "app/core/clock.h"
#include "app/core/error.h"
#include "app/core/member_balance.h"
#include "app/core/money.h"

namespace salon {

// Where the store's head office is and how the kiosk proves who it is; read
// from the enrolment code `salon-hq store add` prints.
struct HeadOfficeAddress {
  std::string url;          // "https://127.0.0.1:8443"
  std::string store;        // "S02"
  std::string token;        // secret: 43 characters base64url
  std::string fingerprint;  // SHA-256 of the server certificate's DER, lower-case hex
};

struct HeadOfficeHello {
  std::string store;
  std::string name;
  std::int64_t storedThrough = 0;  // the highest seq HQ holds for this store
  std::optional<ChainHead> head;   // the last audit head this store uploaded
  Instant serverTime = 0;
  int numberBlock = 0;  // the store's block of member numbers (M + 2 digits + 6), 0: none given
};

// One outbox row on its way up; `payload` is the row's JSON text.
struct OutboxEvent {
  std::string id;
  std::int64_t seq = 0;
  std::string type;
  Instant at = 0;
  std::string day;  // the kiosk's business day, YYYY-MM-DD
  std::string payload;
};

struct EventBatch {
  std::string store;
  std::string batch;  // a new UUID per attempt
  Instant sentAt = 0;
  std::vector<OutboxEvent> events;  // at most 500, in seq order
  std::optional<ChainHead> auditHead;
  std::optional<std::int64_t> eventsWaiting = std::nullopt;  // still in the outbox after this batch (HQ's sync health)
};

enum class BatchOutcome {
  Stored,       // 200: committed (new, duplicates or both)
  Replayed,     // 409 replayed: this batch id was committed before; treated as Stored
  SequenceGap,  // 409 sequence_gap: nothing written; resend from storedThrough + 1
};

struct BatchAnswer {
  BatchOutcome outcome = BatchOutcome::Stored;
  std::int64_t storedThrough = 0;
  int fresh = 0, duplicates = 0, quarantined = 0;
};

// One thing head office owns: `body` is its JSON text, or empty when removed.
struct HeadOfficeChange {
  std::string kind;  // "catalog.item", "price.override", "promotion", "tier", "staff", "setting"
  std::string key;
  std::optional<std::string> body;
};

struct ChangesPage {
  std::string cursor;
  bool more = false;
  std::vector<HeadOfficeChange> changes;
};

struct HeldChainHead {
  std::int64_t seq = 0;
  std::string hash;
  Instant at = 0;
};

struct OffsiteBackup {
  std::string id;
  std::string name;
  std::int64_t bytes = 0;
  Instant at = 0;
};

// A head-office debit of a member's chain-wide value for one sale (issue 18):
// keyed by the sale's id, so a retry debits once.
// Head office splits the stored value into principal and bonus by core's
// splitStoredValue over what the member has, and answers the split it took.
struct ChainSessions {
  std::string package;  // the package's id ("<sale id>/<line>")
  int sessions = 0;
};
struct ChainDebit {
  std::string sale, memberNo, staff;
  Money storedValue;
  std::int64_t points = 0;
  std::vector<ChainSessions> packages;  // package sessions the sale uses (HQ holds those it knows)
};

struct ChainDebitAnswer {
  bool debited = false;   // false: the member has less than the sale takes (409 balance_short)
  bool replayed = false;  // this sale was debited before: the same debit
  Money principalTaken, bonusTaken;
  std::int64_t pointsTaken = 0;
  Money principalLeft, bonusLeft;  // what the member may still spend after it (or now, when refused)
  std::int64_t pointsLeft = 0;
};

// A customer file as head office keeps it (issue 18): sealed under the chain's data
// key, which head office does not hold; `store` is the store that sent it last.
struct SealedChainFile {
  std::string fileNo, store, sealed;
};

class HeadOffice {
 public:
  virtual ~HeadOffice() = default;
  virtual HeadOfficeHello hello() = 0;
  virtual BatchAnswer sendBatch(const EventBatch& batch) = 0;
  // `after` empty: from the start.
  virtual ChangesPage changes(const std::string& after) = 0;
  // The light question between rounds: does head office hold a change for this
  // store after `after` (the kiosk's cursor)? A yes makes a round due at once.
  virtual bool changesWaiting(const std::string& after) {
    (void)after;
    throw DomainError("hq_refused", "not_supported");
  }
  // The same question, telling head office how many events wait in this kiosk's
  // outbox (its sync health). A line that cannot tell asks the plain question.
  virtual bool pollChanges(const std::string& after, std::int64_t eventsWaiting) {
    (void)eventsWaiting;
    return changesWaiting(after);
  }
  virtual std::vector<HeldChainHead> heads() = 0;
  // `bytes` is the encrypted backup file as written (HQ cannot read it).
  virtual OffsiteBackup uploadBackup(const std::string& name, const std::string& bytes) = 0;
  virtual std::vector<OffsiteBackup> backups() = 0;
  // A member's figures at head office (issue 18), nullopt when no store has
  // reported the member; `staff` and `purpose` are recorded at HQ with the view.
  virtual std::optional<MemberBalance> memberBalance(const std::string& memberNo, const std::string& staff,
                                                     const std::string& purpose) {
    (void)memberNo, (void)staff, (void)purpose;
    throw DomainError("hq_refused", "not_supported");
  }
  // Debits the member's value for a sale; nullopt when no store has reported the
  // member (404). Same sale, same figures: the same debit (replayed).
  virtual std::optional<ChainDebitAnswer> debitMember(const ChainDebit& debit) {
    (void)debit;
    throw DomainError("hq_refused", "not_supported");
  }
  // The files head office holds under a blind lookup key (GET /files); empty when none.
  // `staff` and `purpose` are recorded at HQ with the view.
  virtual std::vector<SealedChainFile> chainFiles(const std::string& key, const std::string& staff,
                                                  const std::string& purpose) {
    (void)key, (void)staff, (void)purpose;
    throw DomainError("hq_refused", "not_supported");
  }
  // The sale of a debit was refused at the counter after all: the value is free again.
  virtual void releaseDebit(const std::string& memberNo, const std::string& sale) {
    (void)memberNo, (void)sale;
    throw DomainError("hq_refused", "not_supported");
  }
};

// Reads enrolment codes and opens lines to a head office (devices implements it,
// so the CLI and the kiosk's desks reach HQ without seeing the transport).
class HeadOfficeLines {
 public:
  virtual ~HeadOfficeLines() = default;
  // "SALONHQ1." + base64url JSON; DomainError enrol_code_invalid.
  virtual HeadOfficeAddress readEnrolmentCode(const std::string& code) const = 0;
  virtual std::unique_ptr<HeadOffice> open(const HeadOfficeAddress& address) = 0;
};

}  // namespace salon
