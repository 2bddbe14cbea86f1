#pragma once
// What head office owns and every store receives through /changes: the catalog,
// per-store price overrides, promotions, tiers, staff (in one or several stores)
// and chain settings. Each write is one transaction; the change log row is written
// by trigger in the same transaction (migrations/003_chain_data.sql).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/connection>

#include "app/core/money.h"

namespace salon::hq {

struct CatalogItem {
  std::string code, name, category;
  Money price;
  std::optional<Money> memberPrice;
  bool active = true;
};

struct ChainStaff {
  std::string code, name, role;
  std::vector<std::string> stores;
  bool active = true;
};

void setCatalogItem(pqxx::connection& db, const CatalogItem& item);
bool retireCatalogItem(pqxx::connection& db, const std::string& code);
void setPriceOverride(pqxx::connection& db, const std::string& store, const std::string& item, Money price);
bool clearPriceOverride(pqxx::connection& db, const std::string& store, const std::string& item);
void setChainStaff(pqxx::connection& db, const ChainStaff& staff);
void setChainSetting(pqxx::connection& db, const std::string& key, const std::string& value);
// Promotions and tiers keep the kiosk's own shape: a JSON object as given.
void setPromotion(pqxx::connection& db, const std::string& code, const nlohmann::json& body, bool active);
void setTier(pqxx::connection& db, const std::string& code, const nlohmann::json& body);

}  // namespace salon::hq
