#include "app/kiosk/settings_desk.h"

namespace salon::kiosk {

void SettingsDesk::open(CustomerId customer) {
  ui::SettingsView& v = k_.view.settings;
  v = {};
  v.customer = customer;
  v.title = k_.catalog.text("ui.nav.settings");
}

void SettingsDesk::apply(const ui::SettingsIntent&) { open(k_.view.settings.customer); }

}  // namespace salon::kiosk
