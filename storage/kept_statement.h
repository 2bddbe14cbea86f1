#pragma once
// A statement prepared once on a connection and kept for the next call: reads
// that run on every tap (the day book) skip SQLite's parse and plan. Each use
// resets it on the way out, so no read stays open between calls (an open read
// would pin the WAL snapshot and block the connection's next write).
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "storage/database.h"

namespace salon::storage {

class KeptStatement {
 public:
  KeptStatement(Database& db, std::string sql) : db_(db), sql_(std::move(sql)) {}

  // The statement while in use: bind, step, read; reset when this goes.
  class Use {
   public:
    explicit Use(SQLite::Statement& q) : q_(q) {}
    ~Use() { q_.tryReset(); }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    SQLite::Statement& operator*() const { return q_; }
    SQLite::Statement* operator->() const { return &q_; }

   private:
    SQLite::Statement& q_;
  };

  // Prepared on first use (SQLite errors throw SQLite::Exception: callers guard).
  Use use() {
    if (!q_) q_ = std::make_unique<SQLite::Statement>(db_.sql(), sql_);
    return Use(*q_);
  }

 private:
  Database& db_;
  std::string sql_;
  std::unique_ptr<SQLite::Statement> q_;
};

// The same, for the one read hot enough that SQLiteCpp's per-cell Column objects
// show (each copies a shared pointer): the caller steps the raw statement.
class KeptRawStatement {
 public:
  KeptRawStatement(Database& db, std::string sql) : db_(db), sql_(std::move(sql)) {}
  KeptRawStatement(const KeptRawStatement&) = delete;
  KeptRawStatement& operator=(const KeptRawStatement&) = delete;
  ~KeptRawStatement() { sqlite3_finalize(q_); }

  class Use {
   public:
    explicit Use(sqlite3_stmt* q) : q_(q) {}
    ~Use() {
      sqlite3_reset(q_);
      sqlite3_clear_bindings(q_);
    }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    sqlite3_stmt* get() const { return q_; }
    // The next row (true), the end (false); an error throws like SQLiteCpp does.
    bool step() const {
      int rc = sqlite3_step(q_);
      if (rc == SQLITE_ROW) return true;
      if (rc != SQLITE_DONE) throw SQLite::Exception(sqlite3_db_handle(q_), rc);
      return false;
    }

   private:
    sqlite3_stmt* q_;
  };

  Use use() {
    if (!q_) {
      sqlite3* handle = db_.sql().getHandle();
      int rc = sqlite3_prepare_v3(handle, sql_.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &q_, nullptr);
      if (rc != SQLITE_OK) throw SQLite::Exception(handle, rc);
    }
    return Use(q_);
  }

 private:
  Database& db_;
  std::string sql_;
  sqlite3_stmt* q_ = nullptr;
};

}  // namespace salon::storage
