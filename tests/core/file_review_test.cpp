// 档案审核 and the checks a change request's new value goes through.
#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <map>

#include "app/core/change_request.h"
#include "app/core/error.h"
#include "app/core/file_review.h"

using namespace salon;
using salon::test::MemoryAudit;
using salon::test::kCash;
using salon::test::kSup;

namespace {

struct MemoryFiles : FileReviewStore {
  std::optional<FileUnderReview> fileUnderReview(CustomerId id) override {
    return files.count(id) ? std::optional<FileUnderReview>(files[id]) : std::nullopt;
  }
  std::vector<FileUnderReview> filesPendingReview() override {
    std::vector<FileUnderReview> out;
    for (auto& [id, f] : files)
      if (f.summary.status == "pending_review") out.push_back(f);
    return out;
  }
  std::vector<FileReviewDecision> reviewHistory(CustomerId) override { return decisions; }
  void saveFileReview(const FileReviewDecision& d, const std::string& from, const std::string& to,
                      const AuditEntry& a) override {
    REQUIRE(files[d.customer].summary.status == from);
    files[d.customer].summary.status = to;
    if (d.decision == "resubmitted") files[d.customer].submittedAt = d.at;
    decisions.push_back(d);
    audit.push_back(a);
  }
  std::map<CustomerId, FileUnderReview> files;
  std::vector<FileReviewDecision> decisions;
  std::vector<AuditEntry> audit;
};


FileUnderReview pending(CustomerId id, const std::string& by, Instant at) {
  FileUnderReview f;
  f.summary.id = id;
  f.summary.fileNo = "S01-2026-00000" + std::to_string(id);
  f.summary.status = "pending_review";
  f.createdBy = by;
  f.createdAt = at;
  return f;
}

}  // namespace

TEST_CASE("a new file is approved by a supervisor who did not register it") {
  MemoryAudit audit;
  ManualClock clock(1000);
  Guard guard(audit, clock);
  MemoryFiles store;
  store.files[1] = pending(1, "cash", 0);
  store.files[2] = pending(2, "sup", 0);
  FileReviews reviews(store, guard, clock);
  CHECK_THROWS_WITH(reviews.approve(kCash, 1, ""), Catch::Contains("permission_denied"));
  CHECK_THROWS_WITH(reviews.approve(kSup, 2, ""), Catch::Contains("own_request"));
  FileReviewDecision d = reviews.approve(kSup, 1, "资料完整");
  CHECK(d.decision == "approved");
  CHECK(store.files[1].summary.status == "in_force");
  CHECK(store.audit.back().action == "customer.file_approved");
  CHECK_THROWS_WITH(reviews.approve(kSup, 1, ""), Catch::Contains("file_not_pending_review"));
}

TEST_CASE("a returned file carries notes, is fixed, resubmitted and waits again") {
  MemoryAudit audit;
  ManualClock clock(0);
  Guard guard(audit, clock);
  MemoryFiles store;
  store.files[1] = pending(1, "cash", 0);
  FileReviews reviews(store, guard, clock);
  CHECK_THROWS_WITH(reviews.returnFile(kSup, 1, " "), Catch::Contains("reason_required"));
  clock.advance(kHour);
  reviews.returnFile(kSup, 1, "缺少过敏史，请补问");
  CHECK(store.files[1].summary.status == "returned");
  CHECK(reviews.waitingLongerThan(0).empty());  // a returned file is not waiting for review
  clock.advance(kHour);
  reviews.resubmit(kCash, 1, "已补充");
  CHECK(store.files[1].summary.status == "pending_review");
  // Waiting counts from the resubmission, not from registration.
  clock.advance(24 * kHour);
  CHECK(reviews.waitingLongerThan(24 * kHour).empty());
  clock.advance(1);
  CHECK(reviews.waitingLongerThan(24 * kHour).size() == 1);
}

TEST_CASE("a change request's new value is checked by the customer module's rules when submitted") {
  CHECK(checkedChangeValue("skin_type", "oily") == "oily");
  CHECK_THROWS_WITH(checkedChangeValue("skin_type", "shiny"), Catch::Contains("choice_invalid"));
  CHECK_THROWS_WITH(checkedChangeValue("birthday", "1990-02-30"), Catch::Contains("date_invalid"));
  CHECK(checkedChangeValue("birthday", " 1990-02-03 ") == "1990-02-03");
  CHECK_THROWS_WITH(checkedChangeValue("favourite_colour", "red"), Catch::Contains("field_unknown"));
  CHECK(checkedChangeValue("allergies", kDeclinedValue) == kDeclinedValue);
  CHECK(checkedChangeValue("phone", "138 0013 8000") == "13800138000");
  CHECK_THROWS_WITH(checkedChangeValue("phone", ""), Catch::Contains("contact_required"));
}
