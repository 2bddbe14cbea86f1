#pragma once
// Core's CustomerRecords in SQLite: plain SELECTs by customer (all indexed) for
// what the file and member screens list beside the file itself.
#include "app/core/customer_records.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteCustomerRecords : public CustomerRecords {
 public:
  explicit SqliteCustomerRecords(Database& db) : db_(db) {}
  std::vector<ConsumptionRow> consumption(CustomerId id, int limit) override;
  std::vector<LedgerRow> pointsHistory(CustomerId id, int limit) override;
  std::vector<LedgerRow> storedValueHistory(CustomerId id, int limit) override;
  bool hasPets(CustomerId id) override;
  std::string fieldValue(CustomerId id, const std::string& field) override;
  std::optional<std::string> queryRequestOf(CustomerId id, const std::string& staff, const std::string& purpose,
                                            const std::string& state) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
