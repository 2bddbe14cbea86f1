#pragma once
// The store's settings: key → text, e.g. store name, store code, language.
#include <optional>
#include <string>

#include "storage/database.h"

namespace salon::storage {

std::optional<std::string> readSetting(SQLite::Database& db, const std::string& key);
// Inside the caller's transaction.
void writeSetting(SQLite::Database& db, const std::string& key, const std::string& value);

}  // namespace salon::storage
