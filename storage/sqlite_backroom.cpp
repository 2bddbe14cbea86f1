#include "storage/sqlite_backroom.h"

namespace salon::storage {

SqliteBackroom::SqliteBackroom(Database& db, NameKeyMaker* keys) : db_(db), keys_(keys) {}

SqliteBackroom::SqliteBackroom(std::unique_ptr<Database> owned)
    : owned_(std::move(owned)), db_(*owned_), keys_(nullptr) {}

SqliteBackroom::~SqliteBackroom() = default;

std::unique_ptr<SqliteBackroom> SqliteBackroom::open(const std::string& path) {
  return std::unique_ptr<SqliteBackroom>(new SqliteBackroom(Database::open(path, {OpenMode::Existing})));
}

// The name-key maker loads ICU's transliterators: made only when a search needs it.
CustomerDirectory& SqliteBackroom::directory() {
  if (!directory_) {
    if (!keys_) {
      ownKeys_ = std::make_unique<NameKeyMaker>();
      keys_ = ownKeys_.get();
    }
    directory_ = std::make_unique<SqliteCustomerDirectory>(db_, *keys_);
  }
  return *directory_;
}

}  // namespace salon::storage
