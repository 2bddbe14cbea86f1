#include "storage/auto_backup.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/backup.h"
#include "storage/backup_password.h"
#include "storage/database.h"
#include "storage/private_file.h"
#include "storage/settings_store.h"

namespace salon::storage {
namespace {

constexpr const char* kPrefix = "salon-";
constexpr const char* kSuffix = ".skbak";

}  // namespace

std::string autoBackupFileName(Instant t, StoreZone zone) {
  CivilDate d = localDate(t, zone);
  std::int64_t secondOfDay = (t - startOfLocalDay(d, zone)) / kSecond;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%04d%02d%02d-%02d%02d%02d%s", kPrefix, d.year, d.month, d.day,
                static_cast<int>(secondOfDay / 3600), static_cast<int>(secondOfDay / 60 % 60),
                static_cast<int>(secondOfDay % 60), kSuffix);
  return buf;
}

std::optional<Instant> autoBackupTime(const std::string& name, StoreZone zone) {
  // salon-YYYYMMDD-HHMMSS.skbak: exactly, so nothing else in the folder is touched.
  if (name.size() != 27 || name.rfind(kPrefix, 0) != 0 || name.compare(21, 6, kSuffix) != 0 || name[14] != '-')
    return std::nullopt;
  for (std::size_t i : {6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20})
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
  CivilDate d;
  if (!parseDate(name.substr(6, 4) + "-" + name.substr(10, 2) + "-" + name.substr(12, 2), d)) return std::nullopt;
  int h = std::stoi(name.substr(15, 2)), m = std::stoi(name.substr(17, 2)), s = std::stoi(name.substr(19, 2));
  if (h > 23 || m > 59 || s > 59) return std::nullopt;
  return startOfLocalDay(d, zone) + ((h * 60 + m) * 60 + s) * kSecond;
}

namespace {

int settingInRange(Database& db, const char* key, int fallback, int low, int high) {
  auto text = readSetting(db.sql(), key);
  if (!text) return fallback;
  try {
    int v = std::stoi(*text);
    return v < low ? low : v > high ? high : v;
  } catch (const std::exception&) {
    return fallback;
  }
}

}  // namespace

AutoBackupSettings autoBackupSettingsFor(Database& db, const std::string& dataDir) {
  AutoBackupSettings s;
  s.dbPath = db.path();
  s.dataDir = dataDir;
  s.every = settingInRange(db, "backup.every_hours", 6, 1, 168) * kHour;
  s.keep = settingInRange(db, "backup.keep", 14, 1, 365);
  s.zone.offsetMinutes = settingInRange(db, "store.zone_offset_minutes", 480, -720, 840);
  return s;
}

AutoBackup::AutoBackup(AutoBackupSettings settings, const Clock& clock, Listener listener)
    : settings_(std::move(settings)), clock_(clock), listener_(std::move(listener)) {}

AutoBackup::~AutoBackup() { stop(); }

std::string AutoBackup::directory() const { return (std::filesystem::path(settings_.dataDir) / "backups").string(); }

std::vector<std::string> AutoBackup::backups() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(directory(), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_regular_file() && autoBackupTime(name, settings_.zone)) names.push_back(name);
  }
  // The names sort by time.
  std::sort(names.rbegin(), names.rend());
  return names;
}

Instant AutoBackup::nextDue() const { return nextDue_.load(); }

bool AutoBackup::runDue(Instant now) {
  AutoBackupReport report;
  {
    std::lock_guard<std::mutex> lock(runMutex_);
    if (!scheduled_) {
      // After a restart, carry on from the newest backup on disk; one from the
      // future (the clock was wrong) does not delay the next.
      auto names = backups();
      auto newest = names.empty() ? std::nullopt : autoBackupTime(names.front(), settings_.zone);
      nextDue_ = newest && *newest <= now ? *newest + settings_.every : now;
      scheduled_ = true;
    }
    if (now < nextDue_) return false;
    report = runOnce(now);
    nextDue_ = now + (report.ok ? settings_.every : std::min(settings_.retryAfterFailure, settings_.every));
  }
  if (listener_) listener_(report);
  return true;
}

AutoBackupReport AutoBackup::runOnce(Instant now) {
  AutoBackupReport report;
  report.at = now;
  try {
    auto password = loadBackupPassword(settings_.dataDir);
    if (!password) throw DomainError("backup_password_missing", backupKeyPath(settings_.dataDir));
    makePrivateDirectory(directory());
    // The backups folder is the kiosk's own: private even if someone made it 0755.
    ::chmod(directory().c_str(), 0700);
    removeStaleTemporaries(directory());
    std::string name = autoBackupFileName(now, settings_.zone);
    std::string target = (std::filesystem::path(directory()) / name).string();
    // Its own connection: the kiosk's stays free for the counter.
    auto db = Database::open(settings_.dbPath, {OpenMode::Existing, false});
    BackupSummary summary = writeBackup(*db, target, *password, settings_.cost);
    db->write([&](SQLite::Database& s) {
      appendAudit(s, auditOf(now, "", "data.backup", "backup", name,
                             "automatic; audit head " + std::to_string(summary.snapshot.chain.headSeq)));
    });
    report.ok = true;
    report.file = target;
    report.bytes = summary.bytes;
    rotate(report);
  } catch (const DomainError& e) {
    report.errorCode = e.code();
    report.detail = e.detail();
  } catch (const std::exception& e) {
    report.errorCode = "backup_write_failed";
    report.detail = e.what();
  }
  return report;
}

// Only after a success, so a run of failures never eats the good backups.
void AutoBackup::rotate(AutoBackupReport& report) const {
  auto names = backups();
  for (std::size_t i = static_cast<std::size_t>(std::max(settings_.keep, 1)); i < names.size(); ++i) {
    std::string path = (std::filesystem::path(directory()) / names[i]).string();
    std::error_code ec;
    if (std::filesystem::remove(path, ec)) report.removed.push_back(names[i]);
    std::filesystem::remove(backupHeadPath(path), ec);  // its audit head note goes with it
  }
}

void AutoBackup::start() {
  std::lock_guard<std::mutex> lock(stopMutex_);
  if (worker_.joinable()) return;
  stopping_ = false;
  worker_ = std::thread([this] {
    std::unique_lock<std::mutex> lk(stopMutex_);
    while (!stopping_) {
      lk.unlock();
      runDue(clock_.now());
      lk.lock();
      wake_.wait_for(lk, settings_.tick, [this] { return stopping_; });
    }
  });
}

void AutoBackup::stop() {
  {
    std::lock_guard<std::mutex> lock(stopMutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

}  // namespace salon::storage
