#pragma once
// The recovery screen's port (core's StoreRescue) over the store's database
// file, its automatic backups (<datadir>/backups/salon-*.skbak) and the shared
// restore path (backup_restore.h).
#include <string>

#include "app/core/store_rescue.h"
#include "storage/database.h"

namespace salon::storage {

// Opens `path` as the kiosk would and probes it: the tables every screen needs
// are there. DomainError("db_tables_missing") when they are not.
void probeStore(Database& db);

// The store's language for a database that may not open: its setting read
// directly when the file still reads, else the one remembered at the last good
// start (<datadir>/kiosk.language), else nullopt.
std::optional<std::string> storeLanguageOf(const std::string& dbPath);
void rememberStoreLanguage(const std::string& dbPath, const std::string& language);

class FileStoreRescue : public StoreRescue {
 public:
  FileStoreRescue(std::string dbPath, const Clock& clock);
  std::string where() const override { return dbPath_; }
  std::optional<StoreProblem> check() override;
  std::optional<BackupOnHand> newestBackup() override;
  void restore(const BackupOnHand& backup, const std::string& password, const std::string& staffCode,
               const std::string& pin) override;

 private:
  std::string dbPath_;
  const Clock& clock_;
};

}  // namespace salon::storage
