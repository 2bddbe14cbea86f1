#pragma once
// Core's StoreSettings over the store_settings table (read side; writes stay
// with the business actions that change a setting).
#include "app/core/store_settings.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteStoreSettings : public StoreSettings {
 public:
  explicit SqliteStoreSettings(Database& db) : db_(db) {}
  std::optional<std::string> setting(const std::string& key) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
