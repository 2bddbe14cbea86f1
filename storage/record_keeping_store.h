#pragma once
// SQLite storage of the record-keeping workflows (change requests, query
// requests, file loans, disputes, complaints).
#include <functional>

#include "app/core/change_request.h"
#include "app/core/dispute.h"
#include "app/core/file_access.h"
#include "storage/database.h"

namespace salon::storage {

// Writes one field of a customer file inside the caller's transaction; throws
// DomainError("stale_change") if the field no longer holds `oldValue`.
using CustomerFieldWriter = std::function<void(SQLite::Database&, CustomerId, const std::string& field,
                                               const std::string& oldValue, const std::string& newValue)>;
// Handles the base columns (name, phone, birthday).
void writeBaseCustomerField(SQLite::Database& db, CustomerId id, const std::string& field,
                            const std::string& oldValue, const std::string& newValue);

class SqliteRecordKeeping : public ChangeRequestStore, public CaseStore, public FileAccessStore {
 public:
  explicit SqliteRecordKeeping(Database& db, CustomerFieldWriter writer = writeBaseCustomerField)
      : db_(db), writer_(std::move(writer)) {}

  std::optional<ChangeRequest> changeRequest(const std::string& id) override;
  std::vector<ChangeRequest> pendingChangeRequests() override;
  void saveChangeRequest(const ChangeRequest& r, const AuditEntry& audit, bool apply) override;

  std::optional<Dispute> dispute(const std::string& id) override;
  std::vector<Dispute> openDisputes() override;
  void saveDispute(const Dispute& d, const AuditEntry& audit) override;
  std::optional<Complaint> complaint(const std::string& id) override;
  std::vector<Complaint> openComplaints() override;
  void saveComplaint(const Complaint& c, const AuditEntry& audit) override;

  std::optional<QueryRequest> queryRequest(const std::string& id) override;
  void saveQueryRequest(const QueryRequest& q, const AuditEntry& audit) override;
  std::optional<FileLoan> fileLoan(const std::string& id) override;
  std::vector<FileLoan> loansOut() override;
  void saveFileLoan(const FileLoan& l, const AuditEntry& audit) override;

 private:
  Database& db_;
  CustomerFieldWriter writer_;
};

}  // namespace salon::storage
