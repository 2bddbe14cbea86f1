#include "app/kiosk/registration_desk.h"

namespace salon::kiosk {

void RegistrationDesk::open(CustomerId customer) {
  ui::RegistrationView& v = k_.view.registration;
  v = {};
  v.customer = customer;
  v.title = k_.catalog.text("ui.nav.registration");
}

void RegistrationDesk::apply(const ui::RegistrationIntent&) { open(k_.view.registration.customer); }

}  // namespace salon::kiosk
