#include "storage/backup_restore.h"

#include <ctime>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/staff_store.h"

namespace salon::storage {
namespace {

std::string absolute(const std::string& path) { return std::filesystem::absolute(path).string(); }

// The live store, when it opens: a damaged one is what is being replaced.
std::unique_ptr<Database> openLive(const std::string& path) {
  try {
    if (!std::filesystem::exists(path)) return nullptr;
    OpenOptions o;
    o.mode = OpenMode::Existing;
    return Database::open(path, o);
  } catch (const DomainError&) {
    return nullptr;
  }
}

// A refused restore is recorded in the store's live database when there is one
// that opens; on a fresh machine (or a damaged store) there is nothing to record it in.
class LiveDatabaseAudit : public AuditLog {
 public:
  explicit LiveDatabaseAudit(std::string path) : path_(std::move(path)) {}
  void append(const AuditEntry& entry) override {
    try {
      if (auto db = openLive(path_)) SqliteAuditLog(*db).append(entry);
    } catch (const DomainError&) {
      // The refusal itself is what the person must see.
    }
  }

 private:
  std::string path_;
};

Staff signIn(const RestoreRequest& r, Database& candidate, const Clock& clock) {
  if (auto live = openLive(r.targetDb)) {
    SqliteStaffStore store(*live);
    if (store.findStaff(r.staffCode)) return StaffAuth(store, clock).signIn(r.staffCode, r.pin);
  }
  SqliteStaffStore store(candidate);
  return StaffAuth(store, clock).signIn(r.staffCode, r.pin);
}

// Keeps the database and its -wal/-shm as "<db>.damaged-<unix seconds>": a second
// name for the same file (a copy where links are not possible), never a rename,
// so a restore killed before its own rename leaves the store where it was
// rather than no store at all (which the next start would take for a new one).
std::string setAside(const std::string& db, Instant now) {
  std::string kept = db + ".damaged-" + std::to_string(now / 1000);
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) return "";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    if (!std::filesystem::exists(db + suffix, ec)) continue;
    std::filesystem::remove(kept + suffix, ec);
    std::filesystem::create_hard_link(db + suffix, kept + suffix, ec);
    if (ec) std::filesystem::copy_file(db + suffix, kept + suffix, ec);
    if (ec && *suffix == '\0') throw DomainError("restore_write_failed", db + ": " + ec.message());
  }
  return kept;
}

}  // namespace

RestoreResult restoreBackup(const RestoreRequest& r, const Clock& clock) {
  // Refused before anything is read or written: the existing file stays as it is.
  if (std::filesystem::exists(r.targetDb) && !r.replace) throw DomainError("restore_target_exists", r.targetDb);
  RestoreCandidate candidate(r.backupFile, r.targetDb, r.password);
  RestoreResult result;
  result.check = candidate.check();
  Database& db = candidate.database();
  Staff me = signIn(r, db, clock);
  LiveDatabaseAudit live(r.targetDb);
  Guard(live, clock).require(me, Action::Restore, "backup", absolute(r.backupFile));
  Instant now = clock.now();
  std::string id = newUuid();
  std::string reason = "from " + absolute(r.backupFile) + "; audit head " + std::to_string(result.check.chain.headSeq);
  db.write([&](SQLite::Database& sql) {
    appendAudit(sql, auditOf(now, me.code, "data.restore", "backup", absolute(r.backupFile), reason));
    nlohmann::json payload = {{"headSeq", result.check.chain.headSeq}, {"headHash", result.check.chain.headHash}};
    appendOutbox(sql, {id, "data.restored", payload.dump(), now});
  });
  if (r.keepDamaged) result.keptAs = setAside(r.targetDb, now);
  candidate.install(r.replace);
  return result;
}

}  // namespace salon::storage
