#include "storage/member_roll.h"

#include <algorithm>

namespace salon::storage {

std::optional<CustomerSummary> SqliteMemberRoll::nthMember(int n) {
  return guarded([&]() -> std::optional<CustomerSummary> {
    SQLite::Statement q(db_.sql(),
                        "SELECT id, member_no FROM customers WHERE member_no IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?");
    q.bind(1, std::max(0, n - 1));
    if (!q.executeStep()) return std::nullopt;
    CustomerSummary c;
    c.id = q.getColumn(0).getInt64();
    c.memberNo = q.getColumn(1).getString();
    return c;
  });
}

std::int64_t SqliteMemberRoll::customersOnFile() {
  return guarded([&] { return db_.sql().execAndGet("SELECT count(*) FROM customers").getInt64(); });
}

}  // namespace salon::storage
