#pragma once
// SQLite storage of new-file reviews (file_reviews, customers.status).
#include "app/core/file_review.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteFileReviews : public FileReviewStore {
 public:
  explicit SqliteFileReviews(Database& db) : db_(db) {}
  std::optional<FileUnderReview> fileUnderReview(CustomerId id) override;
  std::vector<FileUnderReview> filesPendingReview() override;
  std::vector<FileReviewDecision> reviewHistory(CustomerId id) override;
  void saveFileReview(const FileReviewDecision& d, const std::string& fromStatus, const std::string& toStatus,
                      const AuditEntry& audit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
