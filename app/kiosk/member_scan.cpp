#include "app/kiosk/member_scan.h"

#include "app/core/error.h"
#include "app/core/member_accounts.h"
#include "app/core/member_card.h"

namespace salon::kiosk {

MemberScan resolveMemberScan(DeskContext& k, const std::string& payload) {
  MemberScan out;
  out.scan = classifyScan(payload);
  if (out.scan.kind == ScanKind::Phone || out.scan.kind == ScanKind::PaymentCode) return out;
  try {
    MemberCards::Resolution r = MemberCards(k.backroom.cards(), k.audit, k.clock).resolve(payload);
    out.scan = r.scan;
    if (!r.member) return out;
    out.memberNo = r.member->memberNo;
    out.customer = k.backroom.memberAccounts().customerOf(out.memberNo);
    if (out.customer == 0) out.refusal = "member_unknown";
  } catch (const DomainError& e) {
    out.refusal = e.code();
  }
  return out;
}

}  // namespace salon::kiosk
