#include "app/core/catalog.h"

#include <algorithm>

#include "app/core/error.h"

namespace salon {

const char* itemKindName(ItemKind k) {
  switch (k) {
    case ItemKind::Service: return "service";
    case ItemKind::Product: return "product";
    case ItemKind::Package: return "package";
    case ItemKind::StoredValuePlan: return "stored_value_plan";
  }
  return "?";
}

std::optional<ItemKind> itemKindFromName(const std::string& name) {
  for (ItemKind k : {ItemKind::Service, ItemKind::Product, ItemKind::Package, ItemKind::StoredValuePlan})
    if (name == itemKindName(k)) return k;
  return std::nullopt;
}

bool CatalogItem::mayPerform(const std::string& staffCode) const {
  return qualifiedStaff.empty() ||
         std::find(qualifiedStaff.begin(), qualifiedStaff.end(), staffCode) != qualifiedStaff.end();
}

void checkNewPrice(const PriceEntry& p, Instant now) {
  if (p.from < now) throw DomainError("price_start_past", p.itemCode);
  if (p.price.fen < 0) throw DomainError("price_negative", p.itemCode);
}

void PriceBook::addItem(CatalogItem item) {
  auto it = index_.find(item.code);
  if (it != index_.end()) {
    items_[it->second] = std::move(item);
    return;
  }
  index_[item.code] = items_.size();
  items_.push_back(std::move(item));
}

void PriceBook::addPrice(PriceEntry price) {
  auto& list = prices_[price.itemCode];
  auto pos = std::upper_bound(list.begin(), list.end(), price.from,
                              [](Instant t, const PriceEntry& e) { return t < e.from; });
  list.insert(pos, std::move(price));
}

void PriceBook::addPromotion(Promotion promo) { promotions_.push_back(std::move(promo)); }

const CatalogItem* PriceBook::item(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &items_[it->second];
}

const CatalogItem& PriceBook::require(const std::string& code) const {
  const CatalogItem* i = item(code);
  if (!i || !i->active) throw DomainError("unknown_item", code);
  return *i;
}

std::optional<Money> PriceBook::priceAt(const std::string& code, Instant at) const {
  auto it = prices_.find(code);
  if (it == prices_.end()) return std::nullopt;
  const auto& list = it->second;
  auto pos = std::upper_bound(list.begin(), list.end(), at,
                              [](Instant t, const PriceEntry& e) { return t < e.from; });
  if (pos == list.begin()) return std::nullopt;
  return std::prev(pos)->price;
}

PriceBook::BestPromotion PriceBook::promotionAt(const CatalogItem& item, Money unitPrice, int qty, bool member,
                                               Instant at) const {
  BestPromotion best;
  for (const Promotion& p : promotions_) {
    if (at < p.from || at >= p.until || !p.covers(item.code, item.category)) continue;
    Money off = promotionOff(p, unitPrice, qty, member);
    if (off > best.off) best = {off, &p};
  }
  return best;
}

const Promotion* PriceBook::runningPromotion(const CatalogItem& item, Instant at) const {
  for (const Promotion& p : promotions_)
    if (at >= p.from && at < p.until && p.covers(item.code, item.category)) return &p;
  return nullptr;
}

const std::vector<PriceEntry>& PriceBook::pricesOf(const std::string& code) const {
  static const std::vector<PriceEntry> none;
  auto it = prices_.find(code);
  return it == prices_.end() ? none : it->second;
}

}  // namespace salon
