#include "storage/settings_store.h"

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

}  // namespace salon::storage
