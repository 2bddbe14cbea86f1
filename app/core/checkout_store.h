#pragma once
// Port: what the checkout reads and writes, implemented by storage
// (storage/checkout_store.h) and reached through Backroom::checkout().
#include <optional>
#include <string>
#include <vector>

#include "app/core/business_day.h"
#include "app/core/checkout.h"
#include "app/core/receipt.h"
#include "app/core/sale.h"
#include "app/core/staff.h"

namespace salon {

struct SettleResult {
  Sale sale;
  bool replayed = false;  // the same id and body was settled before: this is that sale
};

class CheckoutStore {
 public:
  virtual ~CheckoutStore() = default;

  // The price book, tiers, money policy and zone (once per screen).
  virtual CheckoutSetup setup() = 0;
  // Everyone on the staff list, active or not (the screen picks who may serve).
  virtual std::vector<Staff> staffList() = 0;
  // The customer's balances, packages and tier now (nullopt: no such customer).
  virtual std::optional<MemberAccount> account(CustomerId customer, const CheckoutPolicy& policy, Instant now) = 0;
  virtual std::optional<BusinessDay> currentDay() = 0;
  // 开班 with its float, audited. DomainError day_already_open...
  virtual void openDay(const std::string& staff, Money openingFloat, Instant now, StoreZone zone) = 0;
  // One transaction (sale, movements, audit, outbox); the same id settles once.
  // DomainError id_conflict, day_not_open and every refusal of the money rules.
  virtual SettleResult settle(const SaleRequest& request, const CheckoutSetup& setup, const Staff& cashier,
                              Instant now) = 0;
  virtual std::optional<Sale> sale(const std::string& id) = 0;
  // A store setting ("store.code", "printer.receipt"), if set.
  virtual std::optional<std::string> setting(const std::string& key) = 0;
  // The receipt of a sale already read: the store's header and footer, staff
  // and package names, the customer's phone and member number.
  virtual Receipt receiptOf(const Sale& sale) = 0;
  // How often this sale's receipt went to a printer already (0 = never).
  virtual int receiptPrints(const std::string& saleId) = 0;
};

}  // namespace salon
