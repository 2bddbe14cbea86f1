#pragma once
// Core's MovingIn port on one connection: the screen's imports, with the same
// checks, limits and transactions as `customers import`, `members
// import-packages` and `appointments import`.
#include "app/core/moving_in.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteMovingIn : public MovingIn {
 public:
  explicit SqliteMovingIn(Database& db) : db_(db) {}
  std::vector<std::string> importableFiles(const std::vector<std::string>& folders) override;
  ImportPreview preview(const Staff& who, const Clock& clock, ImportKind kind, const std::string& path,
                        const ImportProgress& progress) override;
  ImportOutcome run(const Staff& who, const Clock& clock, ImportKind kind, const std::string& path, bool skipBad,
                    bool createTiers, const ImportProgress& progress) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
