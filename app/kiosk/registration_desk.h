#pragma once
#include "app/kiosk/desk.h"
#include "app/ui/registration/registration_view.h"

namespace salon::kiosk {

class RegistrationDesk : public Desk {
 public:
  explicit RegistrationDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::RegistrationIntent& intent);
};

}  // namespace salon::kiosk
