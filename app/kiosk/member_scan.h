#pragma once
// What a reader gave a screen that chooses a customer (check-in, checkout,
// Members): one path for all of them. Core's MemberCards::resolve decides what
// the payload is and checks a member QR's signature and version; this names the
// customer it belongs to, or the refusal to show.
#include <optional>
#include <string>

#include "app/core/customer.h"
#include "app/core/member_card_tickets.h"
#include "app/core/scan.h"
#include "app/kiosk/desk.h"

namespace salon::kiosk {

struct MemberScan {
  ScanClass scan;           // what the payload is (a phone proves nothing: callers look it up as typed)
  CustomerId customer = 0;  // the member a QR or card number names (0: none)
  std::string memberNo;
  std::string refusal;      // a DomainError code (card_forged, card_revoked, member_unknown, scan_unknown...)
  // A card signed with a retired key (a key change): the member is recognised and
  // a new card was issued under the current key just now (the old one is refused
  // from now on). The screen says so and offers to print it.
  std::optional<MemberCardPrint> newCard;

  bool member() const { return customer != 0; }
};

// A phone number or a payment code comes back classified, unresolved: a phone
// is as if typed on the keypad, a payment code belongs to the tender screen.
MemberScan resolveMemberScan(DeskContext& k, const std::string& payload);

// What to say about a card reissued at the scan: "新会员卡已签发 (第 N 版)…".
std::string newCardNotice(const DeskContext& k, const MemberScan& found);

}  // namespace salon::kiosk
