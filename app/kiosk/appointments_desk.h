#pragma once
#include "app/kiosk/desk.h"
#include "app/ui/appointments/appointments_view.h"

namespace salon::kiosk {

class AppointmentsDesk : public Desk {
 public:
  explicit AppointmentsDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::AppointmentsIntent& intent);
};

}  // namespace salon::kiosk
