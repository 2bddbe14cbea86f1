#pragma once
// Encrypted backups of the store's database and their restore.
//
// A backup is a consistent snapshot taken with SQLite's online backup API (the
// kiosk may keep writing), encrypted as described in backup_file.h. A restore
// decrypts next to the target, checks the snapshot (integrity, that it is a Salon
// Kiosk database no newer than this build, its audit chain) and only then renames
// it into place. Who may do either is checked by the caller (Action::Backup,
// Action::Restore), who also writes the audit entry.
#include <cstdint>
#include <memory>
#include <string>

#include "storage/audit_store.h"
#include "storage/backup_file.h"
#include "storage/database.h"
#include "storage/private_file.h"

namespace salon::storage {

// What a snapshot holds.
struct SnapshotCheck {
  int schemaVersion = 0;
  ChainReport chain;
  std::int64_t staff = 0;
};

struct BackupSummary {
  std::string file;
  std::int64_t bytes = 0;
  SnapshotCheck snapshot;
};

// Writes `db`'s snapshot, encrypted, to `target` (mode 0600, replaced atomically).
// The plaintext snapshot is staged in memory only; the file is encrypted as it is
// written, under a temporary ".part-" name renamed into place when complete.
// Leftovers of killed runs in the target's folder are removed first. The snapshot
// is checked as restore would check it; DomainError("backup_source_damaged") when
// it fails.
// Also writes "<target>.head" (0600): the snapshot's audit chain head as
// "N:HASH\n", readable without the password, for `verify --expect-head`.
BackupSummary writeBackup(Database& db, const std::string& target, const std::string& password, BackupCost cost);

std::string backupHeadPath(const std::string& backupFile);
void writeHeadNote(const std::string& backupFile, const ChainReport& chain);

// Checks a plaintext snapshot: DomainError backup_bad_file (damaged, not a Salon
// Kiosk database), db_too_new, audit_chain_broken.
SnapshotCheck checkSnapshot(const std::string& path);
SnapshotCheck checkSnapshot(SQLite::Database& snapshot);

// A decrypted backup waiting next to the database it will replace. Removed by the
// destructor unless installed.
class RestoreCandidate {
 public:
  RestoreCandidate(const std::string& backupFile, const std::string& targetDb, const std::string& password);
  ~RestoreCandidate();
  RestoreCandidate(const RestoreCandidate&) = delete;
  RestoreCandidate& operator=(const RestoreCandidate&) = delete;

  // Must pass before database() or install().
  const SnapshotCheck& check();
  // The candidate opened (and migrated) as the store's database: sign in against
  // its staff, write the restore's audit entry into it.
  Database& database();
  // Closes the candidate, puts the backup's card-signing seed in card.key beside
  // the target, removes the target's stale -wal/-shm/-journal and renames
  // the candidate over the target. DomainError("restore_target_exists") when the
  // target exists and `replace` is false; the target is then left untouched.
  void install(bool replace);

  const std::string& target() const { return target_; }

 private:
  std::string target_;
  std::unique_ptr<TempFile> file_;
  std::unique_ptr<Database> db_;
  bool checked_ = false;
  SnapshotCheck check_;
};

}  // namespace salon::storage
