#include "storage/verify.h"

#include "storage/appointment_verify.h"
#include "storage/check_in_store.h"
#include "storage/checkout_verify.h"
#include "storage/customer_verify.h"
#include "storage/import_verify.h"
#include "storage/member_card_store.h"
#include "storage/records_verify.h"
#include "storage/report_book_verify.h"

namespace salon::storage {

const std::vector<LedgerChecker>& ledgerCheckers() {
  // Each ledger (points, stored value, packages, stock, arrears) adds its check here.
  static const std::vector<LedgerChecker> all = {
      checkPointsLedger, checkStoredValueLedger, checkPackageLedger, checkStockLedger, checkArrearsLedger, checkSales,
      checkStaffTotals, checkMemberCardVersions, checkCustomerNumbers, checkCheckIns, checkAppointments,
      checkDisputeCorrections, checkFileReviews, checkImports,
      checkReportDayTotals,
      checkReportYearItems,
  };
  return all;
}

namespace {

// Runs a check pragma; its rows (up to 20) are the problem, none or "ok" means sound.
LedgerCheck pragmaCheck(SQLite::Database& db, const std::string& name, const std::string& sql) {
  LedgerCheck c;
  c.name = name;
  try {
    SQLite::Statement q(db, sql);
    int rows = 0;
    while (q.executeStep()) {
      std::string row;
      for (int i = 0; i < q.getColumnCount(); ++i) row += (i ? " " : "") + q.getColumn(i).getString();
      if (row == "ok") continue;
      if (++rows <= 20) c.problem += (c.problem.empty() ? "" : "; ") + row;
    }
    if (rows > 20) c.problem += "; … " + std::to_string(rows) + " problems in all";
    c.ok = rows == 0;
  } catch (const SQLite::Exception& e) {
    c.ok = false;
    c.problem = e.what();
  }
  return c;
}

}  // namespace

std::vector<LedgerCheck> checkDatabaseFile(SQLite::Database& db) {
  std::vector<LedgerCheck> out;
  out.push_back(pragmaCheck(db, "integrity_check", "PRAGMA integrity_check"));
  if (out.back().ok) out.push_back(pragmaCheck(db, "foreign_key_check", "PRAGMA foreign_key_check"));
  return out;
}

VerifyReport verifyDatabase(Database& db) {
  return guarded([&] {
    VerifyReport r;
    r.database = checkDatabaseFile(db.sql());
    if (!r.databaseOk()) {
      r.chain.ok = false;
      r.chain.problem = "not checked: the database file is damaged";
      return r;
    }
    r.chain = verifyAuditChain(db.sql());
    for (const auto& check : ledgerCheckers()) r.ledgers.push_back(check(db.sql()));
    return r;
  });
}

}  // namespace salon::storage
