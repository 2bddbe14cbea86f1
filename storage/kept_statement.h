#pragma once
// A statement prepared once on a connection and kept for the next call: reads
// that run on every tap (the day book) skip SQLite's parse and plan. Each use
// resets it on the way out, so no read stays open between calls (an open read
// would pin the WAL snapshot and block the connection's next write).
#include <SQLiteCpp/SQLiteCpp.h>

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

}  // namespace salon::storage
