#pragma once
// 每周数据审查: automatic checks find missing or wrong data (empty mandatory
// fields, implausible values, service records without staff, files pending
// review over 24 h, overdue service details, open disputes and complaints,
// members whose tier does not match their spend). They make a checklist a
// supervisor works through item by item and signs off; past reviews are kept.
// A field the customer declined to give is never flagged (切忌强制记录).
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/clock.h"
#include "app/core/member_tier.h"
#include "app/core/staff_auth.h"

namespace salon {

struct ReviewFinding {
  std::string check;       // empty_mandatory, implausible, service_without_staff, pending_review_24h,
                           // service_details_overdue, dispute_open, complaint_open, tier_mismatch, more
  std::string recordType;  // customer, visit, sale, service, dispute, complaint, check
  std::string recordId;
  std::string detail;
};

// The fields a file should have unless the customer declined them.
const std::vector<std::string>& defaultMandatoryFields();

// Implausible values (nullopt = plausible): a birthday in the future or more
// than 110 years ago, a service longer than 10 hours or without a duration, a
// pet heavier than 150 kg.
std::optional<std::string> implausibleBirthday(const CivilDate& birthday, const CivilDate& today);
std::optional<std::string> implausibleDuration(int minutes);
std::optional<std::string> implausiblePetWeight(int grams);

// A member's tier against what their last 12 months earned them (upgrades at
// once, downgrades at the end of the period).
struct MemberStanding {
  std::string fileNo;
  std::string tierCode;
  Money spend12m;
  int visits12m = 0;
  bool periodEnded = false;
};
std::optional<ReviewFinding> tierMismatch(const MemberStanding& m, const std::vector<MemberTier>& tiers);

// At most `perCheck` findings of each check; the rest become one "more" item
// saying how many were left out (a checklist must stay workable).
std::vector<ReviewFinding> capFindings(const std::vector<ReviewFinding>& all, std::size_t perCheck);

struct WeeklyReviewItem {
  int itemNo = 0;
  ReviewFinding finding;
  std::string doneBy;
  std::optional<Instant> doneAt;
  std::string doneNote;  // what was fixed, or why it is right as it is
};

struct WeeklyReview {
  std::string id;
  std::string week;  // 2026-W47
  Instant runAt = 0;
  std::string runBy;
  std::vector<WeeklyReviewItem> items;
  std::string signedBy;
  std::optional<Instant> signedAt;
  std::string signNote;
  int open() const;
};

class WeeklyReviewStore {
 public:
  virtual ~WeeklyReviewStore() = default;
  virtual void saveReview(const WeeklyReview& r, const AuditEntry& audit) = 0;
  virtual std::optional<WeeklyReview> review(const std::string& id) = 0;
  virtual std::vector<WeeklyReview> reviews(int limit) = 0;  // newest first
  virtual void saveItem(const std::string& reviewId, const WeeklyReviewItem& item, const AuditEntry& audit) = 0;
  virtual void saveSignature(const WeeklyReview& r, const AuditEntry& audit) = 0;
};

class WeeklyReviews {
 public:
  WeeklyReviews(WeeklyReviewStore& store, Guard& guard, const Clock& clock, StoreZone zone)
      : store_(store), guard_(guard), clock_(clock), zone_(zone) {}

  WeeklyReview run(const Staff& by, const std::vector<ReviewFinding>& findings);
  WeeklyReviewItem markDone(const Staff& by, const std::string& reviewId, int itemNo, const std::string& note);
  // Every item worked through first; a signed review is closed.
  WeeklyReview sign(const Staff& by, const std::string& reviewId, const std::string& note);

 private:
  WeeklyReview openReview(const std::string& id);
  WeeklyReviewStore& store_;
  Guard& guard_;
  const Clock& clock_;
  StoreZone zone_;
};

}  // namespace salon
