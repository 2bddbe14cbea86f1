#pragma once
// Statements prepared once per connection and kept for the next call. Settling a
// sale runs some thirty statements; preparing each anew spent 40 % of the settle's
// CPU in SQLite's parser (checkout_bench under perf). A connection opened through
// storage::Database keeps its statements, keyed by their SQL text; any other
// connection (a test's raw one) gets a fresh statement each time, as before.
//
//   Prepared q(db, "SELECT fingerprint FROM sales WHERE id = ?");
//   q->bind(1, id);
//   if (q->executeStep()) ...
//
// The statement is reset and its bindings cleared when `q` goes, so no read stays
// open between calls (an open read would pin the WAL snapshot).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace salon::storage {

// One connection's kept statements. Owned by storage::Database, declared after its
// connection so the statements are finalized before the connection closes.
class StatementShelf {
 public:
  explicit StatementShelf(SQLite::Database& db);
  ~StatementShelf();
  StatementShelf(const StatementShelf&) = delete;
  StatementShelf& operator=(const StatementShelf&) = delete;

  struct Kept {
    std::unique_ptr<SQLite::Statement> q;
    bool inUse = false;
  };
  // The kept statement for `sql`, or null when it is in use already (a nested
  // call) or the shelf is full: the caller then prepares its own.
  Kept* take(const std::string& sql);
  void putBack(Kept& k);

 private:
  SQLite::Database& db_;
  std::mutex lock_;  // a connection opened FULLMUTEX may be reached from two threads
  std::unordered_map<std::string, Kept> kept_;
};

class Prepared {
 public:
  Prepared(SQLite::Database& db, const std::string& sql);
  ~Prepared();
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  SQLite::Statement& operator*() const { return *q_; }
  SQLite::Statement* operator->() const { return q_; }

 private:
  StatementShelf* shelf_ = nullptr;
  StatementShelf::Kept* kept_ = nullptr;
  std::unique_ptr<SQLite::Statement> own_;
  SQLite::Statement* q_ = nullptr;
};

}  // namespace salon::storage
