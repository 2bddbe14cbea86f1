#pragma once
// core's CheckoutStore on one SQLite connection: the checkout screen's reads
// and its one write (settling), each through the repositories below it.
#include "app/core/checkout_store.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteCheckoutStore : public CheckoutStore {
 public:
  explicit SqliteCheckoutStore(Database& db) : db_(db) {}

  CheckoutSetup setup() override;
  std::vector<Staff> staffList() override;
  std::optional<MemberAccount> account(CustomerId customer, const CheckoutPolicy& policy, Instant now) override;
  std::optional<BusinessDay> currentDay() override;
  void openDay(const std::string& staff, Money openingFloat, Instant now, StoreZone zone) override;
  SettleResult settle(const SaleRequest& request, const CheckoutSetup& setup, const Staff& cashier,
                      Instant now) override;
  std::optional<Sale> sale(const std::string& id) override;
  std::optional<std::string> setting(const std::string& key) override;
  Receipt receiptOf(const Sale& sale) override;
  int receiptPrints(const std::string& saleId) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
