#pragma once
// The customer files in SQLite: implements core's CustomerFileStore. Every write
// is one transaction with its audit entry and outbox row.
#include "app/core/customer_file.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteCustomerFileStore : public CustomerFileStore {
 public:
  explicit SqliteCustomerFileStore(Database& db) : db_(db) {}
  std::optional<CustomerSummary> byPhone(const std::string& normalisedPhone) override;
  std::optional<CustomerId> idOfFileNo(const std::string& fileNo) override;
  std::optional<CustomerFile> load(CustomerId id) override;
  RegistrationResult create(const NewCustomerFile& file, AuditEntry audit, OutboxMessage out) override;
  std::vector<RegistrationResult> createAll(const std::vector<NewCustomerFile>& files, AuditEntry audit,
                                            OutboxMessage out) override;
  void setField(CustomerId id, const std::string& key, const FieldValue& v, const AuditEntry& audit,
                const OutboxMessage& out) override;
  std::string enrol(CustomerId id, const AuditEntry& audit, const OutboxMessage& out) override;
  std::int64_t addVisit(CustomerId id, const VisitRecord& v, const AuditEntry& audit, const OutboxMessage& out) override;
  std::int64_t addFeedback(CustomerId id, const AfterCareFeedback& f, const AuditEntry& audit,
                           const OutboxMessage& out) override;
  std::int64_t addPet(CustomerId id, const Pet& p, const AuditEntry& audit, const OutboxMessage& out) override;
  std::int64_t addVaccination(std::int64_t petId, const Vaccination& v, const AuditEntry& audit,
                              const OutboxMessage& out) override;
  std::int64_t addPetVisit(std::int64_t petId, const PetVisit& v, const AuditEntry& audit,
                           const OutboxMessage& out) override;
  std::optional<CustomerId> ownerOfPet(std::int64_t petId) override;
  std::optional<CustomerId> ownerOfVisit(std::int64_t visitId) override;

 private:
  RegistrationResult insertOne(SQLite::Database& s, const NewCustomerFile& f, const std::string& status, bool imported);
  Database& db_;
};

// A summary row from `SELECT <kSummaryColumns> FROM customers`.
extern const char* const kSummaryColumns;
CustomerSummary readSummary(SQLite::Statement& q, int first = 0);

}  // namespace salon::storage
