#include "app/kiosk/checkout_desk.h"

namespace salon::kiosk {

void CheckoutDesk::open(CustomerId customer) {
  ui::CheckoutView& v = k_.view.checkout;
  v = {};
  v.customer = customer;
  v.title = k_.catalog.text("ui.nav.checkout");
}

void CheckoutDesk::apply(const ui::CheckoutIntent&) { open(k_.view.checkout.customer); }

}  // namespace salon::kiosk
