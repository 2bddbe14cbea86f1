// salon-kiosk backup | restore | backup-password: encrypted copies of the store.
// The password comes from SALON_BACKUP_PASSWORD, or else from the kiosk's own
// backup.key beside the database (set on the settings screen).
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/backup.h"
#include "storage/backup_password.h"
#include "storage/private_file.h"
#include "storage/staff_store.h"

namespace salon::cli {
namespace {

struct BackupArgs {
  std::string db, file, staff;
  bool force = false;
};

std::string backupPassword(const std::string& dbPath) {
  if (const char* env = std::getenv("SALON_BACKUP_PASSWORD"); env && *env) return env;
  if (auto saved = storage::loadBackupPassword(storage::directoryOf(dbPath))) return *saved;
  throw DomainError("backup_password_missing", "SALON_BACKUP_PASSWORD");
}

std::string absolute(const std::string& path) { return std::filesystem::absolute(path).string(); }

int backup(const Invocation& inv, const BackupArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::Backup, "backup", absolute(a.file));
  std::string password = backupPassword(a.db);
  storage::BackupSummary s;
  try {
    s = storage::writeBackup(*db, a.file, password, storage::backupCostFromEnvironment());
  } catch (const DomainError& e) {
    AuditEntry failed = auditOf(inv.clock->now(), me.code, "data.backup", "backup", absolute(a.file), e.code());
    failed.outcome = "failed";
    try {
      audit.append(failed);
    } catch (const DomainError&) {
      // The disk may be what failed: the backup's own error is the one to show.
    }
    throw;
  }
  db->write([&](SQLite::Database& sql) {
    storage::appendAudit(sql, auditOf(inv.clock->now(), me.code, "data.backup", "backup", absolute(a.file),
                                      "audit head " + std::to_string(s.snapshot.chain.headSeq)));
  });
  std::cout << "backup: " << s.file << " (" << s.bytes << " bytes, schema " << s.snapshot.schemaVersion
            << ", audit entries " << s.snapshot.chain.entries << ")\n"
            << "chain head: " << s.snapshot.chain.headSeq << " " << s.snapshot.chain.headHash << "\n";
  return 0;
}

// A refused restore is recorded in the store's live database when there is one;
// on a fresh machine there is nothing to record it in.
class LiveDatabaseAudit : public AuditLog {
 public:
  explicit LiveDatabaseAudit(std::string path) : path_(std::move(path)) {}
  void append(const AuditEntry& entry) override {
    try {
      if (!std::filesystem::exists(path_)) return;
      auto db = openDatabase(path_);
      storage::SqliteAuditLog(*db).append(entry);
    } catch (const DomainError&) {
      // The refusal itself is what the person must see.
    }
  }

 private:
  std::string path_;
};

Staff signInForRestore(const Invocation& inv, const std::string& livePath, storage::Database& candidate,
                       const std::string& code) {
  if (std::filesystem::exists(livePath)) {
    auto live = openDatabase(livePath);
    if (storage::SqliteStaffStore(*live).findStaff(code)) return actAs(*live, *inv.clock, code);
  }
  return actAs(candidate, *inv.clock, code);
}

int restore(const Invocation& inv, const BackupArgs& a) {
  // Refused before anything is read or written: the existing file stays as it is.
  if (std::filesystem::exists(a.db) && !a.force) throw DomainError("restore_target_exists", a.db);
  storage::RestoreCandidate candidate(a.file, a.db, backupPassword(a.db));
  const storage::SnapshotCheck& check = candidate.check();
  storage::Database& db = candidate.database();
  // Sign in against the live store when it knows this code, so a wrong PIN
  // counts toward its lockout there; a fresh machine has no staff yet: then the
  // backup's own staff (that copy is discarded, so its count cannot grow).
  Staff me = signInForRestore(inv, a.db, db, a.staff);
  LiveDatabaseAudit live(a.db);
  Guard(live, *inv.clock).require(me, Action::Restore, "backup", absolute(a.file));
  Instant now = inv.clock->now();
  std::string id = newUuid();
  std::string reason = "from " + absolute(a.file) + "; audit head " + std::to_string(check.chain.headSeq);
  db.write([&](SQLite::Database& sql) {
    storage::appendAudit(sql, auditOf(now, me.code, "data.restore", "backup", absolute(a.file), reason));
    nlohmann::json payload = {{"headSeq", check.chain.headSeq}, {"headHash", check.chain.headHash}};
    storage::appendOutbox(sql, {id, "data.restored", payload.dump(), now});
  });
  candidate.install(a.force);
  std::cout << "restored: " << a.db << " from " << a.file << " (schema " << check.schemaVersion
            << ", audit entries " << check.chain.entries << ", staff " << check.staff << ")\n";
  return 0;
}

int setPassword(const Invocation& inv, const BackupArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ManageSettings, "settings", "backup.key");
  const char* pw = std::getenv("SALON_BACKUP_PASSWORD");
  if (!pw || !*pw) throw DomainError("backup_password_missing", "SALON_BACKUP_PASSWORD");
  std::string dir = storage::directoryOf(a.db);
  storage::saveBackupPassword(dir, pw);
  audit.append(auditOf(inv.clock->now(), me.code, "settings.backup_password", "settings", "backup.key"));
  std::cout << storage::backupKeyPath(dir) << "\n";
  return 0;
}

CLI::Option* addStaffOption(CLI::App* sub, std::string& staff) {
  return sub->add_option("--staff", staff, "Your staff code (PIN in SALON_PIN)")->required();
}

}  // namespace

void addBackupCommands(CLI::App& app, Invocation& inv) {
  auto args = std::make_shared<BackupArgs>();
  auto* b = app.add_subcommand("backup", "Write an encrypted backup (password in SALON_BACKUP_PASSWORD)");
  addDbOption(b, args->db);
  b->add_option("--to", args->file, "The backup file to write")->required();
  addStaffOption(b, args->staff);
  b->callback([&inv, args] { inv.run = [&inv, args] { return backup(inv, *args); }; });

  auto* r = app.add_subcommand("restore", "Check an encrypted backup and make it the store's database");
  r->add_option("--from", args->file, "The backup file to read")->required();
  addDbOption(r, args->db);
  r->add_flag("--force", args->force, "Replace an existing database");
  addStaffOption(r, args->staff);
  r->callback([&inv, args] { inv.run = [&inv, args] { return restore(inv, *args); }; });

  auto* p = app.add_subcommand("backup-password",
                               "Save SALON_BACKUP_PASSWORD as the kiosk's backup password (backup.key beside DB)");
  addDbOption(p, args->db);
  addStaffOption(p, args->staff);
  p->callback([&inv, args] { inv.run = [&inv, args] { return setPassword(inv, *args); }; });
}

}  // namespace salon::cli
