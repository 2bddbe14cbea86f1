#pragma once
// Member tiers (会员等级): a discount per category, points per yuan, and the
// threshold that earns the tier (rolling 12-month spend or visits). A member
// moves up at once and down only at the end of the membership period.
#include <map>
#include <string>
#include <vector>

#include "app/core/money.h"

namespace salon {

struct MemberTier {
  std::string code;   // "silver"
  std::string name;   // "银卡"
  int rank = 0;       // 0 = the entry tier
  Money minSpend12m;  // reached by spend ...
  int minVisits12m = 0;  // ... or by visits (0 = no visit threshold)
  int pointsPerYuan = 1;
  std::map<std::string, int> discountBp;  // category → 1000 = 10 % off

  int discountFor(const std::string& category) const {
    auto it = discountBp.find(category);
    return it == discountBp.end() ? 0 : it->second;
  }
};

// The highest tier whose threshold the member reached (tiers in any order);
// the entry tier when none. `tiers` must not be empty.
const MemberTier& earnedTier(const std::vector<MemberTier>& tiers, Money spend12m, int visits12m);

// The tier a member holds after a change in what they earned: an upgrade
// applies at once, a downgrade only when the period has ended.
const MemberTier& nextTier(const std::vector<MemberTier>& tiers, const std::string& currentCode,
                           Money spend12m, int visits12m, bool periodEnded);

const MemberTier* findTier(const std::vector<MemberTier>& tiers, const std::string& code);

}  // namespace salon
