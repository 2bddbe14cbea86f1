#include "app/core/weekly_review.h"

#include <map>

#include "app/core/compliance.h"
#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

const std::vector<std::string>& defaultMandatoryFields() {
  static const std::vector<std::string> fields = {"gender", "birthday", "allergies", "skin_type"};
  return fields;
}

std::optional<std::string> implausibleBirthday(const CivilDate& birthday, const CivilDate& today) {
  if (today < birthday) return "birthday " + formatDate(birthday) + " is in the future";
  if (birthday < CivilDate{today.year - 110, today.month, today.day})
    return "birthday " + formatDate(birthday) + " is more than 110 years ago";
  return std::nullopt;
}

std::optional<std::string> implausibleDuration(int minutes) {
  if (minutes <= 0) return "duration " + std::to_string(minutes) + " min";
  if (minutes > 10 * 60) return "duration " + std::to_string(minutes) + " min is over 10 hours";
  return std::nullopt;
}

std::optional<std::string> implausiblePetWeight(int grams) {
  if (grams > 150'000) return "weight " + std::to_string(grams / 1000) + " kg";
  return std::nullopt;
}

std::optional<ReviewFinding> tierMismatch(const MemberStanding& m, const std::vector<MemberTier>& tiers) {
  if (tiers.empty()) return std::nullopt;
  const MemberTier& due = nextTier(tiers, m.tierCode, m.spend12m, m.visits12m, m.periodEnded);
  if (due.code == m.tierCode) return std::nullopt;
  return ReviewFinding{"tier_mismatch", "customer", m.fileNo,
                       "tier " + (m.tierCode.empty() ? std::string("-") : m.tierCode) + ", 12-month spend " +
                           formatAmount(m.spend12m) + " / " + std::to_string(m.visits12m) + " visits earn " + due.code};
}

std::vector<ReviewFinding> capFindings(const std::vector<ReviewFinding>& all, std::size_t perCheck) {
  std::map<std::string, std::size_t> seen;
  std::vector<ReviewFinding> out;
  for (const ReviewFinding& f : all)
    if (++seen[f.check] <= perCheck) out.push_back(f);
  for (const auto& [check, n] : seen)
    if (n > perCheck)
      out.push_back({"more", "check", check, std::to_string(n - perCheck) + " more " + check + " not listed"});
  return out;
}

int WeeklyReview::open() const {
  int n = 0;
  for (const WeeklyReviewItem& i : items) n += i.doneAt ? 0 : 1;
  return n;
}

WeeklyReview WeeklyReviews::run(const Staff& by, const std::vector<ReviewFinding>& findings) {
  guard_.require(by, Action::ReviewCustomerFile, "weekly_review", "run");
  WeeklyReview r;
  r.id = newUuid();
  r.runAt = clock_.now();
  r.week = isoWeekLabel(localDate(r.runAt, zone_));
  r.runBy = by.code;
  int no = 0;
  for (const ReviewFinding& f : findings) r.items.push_back({++no, f, "", std::nullopt, ""});
  store_.saveReview(r, auditOf(r.runAt, by.code, "review.weekly_run", "weekly_review", r.id,
                               std::to_string(r.items.size()) + " items"));
  return r;
}

WeeklyReview WeeklyReviews::openReview(const std::string& id) {
  auto r = store_.review(id);
  if (!r) throw DomainError("not_found", "review " + id);
  if (r->signedAt) throw DomainError("review_signed", id);
  return *r;
}

WeeklyReviewItem WeeklyReviews::markDone(const Staff& by, const std::string& reviewId, int itemNo,
                                         const std::string& note) {
  guard_.require(by, Action::ReviewCustomerFile, "weekly_review", reviewId);
  WeeklyReview r = openReview(reviewId);
  if (itemNo < 1 || itemNo > static_cast<int>(r.items.size())) throw DomainError("not_found", "item " + std::to_string(itemNo));
  if (note.find_first_not_of(' ') == std::string::npos) throw DomainError("reason_required", "item note");
  WeeklyReviewItem item = r.items[static_cast<std::size_t>(itemNo - 1)];
  item.doneBy = by.code;
  item.doneAt = clock_.now();
  item.doneNote = note;
  store_.saveItem(reviewId, item, auditOf(*item.doneAt, by.code, "review.item_done", "weekly_review", reviewId,
                                          note, std::to_string(itemNo)));
  return item;
}

WeeklyReview WeeklyReviews::sign(const Staff& by, const std::string& reviewId, const std::string& note) {
  guard_.require(by, Action::ReviewCustomerFile, "weekly_review", reviewId);
  WeeklyReview r = openReview(reviewId);
  if (int left = r.open(); left > 0) throw DomainError("review_items_open", std::to_string(left));
  r.signedBy = by.code;
  r.signedAt = clock_.now();
  r.signNote = note;
  store_.saveSignature(r, auditOf(*r.signedAt, by.code, "review.weekly_signed", "weekly_review", reviewId, note));
  return r;
}

}  // namespace salon
