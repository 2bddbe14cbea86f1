#pragma once
#include "app/kiosk/desk.h"
#include "app/ui/settings/settings_view.h"

namespace salon::kiosk {

class SettingsDesk : public Desk {
 public:
  explicit SettingsDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::SettingsIntent& intent);
};

}  // namespace salon::kiosk
