#pragma once
// The store's settings: key → text, e.g. store name, store code, language.
#include <optional>
#include <string>

#include "app/core/store_settings.h"
#include "storage/database.h"

namespace salon::storage {

std::optional<std::string> readSetting(SQLite::Database& db, const std::string& key);
// Inside the caller's transaction.
void writeSetting(SQLite::Database& db, const std::string& key, const std::string& value);

// Core's StoreSettings port on one connection.
class SqliteStoreSettings : public StoreSettings {
 public:
  explicit SqliteStoreSettings(Database& db) : db_(db) {}
  std::optional<std::string> setting(const std::string& key) override { return readSetting(db_.sql(), key); }
  void change(const std::string& key, const std::string& value, const AuditEntry& audit) override;

 private:
  Database& db_;
};

// Core's BackupPassword port: `<datadir>/backup.key` beside the database file.
class DataDirBackupPassword : public BackupPassword {
 public:
  explicit DataDirBackupPassword(Database& db) : db_(db) {}
  bool isSet() override;
  bool acceptable(const std::string& password) override;
  void save(const std::string& password) override;

 private:
  std::string dataDir() const;
  Database& db_;
};

}  // namespace salon::storage
