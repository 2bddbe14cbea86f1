#pragma once
// Core's ApprovalsInbox port on one connection.
#include "app/core/approvals_inbox.h"
#include "storage/database.h"
#include "storage/kept_statement.h"
#include "storage/record_keeping_store.h"

namespace salon::storage {

class SqliteApprovalsInbox : public ApprovalsInbox {
 public:
  explicit SqliteApprovalsInbox(Database& db);
  std::vector<QueryRequest> pendingQueries() override;
  std::vector<FileLoan> openLoans() override;
  std::string itemName(const std::string& code) override;
  int serviceMinutes(const std::string& itemName) override;
  std::string staffName(const std::string& code) override;
  RecordingRules recordingRules() override;

 private:
  Database& db_;
  SqliteRecordKeeping records_;
  KeptStatement itemName_, serviceMinutes_, staffName_, complaintHours_;
};

}  // namespace salon::storage
