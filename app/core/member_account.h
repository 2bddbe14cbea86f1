#pragma once
// What the counter knows of a customer's money with the salon: tier, points,
// stored value (principal and bonus kept apart), packages, arrears.
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/customer.h"
#include "app/core/money.h"

namespace salon {

// A treatment package (疗程卡) bought by the customer: N sessions of a service.
struct CustomerPackage {
  std::string id;            // "<sale id>/<line no>"
  std::string serviceCode;
  std::string packageCode;
  int sessionsTotal = 0;
  int sessionsLeft = 0;
  Money paid;                // what the customer paid for it
  Money sessionListPrice;    // the service's list price when bought
  Instant expiresAt = 0;
};

// Refund of a package: what was paid minus the used sessions at list price,
// never below zero.
Money packageRefund(const CustomerPackage& p);

struct MemberAccount {
  CustomerId customerId = 0;
  std::string name;
  std::optional<CivilDate> birthday;
  bool member = false;        // has a member number
  std::string memberNo;       // "" when the file has none
  std::string tierCode;       // "" for a non-member
  std::int64_t points = 0;
  Money svPrincipal, svBonus;
  Money arrears;
  Money arrearsLimit;
  bool arrearsSuspended = false;  // after N reminders or D days, until settled
  bool arrearsOverride = false;   // a manager lifted the suspension
  std::vector<CustomerPackage> packages;

  bool suspended() const { return arrearsSuspended && !arrearsOverride; }
  const CustomerPackage* package(const std::string& id) const;
  CustomerPackage* package(const std::string& id);
};

// Stored value is spent pro rata from principal and bonus.
struct StoredValueSplit {
  Money principal, bonus;
};
StoredValueSplit splitStoredValue(Money amount, Money principal, Money bonus);

// Whether arrears suspend services and benefits: N reminders, or the oldest
// unsettled arrears older than D days.
bool arrearsSuspends(Money arrears, int reminders, Instant oldestUnsettled, Instant now, int maxReminders,
                     int maxDays);

// Points that expire now under first-in-first-out spending: the points earned
// in lots that have expired, less everything spent or expired so far.
std::int64_t pointsToExpire(std::int64_t earnedInExpiredLots, std::int64_t debitedSoFar);

}  // namespace salon
