#pragma once
// What a reader gave a screen that chooses a customer (check-in, checkout,
// Members): one path for all of them. Core's MemberCards::resolve decides what
// the payload is and checks a member QR's signature and version; this names the
// customer it belongs to, or the refusal to show.
#include <string>

#include "app/core/customer.h"
#include "app/core/scan.h"
#include "app/kiosk/desk.h"

namespace salon::kiosk {

struct MemberScan {
  ScanClass scan;           // what the payload is (a phone proves nothing: callers look it up as typed)
  CustomerId customer = 0;  // the member a QR or card number names (0: none)
  std::string memberNo;
  std::string refusal;      // a DomainError code (card_forged, card_revoked, member_unknown, scan_unknown...)

  bool member() const { return customer != 0; }
};

// A phone number or a payment code comes back classified, unresolved: a phone
// is as if typed on the keypad, a payment code belongs to the tender screen.
MemberScan resolveMemberScan(DeskContext& k, const std::string& payload);

}  // namespace salon::kiosk
