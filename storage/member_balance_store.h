#pragma once
// Core's MemberBalances port over the store's own ledgers: stored value and
// points and arrears summed from their append-only ledgers, packages from the
// customer's packages with sessions left.
#include <optional>
#include <string>

#include "app/core/member_balance.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteMemberBalances : public MemberBalances {
 public:
  explicit SqliteMemberBalances(Database& db) : db_(db) {}
  std::optional<MemberBalance> balance(const std::string& memberNo, Instant now) override;
  void addMovementsNotAtHeadOffice(MemberBalance& hq) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
