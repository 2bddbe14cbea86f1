#include "app/hq/chain_data.h"

#include <pqxx/pqxx>
#include <stdexcept>

#include "app/core/staff.h"
#include "app/core/store_settings.h"

namespace salon::hq {
namespace {

// text[] literal for a list of store codes (codes are checked by the caller).
std::string textArray(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const auto& s : items) out += (out.size() > 1 ? ",\"" : "\"") + s + "\"";
  return out + "}";
}

}  // namespace

void setCatalogItem(pqxx::connection& db, const CatalogItem& i) {
  pqxx::work w(db);
  w.exec_params(
      "INSERT INTO catalog_items (code, name, category, price_fen, member_price_fen, active)"
      " VALUES ($1, $2, $3, $4, NULLIF($5, -1), $6) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
      " category = excluded.category, price_fen = excluded.price_fen,"
      " member_price_fen = excluded.member_price_fen, active = excluded.active",
      i.code, i.name, i.category, i.price.fen,
      i.memberPrice ? i.memberPrice->fen : std::int64_t{-1}, i.active);  // -1: no member price
  w.commit();
}

// Retired, not deleted: sales at the stores still name it. The kiosk hides it.
bool retireCatalogItem(pqxx::connection& db, const std::string& code) {
  pqxx::work w(db);
  auto r = w.exec_params("UPDATE catalog_items SET active = false WHERE code = $1", code);
  w.commit();
  return r.affected_rows() > 0;
}

void setPriceOverride(pqxx::connection& db, const std::string& store, const std::string& item, Money price) {
  pqxx::work w(db);
  w.exec_params("INSERT INTO price_overrides (store, item, price_fen) VALUES ($1, $2, $3)"
                " ON CONFLICT (store, item) DO UPDATE SET price_fen = excluded.price_fen",
                store, item, price.fen);
  w.commit();
}

bool clearPriceOverride(pqxx::connection& db, const std::string& store, const std::string& item) {
  pqxx::work w(db);
  auto r = w.exec_params("DELETE FROM price_overrides WHERE store = $1 AND item = $2", store, item);
  w.commit();
  return r.affected_rows() > 0;
}

void setChainStaff(pqxx::connection& db, const ChainStaff& s) {
  if (!roleFromName(s.role))
    throw std::runtime_error("--role is one of cashier, beautician, supervisor, manager, finance, admin");
  pqxx::work w(db);
  auto known = w.exec_params("SELECT count(*) FROM stores WHERE code = ANY($1::text[])", textArray(s.stores));
  if (known[0][0].as<std::size_t>() != s.stores.size()) throw std::runtime_error("--stores names a store HQ does not know");
  w.exec_params("INSERT INTO staff (code, name, role, stores, active) VALUES ($1, $2, $3, $4::text[], $5)"
                " ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,"
                " stores = excluded.stores, active = excluded.active",
                s.code, s.name, s.role, textArray(s.stores), s.active);
  w.commit();
}

void setChainSetting(pqxx::connection& db, const std::string& key, const std::string& value) {
  if (isStoreOwnSetting(key)) throw std::runtime_error(key + " belongs to each store, not to head office");
  pqxx::work w(db);
  w.exec_params("INSERT INTO chain_settings (key, value) VALUES ($1, $2)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key, value);
  w.commit();
}

void setPromotion(pqxx::connection& db, const std::string& code, const nlohmann::json& body, bool active) {
  if (!body.is_object()) throw std::runtime_error("a promotion is a JSON object");
  pqxx::work w(db);
  w.exec_params("INSERT INTO promotions (code, body, active) VALUES ($1, $2::jsonb, $3)"
                " ON CONFLICT (code) DO UPDATE SET body = excluded.body, active = excluded.active",
                code, body.dump(), active);
  w.commit();
}

void setTier(pqxx::connection& db, const std::string& code, const nlohmann::json& body) {
  if (!body.is_object()) throw std::runtime_error("a tier is a JSON object");
  pqxx::work w(db);
  w.exec_params("INSERT INTO tiers (code, body) VALUES ($1, $2::jsonb) ON CONFLICT (code) DO UPDATE SET body = excluded.body",
                code, body.dump());
  w.commit();
}

}  // namespace salon::hq
