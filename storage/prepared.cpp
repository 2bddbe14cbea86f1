#include "storage/prepared.h"

#include <sqlite3.h>

#include <mutex>

namespace salon::storage {
namespace {

// Which connections keep statements. A handle is only ever used by one thread at
// a time (each worker owns its connection); the lock covers the map itself.
constexpr std::size_t kMaxKept = 256;  // a few hundred distinct statements in the whole program

std::mutex& shelvesLock() {
  static std::mutex m;
  return m;
}

std::unordered_map<sqlite3*, StatementShelf*>& shelves() {
  static std::unordered_map<sqlite3*, StatementShelf*> s;
  return s;
}

StatementShelf* shelfOf(SQLite::Database& db) {
  std::lock_guard<std::mutex> lock(shelvesLock());
  auto it = shelves().find(db.getHandle());
  return it == shelves().end() ? nullptr : it->second;
}

}  // namespace

StatementShelf::StatementShelf(SQLite::Database& db) : db_(db) {
  std::lock_guard<std::mutex> lock(shelvesLock());
  shelves()[db.getHandle()] = this;
}

StatementShelf::~StatementShelf() {
  std::lock_guard<std::mutex> lock(shelvesLock());
  shelves().erase(db_.getHandle());
}

StatementShelf::Kept* StatementShelf::take(const std::string& sql) {
  std::lock_guard<std::mutex> lock(lock_);
  auto it = kept_.find(sql);
  if (it == kept_.end()) {
    if (kept_.size() >= kMaxKept) return nullptr;
    auto q = std::make_unique<SQLite::Statement>(db_, sql);  // throws before anything is kept
    it = kept_.emplace(sql, Kept{std::move(q), false}).first;
  }
  if (it->second.inUse) return nullptr;
  it->second.inUse = true;
  return &it->second;
}

void StatementShelf::putBack(Kept& k) {
  k.q->tryReset();
  k.q->clearBindings();
  std::lock_guard<std::mutex> lock(lock_);
  k.inUse = false;
}

Prepared::Prepared(SQLite::Database& db, const std::string& sql) : shelf_(shelfOf(db)) {
  if (shelf_) kept_ = shelf_->take(sql);
  if (kept_) {
    q_ = kept_->q.get();
  } else {
    own_ = std::make_unique<SQLite::Statement>(db, sql);
    q_ = own_.get();
  }
}

Prepared::~Prepared() {
  if (kept_) shelf_->putBack(*kept_);
}

}  // namespace salon::storage
