#pragma once
// Core's MemberRoll over the customers table.
#include "app/core/member_roll.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteMemberRoll : public MemberRoll {
 public:
  explicit SqliteMemberRoll(Database& db) : db_(db) {}
  std::optional<CustomerSummary> nthMember(int n) override;
  std::int64_t customersOnFile() override;

 private:
  Database& db_;
};

}  // namespace salon::storage
