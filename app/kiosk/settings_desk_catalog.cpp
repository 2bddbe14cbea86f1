// The Settings screen's catalog: prices, active items, new services and products,
// and (read only) the promotions and member-tier discounts core applies.
#include <algorithm>
#include <set>

#include "app/core/error.h"
#include "app/core/price_list.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "app/kiosk/settings_desk.h"

namespace salon::kiosk {
namespace {

std::string kindKey(ItemKind k) { return std::string("ui.settings.kind.") + itemKindName(k); }

// A category's name in the kiosk's language where the salon uses a known one.
std::string categoryLabel(const Catalog& c, const std::string& code) {
  const std::string key = "ui.settings.category." + code;
  const std::string& t = c.text(key);
  return t == key ? code : t;
}

std::string percentText(int bp) {
  std::string s = std::to_string(bp / 100);
  if (bp % 100) s += "." + std::to_string(bp % 100 / 10);
  return s + "%";
}

// What a promotion does, short, in the kiosk's language: "-20%", "特价 ¥68.00",
// "会员价 ¥68.00", "买2送1".
std::string promotionFigure(const Promotion& p, const Catalog& c) {
  switch (p.kind) {
    case PromotionKind::PercentOff: return "-" + percentText(p.percentOffBp);
    case PromotionKind::FixedPrice: return c.text("ui.settings.promo.fixed_price") + " " + formatYuan(p.price);
    case PromotionKind::MemberPrice: return c.text("ui.settings.promo.member_price") + " " + formatYuan(p.price);
    case PromotionKind::BuyGetFree:
      return replaced(replaced(c.text("ui.settings.promo.buy_get_free_n"), "{n}", std::to_string(p.buyQty)), "{m}",
                      std::to_string(p.freeQty));
  }
  return "";
}

}  // namespace

void SettingsDesk::fillCatalog() {
  ui::SettingsView& v = k_.view.settings;
  const Catalog& c = k_.catalog;
  const Instant now = k_.clock.now();
  PriceBook book = k_.backroom.priceList().priceBook();
  std::set<std::string> seen;
  v.categories.clear();
  v.items.clear();
  for (const CatalogItem& i : book.items())
    if (seen.insert(i.category).second) v.categories.push_back({i.category, categoryLabel(c, i.category)});
  v.category = category_;
  for (const CatalogItem& i : book.items()) {
    if (!category_.empty() && i.category != category_) continue;
    auto price = book.priceAt(i.code, now);
    const Promotion* promo = book.runningPromotion(i, now);
    v.items.push_back({i.code, i.name, kindKey(i.kind), categoryLabel(c, i.category),
                       price ? formatYuan(*price) : "-", promo ? promotionFigure(*promo, c) : "", i.active});
  }
  v.chosenItem = chosenItem_;
  v.promoOpen = promo_.open && !chosenItem_.empty();
  v.promoKinds.clear();
  for (const char* kind : {"percent_off", "fixed_price", "member_price", "buy_get_free"})
    v.promoKinds.push_back({kind, c.text(std::string("ui.settings.promo.kind.") + kind)});
  v.promotions.clear();
  for (const Promotion& p : book.promotions()) {
    if (p.until <= now) continue;
    std::string what = p.itemCode.empty() ? categoryLabel(c, p.category) : p.itemCode;
    if (const CatalogItem* it = book.item(p.itemCode)) what = it->name;
    std::string from = formatLocalDateTime(p.from, k_.zone).substr(0, 10);
    std::string until = formatLocalDateTime(p.until - 1, k_.zone).substr(0, 10);
    v.promotions.push_back(p.name + "  " + what + "  " + promotionFigure(p, c) + "  " + from + " ~ " + until);
  }
  v.tiers.clear();
  std::vector<MemberTier> tiers = k_.backroom.priceList().tiers();
  std::sort(tiers.begin(), tiers.end(), [](const MemberTier& a, const MemberTier& b) { return a.rank < b.rank; });
  for (const MemberTier& t : tiers) {
    std::string line = t.name + ":";
    for (const auto& [cat, bp] : t.discountBp) line += "  " + categoryLabel(c, cat) + " -" + percentText(bp);
    v.tiers.push_back(line);
  }
  v.newItem = {};
  v.newItem.open = item_.open;
  v.newItem.name = item_.name;
  v.newItem.kind = item_.kind;
  v.newItem.category = item_.category;
  v.newItem.price = item_.fen < 0 ? "" : formatYuan(Money(item_.fen));
  fillPriceChange();
}

// --- a price change: typed, shown old → new, confirmed ---------------------------

void SettingsDesk::proposePrice(const std::string& code, const std::string& yuan) {
  price_ = {};
  if (yuan.empty()) return;
  Money m;
  if (!parseYuan(yuan, m) || m.fen < 0) throw DomainError("bad_input", yuan);
  Guard(k_.audit, k_.clock).require(*k_.staff, Action::ManageCatalog, "catalog_item", code);
  if (!k_.backroom.priceList().priceBook().item(code)) throw DomainError("unknown_item", code);
  price_ = {code, m.fen};
}

bool SettingsDesk::priceAct(const std::string& action) {
  if (action != "price.confirm" && action != "price.cancel") return false;
  const PriceChange change = price_;
  price_ = {};
  if (action == "price.confirm" && change.fen >= 0) changePrice(change.code, change.fen);
  return true;
}

void SettingsDesk::fillPriceChange() {
  ui::SettingsPriceChange& p = k_.view.settings.priceChange;
  p = {};
  if (price_.fen < 0) return;
  PriceBook book = k_.backroom.priceList().priceBook();
  const CatalogItem* item = book.item(price_.code);
  if (!item) return;
  auto before = book.priceAt(price_.code, k_.clock.now());
  p.open = true;
  p.item = item->name;
  p.from = before ? formatYuan(*before) : "-";
  p.to = formatYuan(Money(price_.fen));
}

// A new price is in force from now on; the old one stays in the price history.
void SettingsDesk::changePrice(const std::string& code, std::int64_t fen) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageCatalog, "catalog_item", code);
  PriceBook book = k_.backroom.priceList().priceBook();
  if (!book.item(code)) throw DomainError("unknown_item", code);
  const Instant now = k_.clock.now();
  auto before = book.priceAt(code, now);
  if (before && before->fen == fen) return done("ui.settings.unchanged");
  k_.backroom.priceList().changePrice(
      {code, Money(fen), now}, auditOf(now, me.code, "catalog.price", "catalog_item", code, "settings screen",
                                       (before ? std::to_string(before->fen) : "-") + " -> " + std::to_string(fen)));
  done("ui.settings.price_saved", book.item(code)->name + " " + formatYuan(Money(fen)));
}

void SettingsDesk::toggleItem(const std::string& code) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageCatalog, "catalog_item", code);
  PriceBook book = k_.backroom.priceList().priceBook();
  if (!book.item(code)) throw DomainError("unknown_item", code);
  CatalogItem item = *book.item(code);  // inactive ones too: they can be activated again
  item.active = !item.active;
  const Instant now = k_.clock.now();
  const char* action = item.active ? "catalog.activate" : "catalog.deactivate";
  k_.backroom.priceList().setItemActive(item, auditOf(now, me.code, action, "catalog_item", code, "settings screen"));
  done(item.active ? "ui.settings.item_activated" : "ui.settings.item_deactivated", item.name);
}

void SettingsDesk::saveNewItem() {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageCatalog, "catalog_item", "new");
  if (item_.name.empty()) throw DomainError("settings_name_missing", "item");
  if (item_.category.empty()) throw DomainError("settings_category_missing", "item");
  if (item_.fen < 0) throw DomainError("settings_price_missing", "item");
  PriceBook book = k_.backroom.priceList().priceBook();
  CatalogItem item;
  item.kind = item_.kind == "product" ? ItemKind::Product : ItemKind::Service;
  const std::string prefix = item.kind == ItemKind::Product ? "P-" : "S-";
  for (int n = 101; item.code.empty() || book.item(item.code); ++n) item.code = prefix + std::to_string(n);
  item.name = item_.name;
  item.category = item_.category;
  item.durationMinutes = item.kind == ItemKind::Service ? 60 : 0;
  const Instant now = k_.clock.now();
  k_.backroom.priceList().addItem(item, {item.code, Money(item_.fen), now},
                                  auditOf(now, me.code, "catalog.add", "catalog_item", item.code, "settings screen",
                                          item.name + ", " + std::to_string(item_.fen)));
  category_ = item.category;
  chosenItem_ = item.code;
  item_ = {};
  done("ui.settings.item_added", item.name);
}

// --- promotions: the kind, its figure, then how many days ---------------------

void SettingsDesk::choosePromotionKind(const std::string& kind) {
  auto k = promotionKindFromName(kind);
  if (!k) return;
  promo_.kind = kind;
  startEdit(*k == PromotionKind::PercentOff  ? "promo.percent"
            : *k == PromotionKind::BuyGetFree ? "promo.buy"
                                              : "promo.price");
}

namespace {
int smallNumber(const std::string& value, int low, int high, const char* error) {
  int n = value.empty() || value.size() > 3 ? 0 : std::stoi(value);
  if (n < low || n > high) throw DomainError(error, value);
  return n;
}
}  // namespace

void SettingsDesk::commitPromotion(const std::string& field, const std::string& value) {
  try {
    takePromotionFigure(field, value);
  } catch (const DomainError& e) {
    // A figure out of bounds: the same keypad again, under the message.
    if (e.code() == "bad_input" || e.code().rfind("settings_promotion", 0) == 0) startEdit(field);
    throw;
  }
}

void SettingsDesk::takePromotionFigure(const std::string& field, const std::string& value) {
  if (field == "promo.percent") {
    promo_.percent = smallNumber(value, 1, 90, "settings_promotion_percent");
  } else if (field == "promo.price") {
    Money m;
    if (!parseYuan(value, m) || m.fen < 0) throw DomainError("bad_input", value);
    // A promotional price at or above the list price takes nothing off: a slip.
    PriceBook book = k_.backroom.priceList().priceBook();
    auto list = book.priceAt(chosenItem_, k_.clock.now());
    if (list && m >= *list) throw DomainError("settings_promotion_price", formatYuan(*list));
    promo_.fen = m.fen;
  } else if (field == "promo.buy") {
    promo_.buy = smallNumber(value, 1, 20, "settings_promotion_qty");
    return startEdit("promo.free");
  } else if (field == "promo.free") {
    promo_.free = smallNumber(value, 1, 20, "settings_promotion_qty");
  } else if (field == "promo.days") {
    return addPromotion(chosenItem_, smallNumber(value, 1, 366, "settings_promotion_days"));
  }
  startEdit("promo.days");  // then how long it runs
}

void SettingsDesk::addPromotion(const std::string& code, int days) {
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ManageCatalog, "promotion", code);
  PriceBook book = k_.backroom.priceList().priceBook();
  const CatalogItem* item = book.item(code);
  if (!item) throw DomainError("unknown_item", code);
  const Instant now = k_.clock.now();
  // From now until the end of the last store day.
  const Instant until = startOfLocalDay(localDate(now, k_.zone), k_.zone) + days * kDay;
  Promotion p{newUuid(), "", code, "", promo_.percent * 100, now, until};
  p.kind = promotionKindFromName(promo_.kind).value_or(PromotionKind::PercentOff);
  p.price = Money(promo_.fen);
  p.buyQty = promo_.buy;
  p.freeQty = promo_.free;
  p.name = item->name + " " + promotionFigure(p, k_.catalog);
  k_.backroom.priceList().addPromotion(p, auditOf(now, me.code, "promotion.add", "promotion", p.id, p.name));
  promo_ = {};
  done("ui.settings.promotion_added", p.name);
}

}  // namespace salon::kiosk
