#pragma once
// SQLite storage of the record-keeping workflows (change requests, query
// requests, file loans, disputes, complaints).
#include <functional>

#include "app/core/change_request.h"
#include "app/core/dispute.h"
#include "app/core/file_access.h"
#include "storage/customer_field_update.h"
#include "storage/database.h"

namespace salon::storage {

// Writes the approved change to the customer file inside the caller's
// transaction; throws DomainError("stale_change") if the field no longer holds
// the request's old value. The default is CustomerFieldUpdate (every field the
// customer module knows, through its own checks).
using CustomerFieldWriter = std::function<void(SQLite::Database&, const ChangeRequest&)>;

// saveChangeRequest inside the caller's transaction (a correction a customer asked for
// online arrives in a page from head office: sync_corrections.cpp); `apply` as above.
void writeChangeRequest(SQLite::Database& s, const ChangeRequest& r, const AuditEntry& audit,
                        const CustomerFieldWriter* apply);

class SqliteRecordKeeping : public ChangeRequestStore, public CaseStore, public FileAccessStore {
 public:
  explicit SqliteRecordKeeping(Database& db, CustomerFieldWriter writer = CustomerFieldUpdate())
      : db_(db), writer_(std::move(writer)) {}

  std::optional<ChangeRequest> changeRequest(const std::string& id) override;
  std::vector<ChangeRequest> pendingChangeRequests() override;
  void saveChangeRequest(const ChangeRequest& r, const AuditEntry& audit, bool apply) override;

  std::optional<Dispute> dispute(const std::string& id) override;
  std::vector<Dispute> openDisputes() override;
  void saveDispute(const Dispute& d, const AuditEntry& audit) override;
  std::optional<Complaint> complaint(const std::string& id) override;
  std::vector<Complaint> openComplaints() override;
  std::vector<Complaint> complaintsToFollowUp() override;
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
