#pragma once
// Imports from another system, stored: each import is one transaction holding
// its record (file SHA-256, rows, control totals), the files, and the opening
// balances as ledger entries of kind 'opening' pointing at the import.
#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/core/appointment_import.h"
#include "app/core/customer_import.h"
#include "app/core/customer_import_packages.h"
#include "storage/database.h"

namespace salon::storage {

struct ImportRecord {
  std::string id, kind, fileName, sha256;  // kind: members, packages, appointments
  std::int64_t rows = 0, imported = 0;
  ImportTotals totals;
  Instant at = 0;
  std::string staff;
};

// The earlier import of the same file (same kind and SHA-256), if any.
std::optional<ImportRecord> findImport(SQLite::Database& db, const std::string& kind, const std::string& sha256);
// DomainError import_duplicate naming the earlier import, when there is one.
void refuseDuplicate(SQLite::Database& db, const std::string& kind, const std::string& sha256);
// The file number of the customer holding this member number, if any.
std::optional<std::string> fileNoOfMemberNo(SQLite::Database& db, const std::string& memberNo);

// The customer with this member number, else the one with this phone (when only
// one has it).
std::optional<CustomerId> customerByCardOrPhone(SQLite::Database& db, const std::string& key);

// The import record plus its audit entry and outbox row (inside the caller's transaction).
void recordImport(SQLite::Database& db, const ImportRecord& r, const std::string& sections);

// Every good row (read again from the file by `rows`) as a file (pending review,
// consent to confirm), its member number as printed (or a new one when it brings
// a tier or balances), its tier, and its balances as opening entries; new tiers
// first. One transaction: all or nothing. A phone registered at the counter since
// the check is refused (phone_in_use). The number of files imported.
std::size_t commitMemberImport(Database& db, GoodMemberRows& rows, const TierResolution& tiers,
                               const ImportRecord& record);

// Every good package row as a customer package of sessions_left sessions, with
// its opening entry in the package ledger; one transaction with the record.
// A package without an expiry date never expires.
void commitPackageImport(Database& db, const PackagePlan& plan, const ImportRecord& record);

// Every good appointment of the plan with its own audit entry and outbox row
// (as booked at the counter; clashes re-checked), and the import's record: one
// transaction, all or nothing.
void commitAppointmentImport(Database& db, const AppointmentImportPlan& plan, const ImportRecord& record);

}  // namespace salon::storage
