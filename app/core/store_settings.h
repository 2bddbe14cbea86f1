#pragma once
// Port: the store's settings as the counter reads them (store name, time zone,
// language, printers...): key → text. Implemented by storage over store_settings.
#include <optional>
#include <string>

#include "app/core/clock.h"

namespace salon {

class StoreSettings {
 public:
  virtual ~StoreSettings() = default;
  virtual std::optional<std::string> setting(const std::string& key) = 0;

  // The store's time zone (store.zone_offset_minutes; UTC+8 when unset).
  StoreZone zone() {
    StoreZone z;
    if (auto offset = setting("store.zone_offset_minutes")) z.offsetMinutes = std::stoi(*offset);
    return z;
  }
};

}  // namespace salon
