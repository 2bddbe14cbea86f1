#pragma once
#include "app/kiosk/desk.h"
#include "app/ui/customer_file/customer_file_view.h"

namespace salon::kiosk {

class CustomerFileDesk : public Desk {
 public:
  explicit CustomerFileDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::CustomerFileIntent& intent);
};

}  // namespace salon::kiosk
