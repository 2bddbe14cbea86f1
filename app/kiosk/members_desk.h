#pragma once
#include "app/kiosk/desk.h"
#include "app/ui/members/members_view.h"

namespace salon::kiosk {

class MembersDesk : public Desk {
 public:
  explicit MembersDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::MembersIntent& intent);
};

}  // namespace salon::kiosk
