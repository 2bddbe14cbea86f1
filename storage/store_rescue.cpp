#include "storage/store_rescue.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "app/core/error.h"
#include "storage/backup_restore.h"
#include "storage/private_file.h"

namespace salon::storage {
namespace {

// Tables every screen reads from the first frame on (a file whose schema
// version says "current" but that lost them is not a store the kiosk can run).
const char* const kNeededTables[] = {"store_settings", "staff", "audit_log", "audit_head", "outbox", "catalog_items"};

// "salon-20261122-140503.skbak" -> "2026-11-22 14:05" (the name is the store's local time).
std::string shownTime(const std::string& name) {
  static const std::regex re("^salon-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(-[0-9a-zA-Z-]*)?\\.skbak$");
  std::smatch m;
  if (!std::regex_match(name, m, re)) return "";
  return m[1].str() + "-" + m[2].str() + "-" + m[3].str() + " " + m[4].str() + ":" + m[5].str();
}

}  // namespace

void probeStore(Database& db) {
  std::string missing;
  for (const char* table : kNeededTables) {
    SQLite::Statement q(db.sql(), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, table);
    if (q.executeStep() && q.getColumn(0).getInt() == 0) missing += (missing.empty() ? "" : ", ") + std::string(table);
  }
  if (!missing.empty()) throw DomainError("db_tables_missing", db.path() + ": " + missing);
}

std::optional<std::string> storeLanguageOf(const std::string& dbPath) {
  try {
    SQLite::Database raw(dbPath, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT value FROM store_settings WHERE key = 'language'");
    if (q.executeStep()) return q.getColumn(0).getString();
  } catch (const std::exception&) {
    // Damaged, empty, locked: the remembered language below.
  }
  std::ifstream f(std::filesystem::path(directoryOf(dbPath)) / "kiosk.language");
  std::string language;
  if (f >> language && (language == "zh-Hans" || language == "zh-Hant" || language == "en")) return language;
  return std::nullopt;
}

void rememberStoreLanguage(const std::string& dbPath, const std::string& language) {
  std::string path = (std::filesystem::path(directoryOf(dbPath)) / "kiosk.language").string();
  std::ifstream in(path);
  std::string old;
  if (in >> old && old == language) return;  // no write on an ordinary start
  std::ofstream(path, std::ios::trunc) << language << "\n";
}

FileStoreRescue::FileStoreRescue(std::string dbPath, const Clock& clock) : dbPath_(std::move(dbPath)), clock_(clock) {}

std::optional<StoreProblem> FileStoreRescue::check() {
  try {
    std::error_code ec;
    if (!std::filesystem::exists(dbPath_, ec)) return std::nullopt;  // the kiosk makes a new store there
    OpenOptions o;
    o.mode = OpenMode::Existing;
    auto db = Database::open(dbPath_, o);
    probeStore(*db);
    return std::nullopt;
  } catch (const DomainError& e) {
    return StoreProblem{e.code(), e.detail()};
  } catch (const SQLite::Exception& e) {
    DomainError d = translateSqliteError(e);
    return StoreProblem{d.code(), d.detail()};
  }
}

std::optional<BackupOnHand> FileStoreRescue::newestBackup() {
  namespace fs = std::filesystem;
  std::optional<BackupOnHand> newest;
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(directoryOf(dbPath_)) / "backups", ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::string when = shownTime(name);
    if (when.empty() || !it->is_regular_file()) continue;
    if (newest && newest->name > name) continue;  // the names sort by time
    std::error_code sizeError;
    auto bytes = static_cast<std::int64_t>(fs::file_size(it->path(), sizeError));
    newest = BackupOnHand{it->path().string(), name, when, sizeError ? 0 : bytes};
  }
  return newest;
}

void FileStoreRescue::restore(const BackupOnHand& backup, const std::string& password, const std::string& staffCode,
                              const std::string& pin) {
  RestoreRequest r{backup.file, dbPath_, password, staffCode, pin, /*replace=*/true, /*keepDamaged=*/true};
  restoreBackup(r, clock_);
}

}  // namespace salon::storage
