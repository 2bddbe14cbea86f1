#pragma once
// What the Appointments screen shows (plain data prepared by its desk in app/kiosk) and
// what a person can ask for on it.
#include <string>
#include <variant>
#include <vector>

#include "app/core/customer.h"

namespace salon::ui {

struct AppointmentsView {
  CustomerId customer = 0;  // whose screen this is (0: nobody chosen yet)
  std::string title;        // translated
};

// The screen's own intents, applied by its desk.
struct AppointmentsRefresh {};  // read again what the screen shows
using AppointmentsIntent = std::variant<AppointmentsRefresh>;

}  // namespace salon::ui
