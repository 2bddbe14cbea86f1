#include "storage/maintenance.h"

#include <sqlite3.h>

#include "app/core/error.h"
#include "storage/database.h"

namespace salon::storage {

Checkpointer::Checkpointer(const std::string& dbPath, std::chrono::milliseconds every, Listener onFailure)
    : db_(Database::open(dbPath, {OpenMode::Existing, false})), every_(every), onFailure_(std::move(onFailure)) {
  worker_ = std::thread([this] { loop(); });
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void Checkpointer::loop() {
  std::unique_lock<std::mutex> lk(mutex_);
  while (!wake_.wait_for(lk, every_, [this] { return stopping_; })) {
    lk.unlock();
    try {
      round();
    } catch (const DomainError& e) {
      if (onFailure_) onFailure_(e.what());
    }
    lk.lock();
  }
}

// Copies the WAL into the database and, when all of it went, starts the WAL over
// here: the counter's next commit then appends to a started WAL (one fdatasync)
// instead of starting it itself (two). This connection's own write does not
// change its data_version, so an idle store is left alone after that.
void Checkpointer::round() {
  const std::int64_t version = db_->dataVersion();
  if (version == seenVersion_ && allCopied_) return;
  allCopied_ = db_->checkpoint();
  done_++;
  if (allCopied_) {
    db_->startLogOver();
    starts_++;
  }
  seenVersion_ = version;
}

BackgroundQuickCheck::BackgroundQuickCheck(std::string dbPath, Listener listener) : listener_(std::move(listener)) {
  worker_ = std::thread([this, path = std::move(dbPath)] { run(path); });
}

BackgroundQuickCheck::~BackgroundQuickCheck() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    if (running_) sqlite3_interrupt(running_->sql().getHandle());
  }
  worker_.join();
}

void BackgroundQuickCheck::run(const std::string& dbPath) {
  QuickCheckResult result;
  try {
    auto db = Database::open(dbPath, {OpenMode::ReadOnly});
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
      running_ = db.get();
    }
    try {
      result.text = db->quickCheck();
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      running_ = nullptr;
      throw;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    running_ = nullptr;
    result.ok = result.text == "ok";
  } catch (const std::exception& e) {
    result.ok = false;
    result.text = e.what();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;  // interrupted on purpose: nothing to report
  }
  if (listener_) listener_(result);
}

}  // namespace salon::storage
