#include "storage/backup.h"
#include "storage/card_key_file.h"

#include <SQLiteCpp/Backup.h>
#include <sodium.h>
#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "app/core/chain_head.h"
#include "app/core/error.h"
#include "storage/migrations.h"

namespace salon::storage {
namespace {

// The snapshot lives in SQLite's memdb VFS: a private in-memory database, so no
// plaintext copy of the store is ever written to the backup folder (a backup
// killed half-way leaves at most an encrypted, incomplete ".part-" file).
std::unique_ptr<SQLite::Database> snapshotInMemory(Database& source) {
  return guarded([&] {
    auto dest = std::make_unique<SQLite::Database>("snapshot", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000,
                                                   "memdb");
    // One step, one read transaction: consistent even while others write (WAL).
    SQLite::Backup backup(*dest, source.sql());
    for (int attempt = 0;; ++attempt) {
      int rc = backup.executeStep(-1);
      if (rc == SQLITE_DONE) break;
      if (attempt >= 100) throw DomainError("db_busy", source.path());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return dest;
  });
}

// The snapshot's bytes, as the file a restore will write. Bytes 18 and 19 of the
// header say "WAL" when the source was; a restored file must be a
// self-contained rollback-mode file that needs no -wal, so they say "legacy".
class SnapshotBytes {
 public:
  explicit SnapshotBytes(SQLite::Database& snapshot) {
    sqlite3_int64 size = 0;
    data_ = sqlite3_serialize(snapshot.getHandle(), "main", &size, 0);
    if (!data_) throw DomainError("backup_write_failed", "out of memory for the snapshot");
    size_ = static_cast<std::size_t>(size);
    if (size_ > 19) data_[18] = data_[19] = 1;
  }
  ~SnapshotBytes() {
    sodium_memzero(data_, size_);
    sqlite3_free(data_);
  }
  SnapshotBytes(const SnapshotBytes&) = delete;
  SnapshotBytes& operator=(const SnapshotBytes&) = delete;
  const unsigned char* data() const { return data_; }
  std::size_t size() const { return size_; }
  // A writable in-memory copy (to add what only the backup carries).
  std::unique_ptr<SQLite::Database> openCopy() const {
    auto copy = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    auto* bytes = static_cast<unsigned char*>(sqlite3_malloc64(size_));
    if (!bytes) throw DomainError("backup_write_failed", "out of memory for the snapshot");
    std::memcpy(bytes, data_, size_);
    int rc = sqlite3_deserialize(copy->getHandle(), "main", bytes, static_cast<sqlite3_int64>(size_),
                                 static_cast<sqlite3_int64>(size_),
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK) throw DomainError("backup_write_failed", "snapshot: " + std::string(sqlite3_errstr(rc)));
    return copy;
  }
  // A read-only connection on these very bytes (no copy), to check them.
  std::unique_ptr<SQLite::Database> open() const {
    auto view = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    int rc = sqlite3_deserialize(view->getHandle(), "main", data_, static_cast<sqlite3_int64>(size_),
                                 static_cast<sqlite3_int64>(size_), SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK) throw DomainError("backup_write_failed", "snapshot: " + std::string(sqlite3_errstr(rc)));
    return view;
  }

 private:
  unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

bool hasTable(SQLite::Database& db, const char* name) {
  SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  return q.executeStep();
}

void removeSidecars(const std::string& db) {
  for (const char* suffix : {"-wal", "-shm", "-journal"}) removeQuietly(db + suffix);
}

// The old store's -wal folded into its own file, when it opens (a damaged one
// may not: it is what is being replaced).
void foldWal(const std::string& db) {
  std::error_code ec;
  if (!std::filesystem::exists(db + "-wal", ec)) return;
  try {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const SQLite::Exception&) {
  }
}

}  // namespace

SnapshotCheck checkSnapshot(const std::string& path) {
  try {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    return checkSnapshot(raw);
  } catch (const SQLite::Exception& e) {
    throw DomainError("backup_bad_file", std::string("not a readable database: ") + e.what());
  }
}

SnapshotCheck checkSnapshot(SQLite::Database& raw) {
  SnapshotCheck out;
  try {
    std::string integrity;
    SQLite::Statement q(raw, "PRAGMA integrity_check");
    while (q.executeStep()) integrity += (integrity.empty() ? "" : "; ") + q.getColumn(0).getString();
    if (integrity != "ok") throw DomainError("backup_bad_file", "integrity_check: " + integrity.substr(0, 300));
    out.schemaVersion = raw.execAndGet("PRAGMA user_version").getInt();
    for (const char* t : {"store_settings", "staff", "audit_log", "audit_head"})
      if (!hasTable(raw, t)) throw DomainError("backup_bad_file", std::string("not a Salon Kiosk database (no ") + t + ")");
    if (out.schemaVersion < 1) throw DomainError("backup_bad_file", "not a Salon Kiosk database");
    if (out.schemaVersion > latestSchemaVersion())
      throw DomainError("db_too_new", "schema " + std::to_string(out.schemaVersion) + " > " +
                                          std::to_string(latestSchemaVersion()));
    out.chain = verifyAuditChain(raw);
    if (!out.chain.ok)
      throw DomainError("audit_chain_broken",
                        "entry " + std::to_string(out.chain.firstBrokenSeq) + ": " + out.chain.problem);
    out.staff = raw.execAndGet("SELECT count(*) FROM staff").getInt64();
  } catch (const SQLite::Exception& e) {
    throw DomainError("backup_bad_file", std::string("not a readable database: ") + e.what());
  }
  return out;
}

std::string backupHeadPath(const std::string& backupFile) { return backupFile + ".head"; }

// The audit chain's head beside the backup, readable without its password:
// "N:HASH", what `verify --expect-head` takes. A rewritten chain in the live
// database then contradicts every backup taken before the rewrite.
void writeHeadNote(const std::string& backupFile, const ChainReport& chain) {
  std::string dir = directoryOf(backupFile);
  TempFile note(dir, "." + std::filesystem::path(backupFile).filename().string() + ".head.part-");
  std::string text = chainHeadText({chain.headSeq, chain.headHash}) + "\n";
  note.write(text.data(), text.size());
  note.finish();
  note.commitAs(backupHeadPath(backupFile));
}

BackupSummary writeBackup(Database& db, const std::string& target, const std::string& password, BackupCost cost) {
  if (password.empty()) throw DomainError("backup_password_missing", target);
  if (!isAcceptableBackupPassword(password)) throw DomainError("backup_password_weak", "8");
  std::error_code ec;
  if (std::filesystem::exists(target, ec) && std::filesystem::equivalent(target, db.path(), ec))
    throw DomainError("bad_input", "--to " + target + " is the database itself");
  std::string dir = directoryOf(target);
  std::string name = std::filesystem::path(target).filename().string();
  removeStaleTemporaries(dir);
  BackupSummary summary;
  summary.file = target;
  TempFile sealed(dir, "." + name + ".part-");
  {
    auto snapshot = snapshotInMemory(db);
    // The card-signing seed lives in card.key, not in the database: the encrypted
    // backup carries it in a table of the snapshot alone (added to a rollback-mode
    // copy: the memdb snapshot still says WAL).
    auto withKey = SnapshotBytes(*snapshot).openCopy();
    snapshot.reset();
    guarded([&] { putSeedInSnapshot(*withKey, currentCardSeed(db)); });
    SnapshotBytes bytes(*withKey);
    withKey.reset();
    try {
      // A backup that restore would refuse is no backup: say so now, not on the
      // day it is needed.
      auto view = bytes.open();
      summary.snapshot = checkSnapshot(*view);
    } catch (const DomainError& e) {
      throw DomainError("backup_source_damaged", db.path() + ": " + e.code() + ": " + e.detail());
    }
    encryptBackup(bytes.data(), bytes.size(), sealed, password, cost);
  }
  sealed.commitAs(target);
  summary.bytes = static_cast<std::int64_t>(std::filesystem::file_size(target));
  writeHeadNote(target, summary.snapshot.chain);
  return summary;
}

RestoreCandidate::RestoreCandidate(const std::string& backupFile, const std::string& targetDb,
                                   const std::string& password)
    : target_(targetDb) {
  if (password.empty()) throw DomainError("backup_password_missing", backupFile);
  std::error_code ec;
  if (std::filesystem::exists(targetDb, ec) && std::filesystem::equivalent(backupFile, targetDb, ec))
    throw DomainError("bad_input", backupFile + " is the database to replace");
  std::string name = std::filesystem::path(targetDb).filename().string();
  makePrivateDirectory(directoryOf(targetDb));  // a fresh machine may have no data folder yet
  file_ = std::make_unique<TempFile>(directoryOf(targetDb), "." + name + ".restore-");
  decryptBackup(backupFile, *file_, password);
  file_->finish();
}

RestoreCandidate::~RestoreCandidate() {
  db_.reset();
  if (file_) removeSidecars(file_->path());
}

const SnapshotCheck& RestoreCandidate::check() {
  if (!checked_) {
    check_ = checkSnapshot(file_->path());
    checked_ = true;
  }
  return check_;
}

Database& RestoreCandidate::database() {
  check();
  if (!db_) {
    OpenOptions o{OpenMode::Existing, false};
    o.moveCardKey = false;  // its seed is placed only once the restore is authorised
    db_ = Database::open(file_->path(), o);
  }
  return *db_;
}

void RestoreCandidate::install(bool replace) {
  check();
  db_.reset();
  // Fold everything into the main file and leave rollback mode, so nothing the
  // restored database needs stays behind in a -wal of the temporary name.
  guarded([&] {
    SQLite::Database raw(file_->path(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    raw.exec("PRAGMA journal_mode = DELETE");
  });
  removeSidecars(file_->path());
  std::error_code ec;
  if (std::filesystem::exists(target_, ec) && !replace) throw DomainError("restore_target_exists", target_);
  // A stale -wal beside the new file would be replayed into it: remove it first,
  // once whatever the old store still had in it is folded into the old file (a
  // kill before the rename then leaves the old store whole).
  foldWal(target_);
  removeSidecars(target_);
  // One rename makes the restore: before it the old store (and its card.key) is
  // untouched, after it the restored one is complete.
  file_->commitAs(target_);
  // Then the backup's card-signing seed goes to card.key beside it (the caller
  // authorised the restore before installing) and out of the database; a kill
  // between the two is finished by the next open (moveCardSeedOut).
  guarded([&] {
    SQLite::Database raw(target_, SQLite::OPEN_READWRITE);
    takeSeedFromRestored(raw, target_);
  });
  removeSidecars(target_);
}

}  // namespace salon::storage
