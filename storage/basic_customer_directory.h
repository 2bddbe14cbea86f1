#pragma once
// TEMPORARY: a plain-SQL CustomerDirectory over the base `customers` columns, so
// the front end can be built while the customer-files work writes the real one
// (with pinyin search and card numbers). The lead swaps it out at merge; nothing
// but the composition root should name this class.
#include "app/core/customer.h"
#include "storage/database.h"

namespace salon::storage {

class BasicCustomerDirectory : public CustomerDirectory {
 public:
  explicit BasicCustomerDirectory(Database& db) : db_(db) {}
  std::optional<CustomerSummary> byId(CustomerId id) override;
  // Whole phone or its last digits (4 or more), file number, member number, or
  // part of the name.
  std::vector<CustomerSummary> search(const std::string& query, int limit) override;
  std::vector<CustomerSummary> recent(int limit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
