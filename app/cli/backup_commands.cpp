// salon-kiosk backup | restore | backup-password: encrypted copies of the store.
// The password comes from SALON_BACKUP_PASSWORD, or else from the kiosk's own
// backup.key beside the database (set on the settings screen).
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/cli.h"
#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/backup.h"
#include "storage/backup_restore.h"
#include "storage/backup_password.h"
#include "storage/private_file.h"

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

int restore(const Invocation& inv, const BackupArgs& a) {
  // Refused before anything is read or written: the existing file stays as it is.
  if (std::filesystem::exists(a.db) && !a.force) throw DomainError("restore_target_exists", a.db);
  const char* pin = std::getenv("SALON_PIN");
  if (!pin || !*pin) throw DomainError("pin_missing", a.staff);
  storage::RestoreRequest request{a.file, a.db, backupPassword(a.db), a.staff, pin, a.force, false};
  storage::RestoreResult r = storage::restoreBackup(request, *inv.clock);
  std::cout << "restored: " << a.db << " from " << a.file << " (schema " << r.check.schemaVersion
            << ", audit entries " << r.check.chain.entries << ", staff " << r.check.staff << ")\n";
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
