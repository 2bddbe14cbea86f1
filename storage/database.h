#pragma once
// One SQLite connection to the store's database: opened with the store's pragmas,
// migrated to the latest schema in one transaction, and never modified when it
// was written by a newer version of the kiosk.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "app/core/error.h"

namespace salon::storage {

enum class OpenMode {
  Create,    // read-write; creates the file and migrates it
  Existing,  // read-write; the file must exist already
  ReadOnly,  // SQLITE_OPEN_READONLY; never migrated
};

struct OpenOptions {
  OpenMode mode = OpenMode::Create;
  // The kiosk checkpoints the WAL from a worker (see Checkpointer); the CLI lets
  // SQLite do it after each commit.
  bool autoCheckpoint = true;
  int busyTimeoutMs = 5000;
  // For the full-disk tests: PRAGMA max_page_count after opening (0 = no limit).
  long maxPageCount = 0;
  // A store's card-signing seed still in the database moves to card.key beside
  // it (storage/card_key_file.h); off for a restore's candidate until it is authorised.
  bool moveCardKey = true;
  // A commit's WAL frames go to the file in one write (storage/wal_coalesce.h);
  // off only to compare with SQLite's own VFS (checkout_bench --plain-vfs).
  bool holdWalFrames = true;
};

class StatementShelf;

class Database {
 public:
  static std::unique_ptr<Database> open(const std::string& path, OpenOptions options = {});
  ~Database();

  SQLite::Database& sql() { return db_; }
  const std::string& path() const { return path_; }
  bool readOnly() const { return readOnly_; }
  int schemaVersion();

  // Runs `work` inside one BEGIN IMMEDIATE transaction: committed if it returns,
  // rolled back if it throws. SQLite errors come out as DomainError.
  void write(const std::function<void(SQLite::Database&)>& work);

  // PRAGMA quick_check: "ok" or what is wrong.
  std::string quickCheck();
  // PRAGMA wal_checkpoint(PASSIVE). True when every frame in the WAL (maybe none)
  // is now in the database file, so the next commit starts the WAL over.
  bool checkpoint();
  // Starts the WAL over now, on this connection, by writing page 1 back as it
  // is (PRAGMA application_id set to its own value: no data changes). Starting
  // over costs SQLite a second fdatasync (the new WAL header); done here, the
  // next sale at the counter appends to a WAL already started and pays one.
  void startLogOver();
  // PRAGMA data_version: changes when another connection commits.
  std::int64_t dataVersion();

 private:
  Database(const std::string& path, int flags, int busyMs, const char* vfs);
  SQLite::Database db_;
  std::unique_ptr<StatementShelf> statements_;  // after db_: finalized before it closes
  std::string path_;
  bool readOnly_ = false;
};

// Maps SQLite failures to the errors a person can act on:
// db_readonly, disk_full, db_corrupt, db_busy, db_error.
DomainError translateSqliteError(const SQLite::Exception& e);

// Runs `fn`, turning any SQLite exception into a DomainError.
template <class F>
auto guarded(F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    throw translateSqliteError(e);
  }
}

}  // namespace salon::storage
