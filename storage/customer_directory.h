#pragma once
// Finding customers fast in a million files: phone (whole, last four digits or
// its start), name pieces through the n-gram table, pinyin and initials, file and
// member numbers. Ranked: exact, then prefix, then contains, then pinyin.
#include <memory>
#include <vector>

#include "app/core/customer.h"
#include "app/core/name_keys.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteCustomerDirectory : public CustomerDirectory {
 public:
  SqliteCustomerDirectory(Database& db, NameKeyMaker& keys) : db_(db), keys_(keys) {}
  std::optional<CustomerSummary> byId(CustomerId id) override;
  std::vector<CustomerSummary> search(const std::string& query, int limit) override;
  std::vector<CustomerSummary> recent(int limit) override;
  std::int64_t countMatches(const std::string& query) override;
  std::vector<CustomerSummary> list(CustomerOrder order, int offset, int limit) override;

  // The ids `search` returns, in rank order (limit 0 = all).
  std::vector<CustomerId> matchIds(const std::string& query, int limit);

 private:
  Database& db_;
  NameKeyMaker& keys_;
};

}  // namespace salon::storage
