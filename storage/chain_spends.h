#pragma once
// Chain value a sale spent (issue 18, migration 021): kept in the sale's own
// transaction, and read back for the store's offline allowances (core's
// ChainSpends, app/core/chain_settle.h); with the overdraws head office sent down
// (chain_overdraws, storage/sync_overdraws.h) for the store's alert.
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/chain_settle.h"
#include "app/core/sale.h"
#include "storage/database.h"

namespace salon::storage {

// Inside writeSale's transaction: one chain_spends row when the sale spent chain value.
void keepChainSpend(SQLite::Database& db, const Sale& sale);

class SqliteChainSpends : public ChainSpends {
 public:
  explicit SqliteChainSpends(Database& db) : db_(db) {}
  OfflineSpent offlineSince(Instant since, const std::string& memberNo) override;
  std::vector<ChainOverdraw> owedOverdraws(int limit) override;
  Money overdrawn(CustomerId customer) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
