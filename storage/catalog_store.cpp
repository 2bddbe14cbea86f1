#include "storage/catalog_store.h"

#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

#include "app/core/comma_list.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/database.h"
#include "storage/settings_store.h"
#include "storage/sql.h"
#include "storage/sync_store.h"

namespace salon::storage {
namespace {

std::string joinList(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::int64_t setting(SQLite::Database& db, const std::string& key, std::int64_t fallback) {
  auto v = readSetting(db, key);
  if (!v) return fallback;
  try {
    return std::stoll(*v);
  } catch (...) {
    return fallback;
  }
}

// One row of `promotions` as loadPriceBook selects it.
Promotion promotionOf(SQLite::Statement& q) {
  Promotion p{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
              q.getColumn(3).getString(), q.getColumn(4).getInt(), q.getColumn(5).getInt64(), q.getColumn(6).getInt64()};
  p.kind = promotionKindFromName(q.getColumn(7).getString()).value_or(PromotionKind::PercentOff);
  p.price = sql::money(q.getColumn(8));
  p.buyQty = q.getColumn(9).getInt();
  p.freeQty = q.getColumn(10).getInt();
  return p;
}

}  // namespace

PriceBook loadPriceBook(SQLite::Database& db) {
  PriceBook book;
  SQLite::Statement items(db, "SELECT code, name, kind, category, duration_minutes, qualified_staff, package_service,"
                              " package_sessions, validity_days, sv_bonus, active FROM catalog_items ORDER BY code");
  while (items.executeStep()) {
    CatalogItem i;
    i.code = items.getColumn(0).getString();
    i.name = items.getColumn(1).getString();
    i.kind = itemKindFromName(items.getColumn(2).getString()).value_or(ItemKind::Service);
    i.category = items.getColumn(3).getString();
    i.durationMinutes = items.getColumn(4).getInt();
    i.qualifiedStaff = commaList(items.getColumn(5).getString());
    i.packageService = items.getColumn(6).getString();
    i.packageSessions = items.getColumn(7).getInt();
    i.validityDays = items.getColumn(8).getInt();
    i.storedValueBonus = sql::money(items.getColumn(9));
    i.active = items.getColumn(10).getInt() != 0;
    book.addItem(std::move(i));
  }
  SQLite::Statement prices(db, "SELECT item_code, price, from_at FROM catalog_prices");
  while (prices.executeStep())
    book.addPrice({prices.getColumn(0).getString(), sql::money(prices.getColumn(1)), prices.getColumn(2).getInt64()});
  SQLite::Statement promos(db, "SELECT id, name, item_code, category, percent_off_bp, from_at, until_at,"
                               " kind, price_fen, buy_qty, free_qty FROM promotions");
  while (promos.executeStep()) book.addPromotion(promotionOf(promos));
  return book;
}

std::vector<MemberTier> loadTiers(SQLite::Database& db) {
  std::vector<MemberTier> tiers;
  SQLite::Statement q(db, "SELECT code, name, rank, min_spend_12m, min_visits_12m, points_per_yuan FROM member_tiers ORDER BY rank");
  while (q.executeStep())
    tiers.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
                     sql::money(q.getColumn(3)), q.getColumn(4).getInt(), q.getColumn(5).getInt(), {}});
  SQLite::Statement d(db, "SELECT tier_code, category, discount_bp FROM tier_discounts");
  while (d.executeStep())
    for (auto& t : tiers)
      if (t.code == d.getColumn(0).getString()) t.discountBp[d.getColumn(1).getString()] = d.getColumn(2).getInt();
  return tiers;
}

CheckoutPolicy readPolicy(SQLite::Database& db) {
  CheckoutPolicy p;
  Rounding r;
  if (auto v = readSetting(db, "checkout.rounding"); v && roundingFromName(v->c_str(), r)) p.rounding = r;
  p.taxRateBp = static_cast<int>(setting(db, "checkout.tax_rate_bp", p.taxRateBp));
  p.taxInclusive = setting(db, "checkout.tax_inclusive", 1) != 0;
  p.birthdayDiscountBp = static_cast<int>(setting(db, "checkout.birthday_discount_bp", p.birthdayDiscountBp));
  p.birthdayPointsMultiplier = static_cast<int>(setting(db, "checkout.birthday_points_multiplier", p.birthdayPointsMultiplier));
  p.fenPerPoint = std::max(1, static_cast<int>(setting(db, "checkout.fen_per_point", p.fenPerPoint)));
  p.pointsExpiryMonths = static_cast<int>(setting(db, "checkout.points_expiry_months", p.pointsExpiryMonths));
  p.defaultArrearsLimit = Money(setting(db, "checkout.arrears_limit", p.defaultArrearsLimit.fen));
  p.suspendAfterReminders = static_cast<int>(setting(db, "checkout.suspend_after_reminders", p.suspendAfterReminders));
  p.suspendAfterDays = static_cast<int>(setting(db, "checkout.suspend_after_days", p.suspendAfterDays));
  p.performanceCommissionBp = static_cast<int>(setting(db, "checkout.commission_performance_bp", p.performanceCommissionBp));
  p.serviceCommissionBp = static_cast<int>(setting(db, "checkout.commission_service_bp", p.serviceCommissionBp));
  p.maxChange = Money(setting(db, "checkout.max_change", p.maxChange.fen));
  p.maxTender = Money(setting(db, "checkout.max_tender", p.maxTender.fen));
  return p;
}

void writePolicy(SQLite::Database& db, const CheckoutPolicy& p) {
  writeSetting(db, "checkout.rounding", roundingName(p.rounding));
  writeSetting(db, "checkout.tax_rate_bp", std::to_string(p.taxRateBp));
  writeSetting(db, "checkout.tax_inclusive", p.taxInclusive ? "1" : "0");
  writeSetting(db, "checkout.birthday_discount_bp", std::to_string(p.birthdayDiscountBp));
  writeSetting(db, "checkout.birthday_points_multiplier", std::to_string(p.birthdayPointsMultiplier));
  writeSetting(db, "checkout.fen_per_point", std::to_string(p.fenPerPoint));
  writeSetting(db, "checkout.points_expiry_months", std::to_string(p.pointsExpiryMonths));
  writeSetting(db, "checkout.arrears_limit", std::to_string(p.defaultArrearsLimit.fen));
  writeSetting(db, "checkout.suspend_after_reminders", std::to_string(p.suspendAfterReminders));
  writeSetting(db, "checkout.suspend_after_days", std::to_string(p.suspendAfterDays));
  writeSetting(db, "checkout.commission_performance_bp", std::to_string(p.performanceCommissionBp));
  writeSetting(db, "checkout.commission_service_bp", std::to_string(p.serviceCommissionBp));
}

StoreZone readZone(SQLite::Database& db) {
  return StoreZone{static_cast<int>(setting(db, "store.zone_offset_minutes", 480))};
}

CheckoutSetup loadCheckoutSetup(SQLite::Database& db) {
  return guarded([&] { return CheckoutSetup{loadPriceBook(db), loadTiers(db), readPolicy(db), readZone(db)}; });
}

void saveItem(SQLite::Database& db, const CatalogItem& i, Instant now) {
  if (i.code.empty() || i.name.empty()) throw DomainError("bad_item", i.code);
  if (i.kind == ItemKind::Package && (i.packageService.empty() || i.packageSessions <= 0 || i.validityDays <= 0))
    throw DomainError("bad_package", i.code);
  SQLite::Statement q(db,
                      "INSERT INTO catalog_items (code, name, kind, category, duration_minutes, qualified_staff,"
                      " package_service, package_sessions, validity_days, sv_bonus, active, updated_at)"
                      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
                      " kind = excluded.kind, category = excluded.category, duration_minutes = excluded.duration_minutes,"
                      " qualified_staff = excluded.qualified_staff, package_service = excluded.package_service,"
                      " package_sessions = excluded.package_sessions, validity_days = excluded.validity_days,"
                      " sv_bonus = excluded.sv_bonus, active = excluded.active, updated_at = excluded.updated_at");
  SQLite::bind(q, i.code, i.name, itemKindName(i.kind), i.category, i.durationMinutes, joinList(i.qualifiedStaff),
               i.packageService, i.packageSessions, i.validityDays, i.storedValueBonus.fen, i.active, now);
  q.exec();
}

void addPrice(SQLite::Database& db, const PriceEntry& p, const std::string& staff, Instant now, bool initial) {
  if (!initial) checkNewPrice(p, now);
  SQLite::Statement q(db, "INSERT INTO catalog_prices (item_code, from_at, price, created_at, created_by) VALUES (?,?,?,?,?)");
  SQLite::bind(q, p.itemCode, p.from, p.price.fen, now, staff);
  q.exec();
}

void addPromotion(SQLite::Database& db, const Promotion& p, const std::string& staff, Instant now) {
  checkNewPromotion(p, now);
  SQLite::Statement q(db, "INSERT INTO promotions (id, name, item_code, category, percent_off_bp, from_at, until_at,"
                          " created_at, created_by, kind, price_fen, buy_qty, free_qty) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::bind(q, p.id, p.name, p.itemCode, p.category, p.percentOffBp, p.from, p.until, now, staff,
               promotionKindName(p.kind), p.price.fen, p.buyQty, p.freeQty);
  q.exec();
}

void saveTier(SQLite::Database& db, const MemberTier& t) {
  SQLite::Statement q(db, "INSERT INTO member_tiers (code, name, rank, min_spend_12m, min_visits_12m, points_per_yuan)"
                          " VALUES (?,?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, rank = excluded.rank,"
                          " min_spend_12m = excluded.min_spend_12m, min_visits_12m = excluded.min_visits_12m,"
                          " points_per_yuan = excluded.points_per_yuan");
  SQLite::bind(q, t.code, t.name, t.rank, t.minSpend12m.fen, t.minVisits12m, t.pointsPerYuan);
  q.exec();
  for (const auto& [cat, bp] : t.discountBp) {
    SQLite::Statement d(db, "INSERT INTO tier_discounts (tier_code, category, discount_bp) VALUES (?,?,?)"
                            " ON CONFLICT(tier_code, category) DO UPDATE SET discount_bp = excluded.discount_bp");
    SQLite::bind(d, t.code, cat, bp);
    d.exec();
  }
}

std::int64_t stockOf(SQLite::Database& db, const std::string& item) {
  SQLite::Statement q(db, "SELECT qty FROM stock_levels WHERE item_code = ?");
  q.bind(1, item);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

void moveStock(SQLite::Database& db, const std::string& item, int delta, const std::string& kind,
               const std::string& saleId, const std::string& staff, Instant at) {
  std::int64_t now = stockOf(db, item);
  if (now + delta < 0) throw DomainError("out_of_stock", item + " (" + std::to_string(now) + ")");
  SQLite::Statement l(db, "INSERT INTO stock_ledger (item_code, sale_id, delta, kind, at, staff) VALUES (?,?,?,?,?,?)");
  l.bind(1, item);
  if (saleId.empty()) l.bind(2); else l.bind(2, saleId);
  l.bind(3, delta);
  l.bind(4, kind);
  l.bind(5, at);
  l.bind(6, staff);
  l.exec();
  SQLite::Statement ins(db, "INSERT OR IGNORE INTO stock_levels (item_code, qty) VALUES (?, 0)");
  ins.bind(1, item);
  ins.exec();
  SQLite::Statement u(db, "UPDATE stock_levels SET qty = qty + ? WHERE item_code = ?");
  SQLite::bind(u, delta, item);
  u.exec();
}

// --- the price list port -------------------------------------------------------

void SqlitePriceList::changePrice(const PriceEntry& price, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    refuseWhenHeadOfficeOwns(s, price.itemCode);
    storage::addPrice(s, price, audit.staff, audit.at);
    appendAudit(s, audit);
    appendOutbox(s, {newUuid(), "catalog.price_changed",
                     nlohmann::json{{"item", price.itemCode}, {"price", price.price.fen}}.dump(), audit.at});
  });
}

void SqlitePriceList::setItemActive(const CatalogItem& item, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    refuseWhenHeadOfficeOwns(s, item.code);
    saveItem(s, item, audit.at);
    appendAudit(s, audit);
    appendOutbox(s, {newUuid(), item.active ? "catalog.item_activated" : "catalog.item_deactivated",
                     nlohmann::json{{"item", item.code}}.dump(), audit.at});
  });
}

void SqlitePriceList::addItem(const CatalogItem& item, const PriceEntry& price, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    refuseWhenHeadOfficeOwns(s, item.code);
    saveItem(s, item, audit.at);
    storage::addPrice(s, price, audit.staff, audit.at);
    appendAudit(s, audit);
    appendOutbox(s, {newUuid(), "catalog.item_added",
                     nlohmann::json{{"item", item.code}, {"name", item.name}, {"price", price.price.fen}}.dump(),
                     audit.at});
  });
}

void SqlitePriceList::addPromotion(const Promotion& promotion, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    storage::addPromotion(s, promotion, audit.staff, audit.at);
    appendAudit(s, audit);
    appendOutbox(s, {newUuid(), "promotion.added",
                     nlohmann::json{{"id", promotion.id}, {"name", promotion.name}}.dump(), audit.at});
  });
}

}  // namespace salon::storage
