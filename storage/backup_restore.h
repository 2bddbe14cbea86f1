#pragma once
// Restoring an encrypted backup as the store's database: the one path used by
// `salon-kiosk restore` and by the window's recovery screen. The backup is
// decrypted and checked next to the target, the person signs in (against the
// live store when it opens and knows them, so a wrong PIN counts there; else
// against the backup's own staff), must hold Action::Restore, and the restore is
// audited with an outbox message in the restored database before it is renamed
// into place.
#include <string>

#include "app/core/clock.h"
#include "storage/backup.h"

namespace salon::storage {

struct RestoreRequest {
  std::string backupFile;
  std::string targetDb;
  std::string password;
  std::string staffCode;
  std::string pin;
  bool replace = false;      // an existing target may be replaced
  bool keepDamaged = false;  // the replaced target is renamed aside, never deleted
};

struct RestoreResult {
  SnapshotCheck check;
  std::string keptAs;  // where the replaced database went (keepDamaged), or ""
};

// Throws DomainError: restore_target_exists, backup_bad_file / wrong password
// codes, pin_wrong, pin_locked, permission_denied, ...
RestoreResult restoreBackup(const RestoreRequest& request, const Clock& clock);

}  // namespace salon::storage
