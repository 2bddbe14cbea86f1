#include "storage/verify.h"

#include "storage/appointment_verify.h"
#include "storage/check_in_store.h"
#include "storage/checkout_verify.h"
#include "storage/customer_verify.h"
#include "storage/import_verify.h"
#include "storage/member_card_store.h"
#include "storage/records_verify.h"

namespace salon::storage {

const std::vector<LedgerChecker>& ledgerCheckers() {
  // Each ledger (points, stored value, packages, stock, arrears) adds its check here.
  static const std::vector<LedgerChecker> all = {
      checkPointsLedger, checkStoredValueLedger, checkPackageLedger, checkStockLedger, checkArrearsLedger, checkSales,
      checkStaffTotals, checkMemberCardVersions, checkCustomerNumbers, checkCheckIns, checkAppointments,
      checkDisputeCorrections, checkFileReviews, checkImports,
  };
  return all;
}

VerifyReport verifyDatabase(Database& db) {
  return guarded([&] {
    VerifyReport r;
    r.chain = verifyAuditChain(db.sql());
    for (const auto& check : ledgerCheckers()) r.ledgers.push_back(check(db.sql()));
    return r;
  });
}

}  // namespace salon::storage
