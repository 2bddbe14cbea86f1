#pragma once
// What the customer's own view at the kiosk reads: their summary, failed
// identification tries, who viewed their file (audit_log), and their
// consumption statement.
#include "app/core/audit.h"
#include "app/core/self_service.h"
#include "storage/database.h"

namespace salon::storage {

// By file number or member number only (never by name or phone: those are what
// a stranger would know). DomainError customer_not_identified.
CustomerSummary selfServiceCustomer(Database& db, const std::string& key);
// Failed identifications of this file since `since`.
int selfServiceFailures(Database& db, const std::string& fileNo, Instant since);
// customer.view / exported / loan entries naming the file, newest first.
std::vector<FileView> fileViews(Database& db, const CustomerSummary& c, int limit);
// The same inside the caller's transaction (a page from head office: sync_self_views.cpp).
std::vector<FileView> fileViews(SQLite::Database& db, const CustomerSummary& c, int limit);
// The customer's own look as the file's access log keeps it (no staff: the customer).
AuditEntry ownViewEntry(const CustomerSummary& c, const std::string& what, const std::string& sections, Instant now);
// Sales, voids and refunds of the customer completed in [from, to).
Statement consumptionStatement(Database& db, const CustomerSummary& c, Instant from, Instant to);

class SqliteSelfService : public SelfService {
 public:
  explicit SqliteSelfService(Database& db) : db_(db) {}
  CustomerSummary identify(const std::string& key, const std::string& last4, Instant now) override;
  std::vector<FileView> views(const CustomerSummary& c, int limit) override { return fileViews(db_, c, limit); }
  Statement statement(const CustomerSummary& c, Instant from, Instant to) override {
    return consumptionStatement(db_, c, from, to);
  }
  void recordOwnView(const CustomerSummary& c, const std::string& what, const std::string& sections,
                     Instant now) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
