#include "app/kiosk/members_desk.h"

namespace salon::kiosk {

void MembersDesk::open(CustomerId customer) {
  ui::MembersView& v = k_.view.members;
  v = {};
  v.customer = customer;
  v.title = k_.catalog.text("ui.nav.members");
}

void MembersDesk::apply(const ui::MembersIntent&) { open(k_.view.members.customer); }

}  // namespace salon::kiosk
