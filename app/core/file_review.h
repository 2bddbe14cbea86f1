#pragma once
// 档案审核: a new file waits for a supervisor's review for completeness and
// accuracy; it is approved (in force) or returned with notes, fixed and sent
// back for review. Whoever registered a file does not review it (four eyes).
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/customer.h"
#include "app/core/staff_auth.h"

namespace salon {

struct FileUnderReview {
  CustomerSummary summary;
  std::string createdBy;
  Instant createdAt = 0;
  std::optional<Instant> submittedAt;  // last sent back for review after a return
  Instant waitingSince() const { return submittedAt.value_or(createdAt); }
};

struct FileReviewDecision {
  std::string id;  // UUID
  CustomerId customer = 0;
  std::string decision;  // approved, returned, resubmitted
  std::string notes;
  std::string by;
  Instant at = 0;
};

// Port: storage keeps the decisions (append-only) and the file's status.
class FileReviewStore {
 public:
  virtual ~FileReviewStore() = default;
  virtual std::optional<FileUnderReview> fileUnderReview(CustomerId id) = 0;
  virtual std::vector<FileUnderReview> filesPendingReview() = 0;
  virtual std::vector<FileReviewDecision> reviewHistory(CustomerId id) = 0;
  // Writes the decision and moves the file from `fromStatus` to `toStatus` with
  // the audit entry, in one transaction; DomainError stale_change if the file
  // was no longer in `fromStatus`.
  virtual void saveFileReview(const FileReviewDecision& d, const std::string& fromStatus, const std::string& toStatus,
                              const AuditEntry& audit) = 0;
};

class FileReviews {
 public:
  FileReviews(FileReviewStore& store, Guard& guard, const Clock& clock) : store_(store), guard_(guard), clock_(clock) {}

  FileReviewDecision approve(const Staff& reviewer, CustomerId id, const std::string& note);
  // Notes are required: they tell the registering staff what to fix.
  FileReviewDecision returnFile(const Staff& reviewer, CustomerId id, const std::string& notes);
  // A returned file, fixed, goes back to the queue.
  FileReviewDecision resubmit(const Staff& by, CustomerId id, const std::string& note);
  // Files waiting longer than `limit` (24 h in the weekly review), oldest first.
  std::vector<FileUnderReview> waitingLongerThan(std::int64_t limit);

 private:
  FileReviewDecision decide(const Staff& by, const FileUnderReview& f, const std::string& decision,
                            const std::string& notes, const std::string& toStatus);
  FileUnderReview fileInStatus(CustomerId id, const std::string& status);
  FileReviewStore& store_;
  Guard& guard_;
  const Clock& clock_;
};

}  // namespace salon
