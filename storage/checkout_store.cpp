#include "storage/checkout_store.h"

#include "storage/catalog_store.h"
#include "storage/day_store.h"
#include "storage/member_store.h"
#include "storage/receipt_load.h"
#include "storage/sale_store.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"

namespace salon::storage {

CheckoutSetup SqliteCheckoutStore::setup() {
  return guarded([&] { return loadCheckoutSetup(db_.sql()); });
}

std::vector<Staff> SqliteCheckoutStore::staffList() { return SqliteStaffStore(db_).listStaff(); }

std::optional<MemberAccount> SqliteCheckoutStore::account(CustomerId customer, const CheckoutPolicy& policy,
                                                          Instant now) {
  return guarded([&] { return loadAccount(db_.sql(), customer, policy, now); });
}

std::optional<BusinessDay> SqliteCheckoutStore::currentDay() {
  return guarded([&] { return storage::currentDay(db_.sql()); });
}

void SqliteCheckoutStore::openDay(const std::string& staff, Money openingFloat, Instant now, StoreZone zone) {
  openBusinessDay(db_, staff, openingFloat, now, zone);
}

SettleResult SqliteCheckoutStore::settle(const SaleRequest& request, const CheckoutSetup& setup, const Staff& cashier,
                                         Instant now) {
  return SaleStore(db_, setup).settle(request, cashier, now);
}

std::optional<Sale> SqliteCheckoutStore::sale(const std::string& id) {
  return guarded([&] { return loadSale(db_.sql(), id); });
}

std::optional<std::string> SqliteCheckoutStore::setting(const std::string& key) {
  return guarded([&] { return readSetting(db_.sql(), key); });
}

Receipt SqliteCheckoutStore::receiptOf(const Sale& sale) { return storage::receiptOf(db_.sql(), sale); }

int SqliteCheckoutStore::receiptPrints(const std::string& saleId) {
  return storage::receiptPrints(db_.sql(), saleId);
}

}  // namespace salon::storage
