#pragma once
// Rotating automatic backups while the kiosk runs: every `every` hours a backup
// `<datadir>/backups/salon-YYYYMMDD-HHMMSS.skbak` (store's local time), the newest
// `keep` kept, each outcome reported (the UI shows a failed backup). The password
// is read from `<datadir>/backup.key` at each run, so a new password set on the
// settings screen applies to the next backup.
//
// The schedule is `runDue(now)`: tests drive it with a ManualClock; the worker
// thread only calls it with its clock every `tick`.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/core/clock.h"
#include "storage/backup_file.h"
#include "storage/database.h"

namespace salon::storage {

struct AutoBackupSettings {
  std::string dbPath;
  std::string dataDir;
  std::int64_t every = 6 * kHour;
  int keep = 14;
  std::int64_t retryAfterFailure = 15 * kMinute;
  StoreZone zone;
  BackupCost cost = BackupCost::standard();
  std::chrono::milliseconds tick{30000};
};

// The kiosk's schedule from the store's settings: `backup.every_hours` (default 6,
// 1 to 168), `backup.keep` (default 14, 1 to 365), `store.zone_offset_minutes`.
// The database is the store's; backups go under `dataDir`.
AutoBackupSettings autoBackupSettingsFor(Database& db, const std::string& dataDir);

struct AutoBackupReport {
  bool ok = false;
  Instant at = 0;
  std::string file;                  // the new backup (when ok)
  std::int64_t bytes = 0;
  std::vector<std::string> removed;  // older backups rotated away
  std::string errorCode;             // DomainError code when not ok
  std::string detail;
};

// "salon-20261122-140503.skbak" for `t` in `zone`, and back.
std::string autoBackupFileName(Instant t, StoreZone zone);
std::optional<Instant> autoBackupTime(const std::string& fileName, StoreZone zone);

class AutoBackup {
 public:
  // Called on the worker thread (or the caller of runDue): hand it to the UI's queue.
  using Listener = std::function<void(const AutoBackupReport&)>;
  AutoBackup(AutoBackupSettings settings, const Clock& clock, Listener listener);
  ~AutoBackup();
  AutoBackup(const AutoBackup&) = delete;
  AutoBackup& operator=(const AutoBackup&) = delete;

  // Takes a backup if one is due at `now`; true when it tried (and reported).
  bool runDue(Instant now);
  // The worker thread: calls runDue(clock.now()) every tick until stop().
  void start();
  void stop();

  std::string directory() const;
  // The automatic backups present, newest first (file names only).
  std::vector<std::string> backups() const;
  Instant nextDue() const;

 private:
  AutoBackupReport runOnce(Instant now);
  void rotate(AutoBackupReport& report) const;

  AutoBackupSettings settings_;
  const Clock& clock_;
  Listener listener_;
  std::mutex runMutex_;  // one run at a time
  bool scheduled_ = false;
  std::atomic<Instant> nextDue_{0};  // read by the UI without waiting for a run

  std::mutex stopMutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace salon::storage
