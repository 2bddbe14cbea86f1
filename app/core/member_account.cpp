#include "app/core/member_account.h"

#include <algorithm>

#include "app/core/cart.h"

namespace salon {

Money packageRefund(const CustomerPackage& p) {
  int used = p.sessionsTotal - p.sessionsLeft;
  Money r = p.paid - p.sessionListPrice * used;
  return r.fen < 0 ? Money() : r;
}

const CustomerPackage* MemberAccount::package(const std::string& id) const {
  for (const auto& p : packages)
    if (p.id == id) return &p;
  return nullptr;
}

CustomerPackage* MemberAccount::package(const std::string& id) {
  for (auto& p : packages)
    if (p.id == id) return &p;
  return nullptr;
}

StoredValueSplit splitStoredValue(Money amount, Money principal, Money bonus) {
  Money whole = principal + bonus;
  if (whole.fen <= 0) return {amount, Money()};
  Money fromPrincipal(mulDiv(amount.fen, principal.fen, whole.fen));
  if (mulMod(amount.fen, principal.fen, whole.fen) * 2 >= whole.fen) fromPrincipal += Money(1);
  // Never more from either part than it holds.
  fromPrincipal = std::min(fromPrincipal, principal);
  Money fromBonus = amount - fromPrincipal;
  if (fromBonus > bonus) {
    fromPrincipal += fromBonus - bonus;
    fromBonus = bonus;
  }
  return {fromPrincipal, fromBonus};
}

bool arrearsSuspends(Money arrears, int reminders, Instant oldestUnsettled, Instant now, int maxReminders,
                     int maxDays) {
  if (arrears.fen <= 0) return false;
  if (maxReminders > 0 && reminders >= maxReminders) return true;
  return maxDays > 0 && oldestUnsettled > 0 && now - oldestUnsettled >= maxDays * kDay;
}

std::int64_t pointsToExpire(std::int64_t earnedInExpiredLots, std::int64_t debitedSoFar) {
  return std::max<std::int64_t>(0, earnedInExpiredLots - debitedSoFar);
}

}  // namespace salon
