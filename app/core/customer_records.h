#pragma once
// What the file and member screens list beside the file itself: consumption
// records, the points and stored-value ledgers, whether there are pets, a
// field's value as stored, and a staff member's own query requests. Storage
// implements it (storage/customer_records.h), indexed by customer.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/clock.h"
#include "app/core/customer.h"
#include "app/core/money.h"

namespace salon {

struct ConsumptionRow {
  Instant at = 0;
  std::string items;  // 染发 ×1、精华液 ×2
  Money amount;
  std::vector<std::pair<std::string, Money>> tenders;  // cash, card, wechat, ...
};

struct LedgerRow {
  Instant at = 0;
  std::string kind;          // earn, redeem, top_up, spend, ...
  std::int64_t delta = 0;    // points, or principal fen
  std::int64_t bonus = 0;    // stored value: the bonus part in fen
};

class CustomerRecords {
 public:
  virtual ~CustomerRecords() = default;
  // The newest first, at most `limit`.
  virtual std::vector<ConsumptionRow> consumption(CustomerId id, int limit) = 0;
  virtual std::vector<LedgerRow> pointsHistory(CustomerId id, int limit) = 0;
  virtual std::vector<LedgerRow> storedValueHistory(CustomerId id, int limit) = 0;
  virtual bool hasPets(CustomerId id) = 0;
  // A file field as stored (what a change request replaces), "" when empty.
  virtual std::string fieldValue(CustomerId id, const std::string& field) = 0;
  // The newest query request of `staff` for the customer and purpose in `state`
  // ("pending", "approved").
  virtual std::optional<std::string> queryRequestOf(CustomerId id, const std::string& staff,
                                                    const std::string& purpose, const std::string& state) = 0;
};

}  // namespace salon
