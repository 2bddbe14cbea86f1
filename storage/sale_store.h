#pragma once
// Settling a sale, a void, a refund or an arrears payment: ONE transaction with
// the header, lines, staff shares, tenders, points / stored-value / package /
// stock / arrears movements and balances, the consumption record, the audit
// entry and the outbox row. Idempotent by the entry's UUID.
#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/core/checkout_store.h"
#include "app/core/reversal.h"
#include "app/core/sale.h"
#include "app/core/staff.h"
#include "storage/catalog_store.h"
#include "storage/database.h"

namespace salon::storage {

using SettleResult = ::salon::SettleResult;  // app/core/checkout_store.h

class SaleStore {
 public:
  SaleStore(Database& db, const CheckoutSetup& setup) : db_(db), setup_(setup) {}

  // DomainError id_conflict when the id was used with a different body; any
  // refusal of the money rules; day_not_open.
  SettleResult settle(const SaleRequest& request, const Staff& cashier, Instant now);
  SettleResult reverse(const ReversalRequest& request, const std::string& originalId, const Staff& cashier, Instant now);
  SettleResult settleArrears(const std::string& id, CustomerId customer, const std::vector<TenderRequest>& tenders,
                             const Staff& cashier, Instant now);

  // Posts an already built sale on an explicit day (demo data of past days).
  void writeHistoric(const Sale& sale);

 private:
  SettleResult once(const std::string& id, const std::string& fingerprint, const std::function<Sale(SQLite::Database&)>& build);
  SaleContext context(SQLite::Database& s, const Staff& cashier, Instant now, std::string& day) const;
  Database& db_;
  const CheckoutSetup& setup_;
};

// A stored entry with everything a receipt shows: lines with staff, discounts,
// rounding, totals, tenders, change, points earned and balances after, stored
// value and package sessions left, arrears, cashier, customer.
std::optional<Sale> loadSale(SQLite::Database& db, const std::string& id);
// The voids and refunds made of a sale, oldest first.
std::vector<Sale> loadReversalsOf(SQLite::Database& db, const std::string& id);

// Inside the caller's transaction: everything of one entry, its audit entry and
// outbox row. DomainError out_of_stock, unknown_staff, balance_mismatch.
void writeSale(SQLite::Database& db, const Sale& sale, StoreZone zone);

}  // namespace salon::storage
