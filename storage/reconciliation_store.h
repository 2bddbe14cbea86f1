#pragma once
// The month's kiosk tenders and cash-ups for the reconciliation, and the
// reconciliations kept in SQLite.
#include "app/core/reconciliation.h"
#include "storage/database.h"

namespace salon::storage {

// Every tender of the entries posted on the month's business days ("2026-05").
std::vector<KioskTender> kioskTenders(Database& db, const std::string& month);
std::vector<CashUp> cashUps(Database& db, const std::string& month);

class SqliteReconciliations : public ReconciliationStore {
 public:
  explicit SqliteReconciliations(Database& db) : db_(db) {}
  void saveReconciliation(const Reconciliation& r, const AuditEntry& audit) override;
  std::optional<Reconciliation> reconciliation(const std::string& id) override;
  void saveExplanation(const std::string& id, const ReconciliationItem& item, const AuditEntry& audit) override;
  void saveSignature(const Reconciliation& r, const AuditEntry& audit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
