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

// A percentage off an item (or every item of a category) between two instants.
struct Promotion {
  std::string id;
  std::string name;
  std::string itemCode;  // or "" with a category
  std::string category;  // or "" with an item code
  int percentOffBp = 0;  // 1000 = 10 % off
  Instant from = 0;
  Instant until = 0;     // exclusive
};

// Refuses a promotion that would start in the past (promotions are set up
// before they start), or is empty or backwards.
void checkNewPromotion(const Promotion& p, Instant now);
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
  // The best promotion for the item at `at` (0 when none).
  int promotionBpAt(const CatalogItem& item, Instant at) const;
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
