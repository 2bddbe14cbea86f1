#pragma once
// Everything the running kiosk does to its database off the UI thread, in one
// object for the composition root: WAL checkpoints, the quick check after the
// first frame, and rotating automatic backups. Its events arrive on worker
// threads: the caller hands them to the UI's main-thread queue.
//
//   auto db = Database::open(path, {OpenMode::Create, /*autoCheckpoint=*/false});
//   StoreUpkeep upkeep(*db, dataDir, clock, events, backupCostFromEnvironment());
//   ... first frame drawn ... upkeep.startQuickCheck();
#include <functional>
#include <memory>
#include <string>

#include "app/core/clock.h"
#include "storage/auto_backup.h"
#include "storage/database.h"
#include "storage/maintenance.h"

namespace salon::storage {

struct UpkeepEvents {
  BackgroundQuickCheck::Listener quickCheck;
  AutoBackup::Listener backup;
  Checkpointer::Listener checkpointFailed;
};

class StoreUpkeep {
 public:
  // `kioskDb` is the kiosk's own connection; it is only read here (the settings
  // of the backup schedule). Starts the checkpointer and the backup worker.
  StoreUpkeep(Database& kioskDb, const std::string& dataDir, const Clock& clock, UpkeepEvents events,
              BackupCost cost, std::chrono::milliseconds checkpointEvery = std::chrono::seconds(5));
  ~StoreUpkeep();
  StoreUpkeep(const StoreUpkeep&) = delete;
  StoreUpkeep& operator=(const StoreUpkeep&) = delete;

  // Once, after the first frame: the check reads the whole file.
  void startQuickCheck();
  AutoBackup& backups() { return *backup_; }

 private:
  std::string dbPath_;
  UpkeepEvents events_;
  std::unique_ptr<Checkpointer> checkpointer_;
  std::unique_ptr<AutoBackup> backup_;
  std::unique_ptr<BackgroundQuickCheck> quickCheck_;
};

}  // namespace salon::storage
