#pragma once
// The salon's catalog: services, products, treatment packages and stored-value
// plans, with effective-dated prices and promotions (the published price list).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/promotion.h"

namespace salon {

enum class ItemKind { Service, Product, Package, StoredValuePlan };

const char* itemKindName(ItemKind k);
std::optional<ItemKind> itemKindFromName(const std::string& name);

struct CatalogItem {
  std::string code;      // "S-CUT", "P-SERUM", "K-FACIAL10", "V-1000"
  std::string name;
  ItemKind kind = ItemKind::Service;
  std::string category;  // "hair", "face", "product", ... (tier discounts are per category)
  int durationMinutes = 0;                 // services
  std::vector<std::string> qualifiedStaff; // services; empty = any staff member
  std::string packageService;              // packages: the service it covers
  int packageSessions = 0;                 // packages
  int validityDays = 0;                    // packages
  Money storedValueBonus;                  // stored-value plans: pay the price, receive price + bonus
  bool active = true;

  bool mayPerform(const std::string& staffCode) const;
};

// A list price that is in force from `from` until the next entry for the item.
struct PriceEntry {
  std::string itemCode;
  Money price;
  Instant from = 0;
};

// Refuses a price change dated in the past.
void checkNewPrice(const PriceEntry& p, Instant now);

class PriceBook {
 public:
  void addItem(CatalogItem item);
  void addPrice(PriceEntry price);   // any order; kept sorted by date
  void addPromotion(Promotion promo);

  const CatalogItem* item(const std::string& code) const;
  const CatalogItem& require(const std::string& code) const;  // DomainError unknown_item
  std::optional<Money> priceAt(const std::string& code, Instant at) const;
  // The promotion that takes most off `qty` units of the item at `unitPrice` at
  // `at` (for a member or not), and that amount (0 and none when nothing runs).
  struct BestPromotion {
    Money off;
    const Promotion* promotion = nullptr;
  };
  BestPromotion promotionAt(const CatalogItem& item, Money unitPrice, int qty, bool member, Instant at) const;
  // The first promotion running for the item at `at`, for the price list to show.
  const Promotion* runningPromotion(const CatalogItem& item, Instant at) const;
  const std::vector<CatalogItem>& items() const { return items_; }
  const std::vector<PriceEntry>& pricesOf(const std::string& code) const;
  const std::vector<Promotion>& promotions() const { return promotions_; }

 private:
  std::vector<CatalogItem> items_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, std::vector<PriceEntry>> prices_;
  std::vector<Promotion> promotions_;
};

}  // namespace salon
