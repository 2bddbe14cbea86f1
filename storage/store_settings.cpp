#include "storage/store_settings.h"

#include "storage/settings_store.h"

namespace salon::storage {

std::optional<std::string> SqliteStoreSettings::setting(const std::string& key) { return readSetting(db_.sql(), key); }

}  // namespace salon::storage
