#pragma once
// The store's money settings (store_settings "checkout.*").
#include "app/core/money.h"

namespace salon {

// 抹零: the total is rounded DOWN to this unit; the difference is its own line.
enum class Rounding { None, Jiao, Yuan };
const char* roundingName(Rounding r);
bool roundingFromName(const char* name, Rounding& out);

struct CheckoutPolicy {
  Rounding rounding = Rounding::None;
  int taxRateBp = 600;          // 6 %
  bool taxInclusive = true;
  int birthdayDiscountBp = 1000;  // in the birthday month
  int birthdayPointsMultiplier = 2;
  int fenPerPoint = 1;          // redeeming: 100 points = 1 yuan
  int pointsExpiryMonths = 12;  // points earned expire this long after
  Money defaultArrearsLimit = Money::yuan(500);
  int suspendAfterReminders = 3;
  int suspendAfterDays = 30;
  int performanceCommissionBp = 300;  // on 业绩 (money taken)
  int serviceCommissionBp = 1000;     // on 消耗/手工 (services performed)
  Money maxChange = Money::yuan(1000);   // "checkout.max_change": cash change above is refused
  Money maxTender = Money::yuan(100000); // "checkout.max_tender": one tender (or cash handed) above is refused
};

}  // namespace salon
