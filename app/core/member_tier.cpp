#include "app/core/member_tier.h"

#include "app/core/error.h"

namespace salon {

const MemberTier* findTier(const std::vector<MemberTier>& tiers, const std::string& code) {
  for (const auto& t : tiers)
    if (t.code == code) return &t;
  return nullptr;
}

const MemberTier& earnedTier(const std::vector<MemberTier>& tiers, Money spend12m, int visits12m) {
  if (tiers.empty()) throw DomainError("no_member_tiers", "");
  const MemberTier* best = nullptr;
  for (const auto& t : tiers) {
    bool reached = t.rank == 0 || spend12m >= t.minSpend12m ||
                   (t.minVisits12m > 0 && visits12m >= t.minVisits12m);
    if (reached && (!best || t.rank > best->rank)) best = &t;
  }
  if (!best) best = &tiers.front();
  return *best;
}

const MemberTier& nextTier(const std::vector<MemberTier>& tiers, const std::string& currentCode,
                           Money spend12m, int visits12m, bool periodEnded) {
  const MemberTier& earned = earnedTier(tiers, spend12m, visits12m);
  const MemberTier* current = findTier(tiers, currentCode);
  if (!current || earned.rank > current->rank || periodEnded) return earned;
  return *current;
}

}  // namespace salon
