#include "storage/upkeep.h"

namespace salon::storage {

StoreUpkeep::StoreUpkeep(Database& kioskDb, const std::string& dataDir, const Clock& clock, UpkeepEvents events,
                         BackupCost cost, std::chrono::milliseconds checkpointEvery)
    : dbPath_(kioskDb.path()), events_(std::move(events)) {
  checkpointer_ = std::make_unique<Checkpointer>(dbPath_, checkpointEvery, events_.checkpointFailed);
  AutoBackupSettings settings = autoBackupSettingsFor(kioskDb, dataDir);
  settings.cost = cost;
  backup_ = std::make_unique<AutoBackup>(settings, clock, events_.backup);
  backup_->start();
}

// The quick check first (it may be interrupted), then the backup worker (it
// finishes the backup it is writing), then the checkpointer.
StoreUpkeep::~StoreUpkeep() {
  quickCheck_.reset();
  backup_.reset();
  checkpointer_.reset();
}

void StoreUpkeep::startQuickCheck() {
  if (!quickCheck_) quickCheck_ = std::make_unique<BackgroundQuickCheck>(dbPath_, events_.quickCheck);
}

}  // namespace salon::storage
