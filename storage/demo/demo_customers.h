#pragma once
// Demo customers: realistic surnames (by frequency) and given names, unique valid
// phones, birthdays, about 60 % members, pets for some, visit histories with
// effect records. The same seed gives the same customers.
#include <cstdint>

#include "app/core/clock.h"
#include "storage/database.h"

namespace salon::demo {

struct DemoCustomersReport {
  std::int64_t customers = 0;
  std::int64_t members = 0;
  std::int64_t pets = 0;
  std::int64_t visits = 0;
  std::int64_t filesWithManyVisits = 0;  // ≥ 50 visits: what the benchmark opens
};

// Adds `count` customers to a store whose staff exist (seedDemoSalon). Written in
// batches of one transaction each, with an audit entry and an outbox row per batch.
DemoCustomersReport seedDemoCustomers(storage::Database& db, const Clock& clock, std::int64_t count, std::uint64_t seed);

}  // namespace salon::demo
