#include "app/kiosk/member_scan.h"

#include "app/core/error.h"
#include "app/core/member_accounts.h"
#include "app/core/member_card.h"
#include "app/core/store_settings.h"

namespace salon::kiosk {

MemberScan resolveMemberScan(DeskContext& k, const std::string& payload) {
  MemberScan out;
  out.scan = classifyScan(payload);
  if (out.scan.kind == ScanKind::Phone || out.scan.kind == ScanKind::PaymentCode) return out;
  try {
    MemberCards cards(k.backroom.cards(), k.audit, k.clock);
    // A staff member at the counter carries out a key change: an old key's card is reissued.
    MemberCards::Resolution r = k.staff ? cards.resolve(*k.staff, payload) : cards.resolve(payload);
    out.scan = r.scan;
    if (!r.member) return out;
    out.memberNo = r.member->memberNo;
    out.customer = k.backroom.memberAccounts().customerOf(out.memberNo);
    if (out.customer == 0) out.refusal = "member_unknown";
    if (r.newCard) {
      MemberCardPrint card;
      card.holder = r.newCard->holder;
      card.payload = r.newCard->payload;
      card.event = r.newCard->event;
      card.printedAt = k.clock.now();
      card.zone = k.zone;
      card.storeName = k.backroom.settings().setting("store.name").value_or("");
      out.newCard = std::move(card);
    }
  } catch (const DomainError& e) {
    out.refusal = e.code();
    if (e.code() == "member_unknown" && out.memberNo.empty()) out.memberNo = e.detail();  // for head office to look up
  }
  return out;
}

std::string newCardNotice(const DeskContext& k, const MemberScan& found) {
  if (!found.newCard) return "";
  return k.catalog.text("ui.members.new_card_at_scan") + " " + k.catalog.text("ui.members.card_version") + " " +
         std::to_string(found.newCard->holder.cardVersion);
}

}  // namespace salon::kiosk
