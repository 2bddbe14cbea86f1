#include "app/kiosk/appointments_desk.h"

namespace salon::kiosk {

void AppointmentsDesk::open(CustomerId customer) {
  ui::AppointmentsView& v = k_.view.appointments;
  v = {};
  v.customer = customer;
  v.title = k_.catalog.text("ui.nav.appointments");
}

void AppointmentsDesk::apply(const ui::AppointmentsIntent&) { open(k_.view.appointments.customer); }

}  // namespace salon::kiosk
