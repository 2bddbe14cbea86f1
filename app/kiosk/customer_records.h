#pragma once
// Reads the file and member screens need that no store offers as a list:
// consumption records, points and stored-value ledgers, pets, query requests.
// Each is a plain SELECT on the main connection (indexed by customer).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/clock.h"
#include "app/core/customer.h"
#include "app/core/money.h"
#include "storage/database.h"

namespace salon::kiosk {

struct ConsumptionRow {
  Instant at = 0;
  std::string items;  // 染发 ×1、精华液 ×2
  Money amount;
  std::vector<std::pair<std::string, Money>> tenders;  // cash, card, wechat, ...
};
std::vector<ConsumptionRow> consumptionOf(storage::Database& db, CustomerId id, int limit);

struct LedgerRow {
  Instant at = 0;
  std::string kind;          // earn, redeem, top_up, spend, ...
  std::int64_t delta = 0;    // points, or principal fen
  std::int64_t bonus = 0;    // stored value: the bonus part in fen
};
std::vector<LedgerRow> pointsHistory(storage::Database& db, CustomerId id, int limit);
std::vector<LedgerRow> storedValueHistory(storage::Database& db, CustomerId id, int limit);

bool hasPets(storage::Database& db, CustomerId id);

// The newest query request of this staff member for the customer and purpose
// in the given state ("pending", "approved").
std::optional<std::string> queryRequestOf(storage::Database& db, CustomerId id, const std::string& staff,
                                          const std::string& purpose, const std::string& state);
std::string queryRequestState(storage::Database& db, const std::string& id);

}  // namespace salon::kiosk
