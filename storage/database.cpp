#include "storage/database.h"

#include "storage/prepared.h"

#include <sqlite3.h>

#include <filesystem>
#include <iostream>

#include "storage/card_key_file.h"
#include "storage/migrations.h"
#include "storage/wal_coalesce.h"

namespace salon::storage {

int latestSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

DomainError translateSqliteError(const SQLite::Exception& e) {
  switch (e.getErrorCode()) {
    case SQLITE_READONLY: return DomainError("db_readonly", e.what());
    case SQLITE_FULL: return DomainError("disk_full", e.what());
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return DomainError("db_corrupt", e.what());
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DomainError("db_busy", e.what());
    case SQLITE_CANTOPEN: return DomainError("db_cantopen", e.what());
    default: return DomainError("db_error", e.what());
  }
}

Database::Database(const std::string& path, int flags, int busyMs, const char* vfs)
    : db_(path.c_str(), flags, busyMs, vfs),
      statements_(std::make_unique<StatementShelf>(db_)),
      path_(path),
      readOnly_((flags & SQLITE_OPEN_READONLY) != 0) {}

Database::~Database() = default;

namespace {

int flagsFor(OpenMode mode) {
  switch (mode) {
    case OpenMode::Create: return SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX;
    case OpenMode::Existing: return SQLite::OPEN_READWRITE | SQLite::OPEN_FULLMUTEX;
    case OpenMode::ReadOnly: return SQLite::OPEN_READONLY | SQLite::OPEN_FULLMUTEX;
  }
  return 0;
}

void migrate(SQLite::Database& db, int from) {
  db.exec("BEGIN IMMEDIATE");
  try {
    for (const Migration& m : migrations()) {
      if (m.version <= from) continue;
      db.exec(m.sql);
      db.exec("PRAGMA user_version = " + std::to_string(m.version));
    }
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

// A failure leaves the seed in the table, where signing still finds it; the
// next open tries again.
void moveCardKeyOut(Database& d) {
  try {
    moveCardSeedOut(d);
  } catch (const DomainError& e) {
    std::cerr << "card key stays in the database for now: " << e.code() << " " << e.detail() << "\n";
  }
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& path, OpenOptions options) {
  return guarded([&] {
    if (options.mode != OpenMode::Create && path != ":memory:" && !std::filesystem::exists(path))
      throw DomainError("db_missing", path);
    // An existing empty file is a store that lost its contents (truncated by a
    // crash or a mistake), never a place for a new store: that would hide the loss.
    std::error_code ec;
    if (path != ":memory:" && std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) == 0 && !ec)
      throw DomainError("db_empty_file", path);
    std::unique_ptr<Database> d(new Database(path, flagsFor(options.mode), options.busyTimeoutMs,
                                            options.holdWalFrames ? coalescingVfsName() : nullptr));
    SQLite::Database& db = d->db_;
    // Read the version before anything writes to the file: a database from a newer
    // kiosk must be left exactly as it is.
    int version = d->schemaVersion();
    if (version > latestSchemaVersion())
      throw DomainError("db_too_new", path + " (schema " + std::to_string(version) + " > " +
                                          std::to_string(latestSchemaVersion()) + ")");
    db.exec("PRAGMA foreign_keys = ON");
    if (d->readOnly_) {
      db.exec("PRAGMA query_only = ON");
      return d;
    }
    if (options.maxPageCount > 0) db.exec("PRAGMA max_page_count = " + std::to_string(options.maxPageCount));
    db.exec("PRAGMA journal_mode = WAL");
    // Money and records are written on every connection: FULL fsyncs each commit.
    db.exec("PRAGMA synchronous = FULL");
    if (!options.autoCheckpoint) db.exec("PRAGMA wal_autocheckpoint = 0");
    if (version < latestSchemaVersion()) migrate(db, version);
    if (options.moveCardKey) moveCardKeyOut(*d);
    return d;
  });
}

int Database::schemaVersion() {
  return guarded([&] { return db_.execAndGet("PRAGMA user_version").getInt(); });
}

void Database::write(const std::function<void(SQLite::Database&)>& work) {
  guarded([&] {
    db_.exec("BEGIN IMMEDIATE");
    try {
      work(db_);
      db_.exec("COMMIT");
    } catch (...) {
      // A failed COMMIT (disk full) may already have rolled back; ignore that.
      sqlite3_exec(db_.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  });
}

std::string Database::quickCheck() {
  return guarded([&] {
    SQLite::Statement q(db_, "PRAGMA quick_check");
    std::string out;
    while (q.executeStep()) {
      if (!out.empty()) out += "\n";
      out += q.getColumn(0).getString();
    }
    return out;
  });
}

bool Database::checkpoint() {
  return guarded([&] {
    SQLite::Statement q(db_, "PRAGMA wal_checkpoint(PASSIVE)");
    if (!q.executeStep()) return false;
    const int busy = q.getColumn(0).getInt(), frames = q.getColumn(1).getInt(), done = q.getColumn(2).getInt();
    return busy == 0 && frames == done;  // an empty WAL too: its next commit writes a new header
  });
}

void Database::startLogOver() {
  write([](SQLite::Database& s) {
    const int id = s.execAndGet("PRAGMA application_id").getInt();
    s.exec("PRAGMA application_id = " + std::to_string(id));
  });
}

std::int64_t Database::dataVersion() {
  return guarded([&] { return db_.execAndGet("PRAGMA data_version").getInt64(); });
}

}  // namespace salon::storage
