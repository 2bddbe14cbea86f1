#include "storage/settings_store.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "app/core/uuid.h"
#include "storage/backup_file.h"
#include "storage/backup_password.h"
#include "storage/audit_store.h"
#include "storage/sync_store.h"

namespace salon::storage {

std::optional<std::string> readSetting(SQLite::Database& db, const std::string& key) {
  return guarded([&]() -> std::optional<std::string> {
    SQLite::Statement q(db, "SELECT value FROM store_settings WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
  });
}

void writeSetting(SQLite::Database& db, const std::string& key, const std::string& value) {
  SQLite::Statement q(db, "INSERT INTO store_settings (key, value) VALUES (?, ?)"
                          " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

void SqliteStoreSettings::change(const std::string& key, const std::string& value, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    refuseWhenHeadOfficeOwnsKind(s, "setting", key);
    writeSetting(s, key, value);
    appendAudit(s, audit);
    appendOutbox(s, {newUuid(), "settings.changed", nlohmann::json{{"key", key}, {"value", value}}.dump(), audit.at});
  });
}

std::string DataDirBackupPassword::dataDir() const {
  return std::filesystem::path(db_.path()).parent_path().string();
}

bool DataDirBackupPassword::isSet() { return loadBackupPassword(dataDir()).has_value(); }

bool DataDirBackupPassword::acceptable(const std::string& password) { return isAcceptableBackupPassword(password); }

void DataDirBackupPassword::save(const std::string& password) { saveBackupPassword(dataDir(), password); }

}  // namespace salon::storage
