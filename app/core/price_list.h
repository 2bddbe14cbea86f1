#pragma once
// The salon's price list as the settings screen keeps it: items with their
// prices, promotions and member tiers; and the changes staff make to it, each
// one business action (the change, its audit entry and its outbox row commit
// together). Storage implements it (storage/catalog_store.h).
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/catalog.h"
#include "app/core/member_tier.h"

namespace salon {

class PriceList {
 public:
  virtual ~PriceList() = default;
  // Every item (active or not), its price history and promotions.
  virtual PriceBook priceBook() = 0;
  virtual std::vector<MemberTier> tiers() = 0;

  // The audit entry says who and when (`audit.staff`, `audit.at`). Outbox:
  // catalog.price_changed. Refuses a price dated in the past.
  virtual void changePrice(const PriceEntry& price, const AuditEntry& audit) = 0;
  // The item saved as given (its `active` flipped by the caller). Outbox:
  // catalog.item_activated / catalog.item_deactivated.
  virtual void setItemActive(const CatalogItem& item, const AuditEntry& audit) = 0;
  // A new item and its first price. Outbox: catalog.item_added.
  virtual void addItem(const CatalogItem& item, const PriceEntry& price, const AuditEntry& audit) = 0;
  // Refuses one that starts in the past. Outbox: promotion.added.
  virtual void addPromotion(const Promotion& promotion, const AuditEntry& audit) = 0;
};

}  // namespace salon
