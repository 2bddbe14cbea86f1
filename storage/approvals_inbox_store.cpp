#include "storage/approvals_inbox_store.h"

namespace salon::storage {
namespace {

// The name a row shows for `key`: the first column of `q`'s row, else the key.
std::string nameOr(KeptStatement& kept, const std::string& key) {
  return guarded([&] {
    auto q = kept.use();
    q->bind(1, key);
    return q->executeStep() ? q->getColumn(0).getString() : key;
  });
}

}  // namespace

SqliteApprovalsInbox::SqliteApprovalsInbox(Database& db)
    : db_(db),
      records_(db),
      itemName_(db, "SELECT name FROM catalog_items WHERE code = ?"),
      serviceMinutes_(db, "SELECT duration_minutes FROM catalog_items WHERE name = ?"),
      staffName_(db, "SELECT name FROM staff WHERE code = ?"),
      complaintHours_(db, "SELECT value FROM store_settings WHERE key = 'complaint_hours'") {}

std::vector<QueryRequest> SqliteApprovalsInbox::pendingQueries() {
  return guarded([&] {
    std::vector<QueryRequest> out;
    SQLite::Statement q(db_.sql(), "SELECT id FROM query_requests WHERE state = 'pending' ORDER BY requested_at");
    while (q.executeStep())
      if (auto r = records_.queryRequest(q.getColumn(0).getString())) out.push_back(std::move(*r));
    return out;
  });
}

std::vector<FileLoan> SqliteApprovalsInbox::openLoans() {
  return guarded([&] {
    std::vector<FileLoan> out;
    SQLite::Statement q(db_.sql(), "SELECT id FROM file_loans WHERE state IN ('requested', 'approved', 'lent')"
                                   " ORDER BY state = 'lent', due_date, requested_at");
    while (q.executeStep())
      if (auto l = records_.fileLoan(q.getColumn(0).getString())) out.push_back(std::move(*l));
    return out;
  });
}

std::string SqliteApprovalsInbox::itemName(const std::string& code) { return nameOr(itemName_, code); }

int SqliteApprovalsInbox::serviceMinutes(const std::string& itemName) {
  return guarded([&] {
    auto q = serviceMinutes_.use();
    q->bind(1, itemName);
    return q->executeStep() ? q->getColumn(0).getInt() : 0;
  });
}

std::string SqliteApprovalsInbox::staffName(const std::string& code) {
  return code.empty() ? std::string() : nameOr(staffName_, code);
}

RecordingRules SqliteApprovalsInbox::recordingRules() {
  return recordingRulesWith(guarded([&]() -> std::optional<std::string> {
    auto q = complaintHours_.use();
    if (!q->executeStep()) return std::nullopt;
    return q->getColumn(0).getString();
  }));
}

}  // namespace salon::storage
