#pragma once
// The business day (营业日): named by the date it was opened; closing may happen
// after midnight. A closed day takes no entries; a late entry is posted on the
// day that is open now, with its real completion time. End of day: cash-up by
// denomination against expected cash, the Z report, staff performance.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/checkout_policy.h"
#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/sale.h"

namespace salon {

struct BusinessDay {
  std::string date;  // YYYY-MM-DD
  Instant openedAt = 0;
  std::string openedBy;
  std::optional<Instant> closedAt;
  std::string closedBy;
  Money openingFloat;
  Money expectedCash, countedCash;
};

// The day an entry made now is posted on. DomainError day_not_open.
const std::string& postingDay(const std::optional<BusinessDay>& openDay);
// The date a new day gets; DomainError day_already_open / day_closed (that date).
std::string dayToOpen(const std::optional<BusinessDay>& openDay, bool dateAlreadyClosed, Instant now,
                      StoreZone zone);

// Cash counted by denomination (fen value → how many); DomainError bad_denomination.
Money countCash(const std::map<std::int64_t, int>& denominations);
const std::vector<std::int64_t>& cashDenominations();

// 业绩 (money taken, incl. top-ups and package sales) and 消耗/手工 (services
// performed, however paid) of one staff member on one sale, by line shares.
struct StaffShare {
  std::string staff;
  std::string category;
  Money performance;
  Money service;
};
std::vector<StaffShare> staffShares(const Sale& sale);

struct StaffPerformance {
  std::string staff;
  Money performance, service, commission;
};
Money commissionOf(Money performance, Money service, const CheckoutPolicy& policy);

struct ZReport {
  std::string date;
  bool closed = false;
  int sales = 0, voids = 0, refunds = 0, settlements = 0;
  Money total;  // all entries, net of reversals
  std::map<std::string, Money> byTender;
  std::map<std::string, Money> byCategory;
  std::vector<StaffPerformance> byStaff;
  Money openingFloat, expectedCash, countedCash;
  std::int64_t chainHeadSeq = 0;
  std::string chainHeadHash;
};

}  // namespace salon
