#include "app/kiosk/customer_file_desk.h"

namespace salon::kiosk {

void CustomerFileDesk::open(CustomerId customer) {
  ui::CustomerFileView& v = k_.view.customerFile;
  v = {};
  v.customer = customer;
  v.title = k_.catalog.text("ui.nav.customer_file");
}

void CustomerFileDesk::apply(const ui::CustomerFileIntent&) { open(k_.view.customerFile.customer); }

}  // namespace salon::kiosk
