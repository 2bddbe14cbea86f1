#pragma once
// When the kiosk cannot use its database (damaged, empty, missing tables,
// read-only, disk full, written by a newer kiosk, locked by another program):
// what went wrong, the short code the person reads out to support, and the port
// the recovery screen uses to try again or to restore the newest automatic backup.
#include <cstdint>
#include <optional>
#include <string>

#include "app/core/clock.h"

namespace salon {

struct StoreProblem {
  std::string code;    // a DomainError code: db_corrupt, db_empty_file, db_too_new, ...
  std::string detail;  // for the log and support, never the person's message
};

// True for the codes that mean "this database cannot be used as it is" (the
// recovery screen's cases), false for ordinary refusals.
bool isStoreProblem(const std::string& code);

// "D1-7F3A": the kind of problem and four hex digits of its detail, short
// enough to read out on the phone; the same problem gives the same code.
std::string supportCodeOf(const StoreProblem& p);

// An automatic backup on this machine.
struct BackupOnHand {
  std::string file;  // full path
  std::string name;  // file name
  std::string takenAt;  // "2026-11-22 14:05", the store's local time (from the name)
  std::int64_t bytes = 0;
};

// Port: implemented by storage (storage/store_rescue.h).
class StoreRescue {
 public:
  virtual ~StoreRescue() = default;
  // The database file, as shown to the person and to support.
  virtual std::string where() const = 0;
  // Opens and probes the database, then closes it: nullopt when it can be used.
  virtual std::optional<StoreProblem> check() = 0;
  // The newest automatic backup, if there is one.
  virtual std::optional<BackupOnHand> newestBackup() = 0;
  // Decrypts and checks `backup`, signs `staffCode` in with `pin` against it
  // (an admin is required), audits the restore and puts it in place; the unusable
  // database is kept beside it under a ".damaged-" name. Throws DomainError.
  virtual void restore(const BackupOnHand& backup, const std::string& password, const std::string& staffCode,
                       const std::string& pin) = 0;
};

}  // namespace salon
