#pragma once
#include "app/kiosk/desk.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::kiosk {

class CheckoutDesk : public Desk {
 public:
  explicit CheckoutDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::CheckoutIntent& intent);
};

}  // namespace salon::kiosk
