#pragma once
#include "app/kiosk/desk.h"
#include "app/ui/approvals/approvals_view.h"

namespace salon::kiosk {

class ApprovalsDesk : public Desk {
 public:
  explicit ApprovalsDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::ApprovalsIntent& intent);
};

}  // namespace salon::kiosk
