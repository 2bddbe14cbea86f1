#pragma once
// Database upkeep off the UI thread, each on its own connection:
//  - Checkpointer: PRAGMA wal_checkpoint(PASSIVE) every few seconds. The kiosk's
//    own connection opens with autoCheckpoint=false, so a commit at the counter
//    never pays for a checkpoint.
//  - BackgroundQuickCheck: PRAGMA quick_check once, after the first frame; the
//    result ("ok" or the problem) goes to a callback and the UI shows a failure.
// Callbacks run on the worker thread: hand them to the UI's queue. Destructors
// stop the work and join.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace salon::storage {

class Database;

class Checkpointer {
 public:
  using Listener = std::function<void(const std::string& problem)>;
  // Opens its connection now (DomainError if it cannot), then checkpoints every `every`.
  Checkpointer(const std::string& dbPath, std::chrono::milliseconds every = std::chrono::seconds(5),
               Listener onFailure = {});
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  std::int64_t checkpoints() const { return done_.load(); }
  // Times this worker started the WAL over after a whole checkpoint.
  std::int64_t logStarts() const { return starts_.load(); }

 private:
  void loop();
  void round();

  std::unique_ptr<Database> db_;
  std::chrono::milliseconds every_;
  Listener onFailure_;
  std::atomic<std::int64_t> done_{0};
  std::atomic<std::int64_t> starts_{0};
  // What the last round saw: nothing new since (same data_version) and nothing
  // left to copy means there is nothing to do, and the disk stays idle.
  std::int64_t seenVersion_ = -1;
  bool allCopied_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread worker_;
};

struct QuickCheckResult {
  bool ok = false;
  std::string text;  // "ok", or what SQLite found wrong (or why it could not look)
};

class BackgroundQuickCheck {
 public:
  using Listener = std::function<void(const QuickCheckResult&)>;
  BackgroundQuickCheck(std::string dbPath, Listener listener);
  // Interrupts a check still running (the kiosk is closing) and joins.
  ~BackgroundQuickCheck();
  BackgroundQuickCheck(const BackgroundQuickCheck&) = delete;
  BackgroundQuickCheck& operator=(const BackgroundQuickCheck&) = delete;

 private:
  void run(const std::string& dbPath);

  Listener listener_;
  std::mutex mutex_;
  Database* running_ = nullptr;  // the connection to interrupt, while it is checking
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace salon::storage
