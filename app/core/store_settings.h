#pragma once
// The store's settings (key -> text: store name, printers, language, the query
// routine of each role...). Storage implements it (storage/settings_store.h).
#include <optional>
#include <string>

#include "app/core/audit.h"
#include "app/core/clock.h"

namespace salon {

class StoreSettings {
 public:
  virtual ~StoreSettings() = default;
  virtual std::optional<std::string> setting(const std::string& key) = 0;
  // One business action: the value, its audit entry and its outbox row
  // ("settings.changed") commit together.
  virtual void change(const std::string& key, const std::string& value, const AuditEntry& audit) = 0;

  // The store's time zone (store.zone_offset_minutes; UTC+8 when unset).
  StoreZone zone() {
    StoreZone z;
    if (auto offset = setting("store.zone_offset_minutes")) z.offsetMinutes = std::stoi(*offset);
    return z;
  }
};

// A setting that belongs to one store or machine (its code, name, zone,
// printers, readers, backups, sync), never to a chain's head office.
bool isStoreOwnSetting(const std::string& key);

// The kiosk's backup password. It is kept beside the database, never in it (a
// backup must not carry the password that opens it). Storage implements it.
class BackupPassword {
 public:
  virtual ~BackupPassword() = default;
  virtual bool isSet() = 0;
  // Whether `password` is strong enough to protect a backup.
  virtual bool acceptable(const std::string& password) = 0;
  // Replaces the saved one. DomainError backup_password_weak, backup_write_failed.
  virtual void save(const std::string& password) = 0;
};

}  // namespace salon
