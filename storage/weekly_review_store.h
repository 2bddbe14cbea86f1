#pragma once
// The weekly data review in SQLite: the automatic checks over the store's data,
// and the checklists (weekly_reviews, weekly_review_items) kept for good.
#include "app/core/recording_deadline.h"
#include "app/core/weekly_review.h"
#include "storage/database.h"

namespace salon::storage {

// Every check at `now`; at most `perCheck` findings of each (see capFindings).
std::vector<ReviewFinding> weeklyFindings(Database& db, Instant now, const RecordingRules& rules,
                                          const std::vector<std::string>& mandatoryFields, std::size_t perCheck = 100);

class SqliteWeeklyReviews : public WeeklyReviewStore {
 public:
  explicit SqliteWeeklyReviews(Database& db) : db_(db) {}
  void saveReview(const WeeklyReview& r, const AuditEntry& audit) override;
  std::optional<WeeklyReview> review(const std::string& id) override;
  std::vector<WeeklyReview> reviews(int limit) override;
  void saveItem(const std::string& reviewId, const WeeklyReviewItem& item, const AuditEntry& audit) override;
  void saveSignature(const WeeklyReview& r, const AuditEntry& audit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
