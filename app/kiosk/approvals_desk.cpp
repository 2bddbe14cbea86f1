#include "app/kiosk/approvals_desk.h"

namespace salon::kiosk {

void ApprovalsDesk::open(CustomerId customer) {
  ui::ApprovalsView& v = k_.view.approvals;
  v = {};
  v.customer = customer;
  v.title = k_.catalog.text("ui.nav.approvals");
}

void ApprovalsDesk::apply(const ui::ApprovalsIntent&) { open(k_.view.approvals.customer); }

}  // namespace salon::kiosk
