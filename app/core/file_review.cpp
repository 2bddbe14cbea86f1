#include "app/core/file_review.h"

#include <algorithm>

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

FileUnderReview FileReviews::fileInStatus(CustomerId id, const std::string& status) {
  auto f = store_.fileUnderReview(id);
  if (!f) throw DomainError("customer_not_found", std::to_string(id));
  if (f->summary.status != status)
    throw DomainError(status == "returned" ? "file_not_returned" : "file_not_pending_review", f->summary.fileNo);
  return *f;
}

FileReviewDecision FileReviews::decide(const Staff& by, const FileUnderReview& f, const std::string& decision,
                                       const std::string& notes, const std::string& toStatus) {
  FileReviewDecision d{newUuid(), f.summary.id, decision, notes, by.code, clock_.now()};
  store_.saveFileReview(d, f.summary.status, toStatus,
                        auditOf(d.at, by.code, "customer.file_" + decision, "customer", f.summary.fileNo,
                                notes.empty() ? decision : notes));
  return d;
}

FileReviewDecision FileReviews::approve(const Staff& reviewer, CustomerId id, const std::string& note) {
  guard_.require(reviewer, Action::ReviewCustomerFile, "customer", std::to_string(id));
  FileUnderReview f = fileInStatus(id, "pending_review");
  if (f.createdBy == reviewer.code) throw DomainError("own_request", f.summary.fileNo);
  return decide(reviewer, f, "approved", note, "in_force");
}

FileReviewDecision FileReviews::returnFile(const Staff& reviewer, CustomerId id, const std::string& notes) {
  guard_.require(reviewer, Action::ReviewCustomerFile, "customer", std::to_string(id));
  if (notes.find_first_not_of(' ') == std::string::npos) throw DomainError("reason_required", "return notes");
  FileUnderReview f = fileInStatus(id, "pending_review");
  if (f.createdBy == reviewer.code) throw DomainError("own_request", f.summary.fileNo);
  return decide(reviewer, f, "returned", notes, "returned");
}

FileReviewDecision FileReviews::resubmit(const Staff& by, CustomerId id, const std::string& note) {
  guard_.require(by, Action::RegisterCustomer, "customer", std::to_string(id));
  FileUnderReview f = fileInStatus(id, "returned");
  return decide(by, f, "resubmitted", note, "pending_review");
}

std::vector<FileUnderReview> FileReviews::waitingLongerThan(std::int64_t limit) {
  Instant now = clock_.now();
  std::vector<FileUnderReview> out;
  for (FileUnderReview& f : store_.filesPendingReview())
    if (now - f.waitingSince() > limit) out.push_back(std::move(f));
  std::sort(out.begin(), out.end(),
            [](const FileUnderReview& a, const FileUnderReview& b) { return a.waitingSince() < b.waitingSince(); });
  return out;
}

}  // namespace salon
