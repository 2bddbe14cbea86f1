#include "storage/file_review_store.h"

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/customer_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

// The summary columns, then created_by, created_at, and the last resubmission.
std::string selectFiles(const std::string& where) {
  return std::string("SELECT ") + kSummaryColumns +
         ", created_by, created_at, (SELECT max(at) FROM file_reviews r WHERE r.customer_id = customers.id"
         " AND r.decision = 'resubmitted') FROM customers WHERE " + where;
}

FileUnderReview readFile(SQLite::Statement& q) {
  FileUnderReview f;
  f.summary = readSummary(q);
  f.createdBy = q.getColumn(7).getString();
  f.createdAt = q.getColumn(8).getInt64();
  if (!q.getColumn(9).isNull()) f.submittedAt = q.getColumn(9).getInt64();
  return f;
}

}  // namespace

std::optional<FileUnderReview> SqliteFileReviews::fileUnderReview(CustomerId id) {
  return guarded([&]() -> std::optional<FileUnderReview> {
    SQLite::Statement q(db_.sql(), selectFiles("id = ?"));
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return readFile(q);
  });
}

std::vector<FileUnderReview> SqliteFileReviews::filesPendingReview() {
  return guarded([&] {
    std::vector<FileUnderReview> out;
    SQLite::Statement q(db_.sql(), selectFiles("status = 'pending_review' ORDER BY created_at"));
    while (q.executeStep()) out.push_back(readFile(q));
    return out;
  });
}

std::vector<FileReviewDecision> SqliteFileReviews::reviewHistory(CustomerId id) {
  return guarded([&] {
    std::vector<FileReviewDecision> out;
    SQLite::Statement q(db_.sql(), "SELECT id, customer_id, decision, notes, by_staff, at FROM file_reviews"
                                   " WHERE customer_id = ? ORDER BY at, rowid");
    q.bind(1, id);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getInt64()});
    return out;
  });
}

void SqliteFileReviews::saveFileReview(const FileReviewDecision& d, const std::string& fromStatus,
                                       const std::string& toStatus, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement up(s, "UPDATE customers SET status = ? WHERE id = ? AND status = ?");
    SQLite::bind(up, toStatus, d.customer, fromStatus);
    if (up.exec() != 1) throw DomainError("stale_change", "status");
    SQLite::Statement ins(s, "INSERT INTO file_reviews (id, customer_id, decision, notes, by_staff, at) VALUES (?,?,?,?,?,?)");
    SQLite::bind(ins, d.id, d.customer, d.decision, d.notes, d.by, d.at);
    ins.exec();
    appendAudit(s, audit);
    appendOutbox(s, {d.id, "customer.file_" + d.decision,
                     nlohmann::json{{"customer_id", d.customer}, {"status", toStatus}}.dump(), d.at});
  });
}

}  // namespace salon::storage
