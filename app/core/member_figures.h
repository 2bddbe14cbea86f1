#pragma once
// A member's figures at the counter (issue 18): head office's when the store is
// enrolled and HQ answers in time (plus this store's movements HQ does not hold
// yet), otherwise the store's own ledgers. `salon-kiosk member show` and the
// kiosk's checkout and check-in ask through this one service; each look is
// audited as a customer view of the member with its purpose and the source.
//
// Over ports only: the store's ledgers (MemberBalances), the enrolment
// (SyncStore) and the line to head office (HeadOfficeLines, whose timeouts the
// caller chose: a counter waits about 2 s). It does no I/O of its own; the
// kiosk calls look() on a background lane, never on the frame.
#include <optional>
#include <string>

#include "app/core/audit.h"
#include "app/core/head_office.h"
#include "app/core/member_balance.h"
#include "app/core/sync_store.h"

namespace salon {

// One look at a member's figures.
struct MemberFiguresLook {
  std::optional<MemberBalance> figures;  // nullopt: no such member here, nor at head office
  // Why head office's figures were not used: "not_enrolled", "no_line",
  // "hq_unreachable", "hq_member_unknown", another DomainError code; "" when they were.
  std::string why;
};

class MemberFigures {
 public:
  // `lines` null: this process has no line to head office (the store's own figures).
  MemberFigures(MemberBalances& local, SyncStore& sync, HeadOfficeLines* lines, const Clock& clock)
      : local_(local), sync_(sync), lines_(lines), clock_(clock) {}

  // The store's own figures, at once (no network); nullopt for an unknown member.
  std::optional<MemberBalance> local(const std::string& memberNo);
  // Whether look() would ask head office: the store is enrolled and has a line.
  bool asksHeadOffice();
  // Head office's figures when it answers (HQ records `staff` and `purpose` with
  // its view), else the store's own; `why` says why HQ's were not used.
  MemberFiguresLook look(const std::string& memberNo, const std::string& staff, const std::string& purpose);

  // The audit entry of a look, as `member show` has always written it:
  // customer.view of ("member", memberNo), the purpose as reason, sections
  // "balances,<hq|local>" plus why HQ's figures were not used (not when the
  // store is simply not enrolled).
  static AuditEntry viewed(const MemberFiguresLook& look, const std::string& memberNo, const std::string& staff,
                           const std::string& purpose, Instant at);

 private:
  std::optional<MemberBalance> askHeadOffice(const std::string& memberNo, const std::string& staff,
                                             const std::string& purpose, std::string& why);

  MemberBalances& local_;
  SyncStore& sync_;
  HeadOfficeLines* lines_;
  const Clock& clock_;
};

}  // namespace salon
