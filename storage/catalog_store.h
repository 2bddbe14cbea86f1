#pragma once
// The catalog, prices, promotions, member tiers and the store's money settings.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "app/core/catalog.h"
#include "app/core/checkout.h"
#include "app/core/checkout_policy.h"
#include "app/core/member_tier.h"
#include "app/core/price_list.h"
#include "storage/database.h"

namespace salon::storage {

// Everything checkout needs to price a sale (core's, app/core/checkout.h).
using CheckoutSetup = ::salon::CheckoutSetup;

CheckoutSetup loadCheckoutSetup(SQLite::Database& db);
PriceBook loadPriceBook(SQLite::Database& db);
std::vector<MemberTier> loadTiers(SQLite::Database& db);
CheckoutPolicy readPolicy(SQLite::Database& db);
StoreZone readZone(SQLite::Database& db);

// In the caller's transaction (each caller audits its own action).
void writePolicy(SQLite::Database& db, const CheckoutPolicy& p);
void saveItem(SQLite::Database& db, const CatalogItem& item, Instant now);
// Refuses a price dated in the past (checkNewPrice) unless `initial` (first setup).
void addPrice(SQLite::Database& db, const PriceEntry& price, const std::string& staff, Instant now, bool initial = false);
// Refuses a promotion that starts in the past (checkNewPromotion).
void addPromotion(SQLite::Database& db, const Promotion& promo, const std::string& staff, Instant now);
void saveTier(SQLite::Database& db, const MemberTier& tier);
// Goods received (+) or counted short (−): a stock ledger row and the level.
void moveStock(SQLite::Database& db, const std::string& item, int delta, const std::string& kind,
               const std::string& saleId, const std::string& staff, Instant at);
std::int64_t stockOf(SQLite::Database& db, const std::string& item);

// Core's PriceList port: the settings screen's reads and changes, each change
// one transaction with its audit entry and outbox row.
class SqlitePriceList : public PriceList {
 public:
  explicit SqlitePriceList(Database& db) : db_(db) {}
  PriceBook priceBook() override { return loadPriceBook(db_.sql()); }
  std::vector<MemberTier> tiers() override { return loadTiers(db_.sql()); }
  void changePrice(const PriceEntry& price, const AuditEntry& audit) override;
  void setItemActive(const CatalogItem& item, const AuditEntry& audit) override;
  void addItem(const CatalogItem& item, const PriceEntry& price, const AuditEntry& audit) override;
  void addPromotion(const Promotion& promotion, const AuditEntry& audit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
