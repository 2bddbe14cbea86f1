// salon-hq catalog | price | staff | setting | promotion | tier (what head office
// owns), and report stores | verify.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <pqxx/pqxx>
#include <sstream>

#include "app/core/comma_list.h"
#include "app/core/clock.h"
#include "app/hq/chain_data.h"
#include "app/hq/chain_verify.h"
#include "app/hq/hq_commands.h"
#include "app/hq/store_report.h"

namespace salon::hq {
namespace {

struct ChainArgs {
  std::string pg, code, store, item, name, category, role, price, memberPrice, key, value, body, stores, day;
  bool inactive = false, json = false;
};

Money yuanOption(const std::string& text, const char* what) {
  Money m;
  if (!parseYuan(text, m) || m.fen < 0) throw std::runtime_error(std::string(what) + " wants yuan like 38.00, not " + text);
  return m;
}

CLI::App* command(CLI::App* parent, const char* name, const char* what, ChainArgs& a, CommandRun& run,
                  std::function<nlohmann::json(pqxx::connection&)> work) {
  return pgCommand(parent, name, what, a.pg, run, std::move(work));
}

void addCatalog(CLI::App& app, ChainArgs& a, CommandRun& run) {
  auto* catalog = app.add_subcommand("catalog", "The chain's catalog");
  catalog->require_subcommand(1);
  auto* set = command(catalog, "set", "Add or change an item", a, run, [&a](pqxx::connection& db) {
    CatalogItem i{a.code, a.name, a.category, yuanOption(a.price, "--price"), std::nullopt, !a.inactive};
    if (!a.memberPrice.empty()) i.memberPrice = yuanOption(a.memberPrice, "--member-price");
    setCatalogItem(db, i);
    return nlohmann::json{{"item", i.code}, {"price_fen", i.price.fen}};
  });
  set->add_option("code", a.code, "Item code, e.g. SVC-01")->required();
  set->add_option("--name", a.name, "Name")->required();
  set->add_option("--price", a.price, "Price in yuan, e.g. 38.00")->required();
  set->add_option("--member-price", a.memberPrice, "Member price in yuan");
  set->add_option("--category", a.category, "Category");
  set->add_flag("--inactive", a.inactive, "Not for sale");
  auto* retire = command(catalog, "retire", "Stop selling an item (kept for history)", a, run,
                         [&a](pqxx::connection& db) {
                           if (!retireCatalogItem(db, a.code)) throw std::runtime_error("no item " + a.code);
                           return nlohmann::json{{"retired", a.code}};
                         });
  retire->add_option("code", a.code, "Item code")->required();
}

void addPrice(CLI::App& app, ChainArgs& a, CommandRun& run) {
  auto* price = app.add_subcommand("price", "Per-store price overrides");
  price->require_subcommand(1);
  auto* set = command(price, "override", "One store's price for an item", a, run, [&a](pqxx::connection& db) {
    Money p = yuanOption(a.price, "--price");
    setPriceOverride(db, a.store, a.item, p);
    return nlohmann::json{{"store", a.store}, {"item", a.item}, {"price_fen", p.fen}};
  });
  set->add_option("store", a.store, "Store code")->required();
  set->add_option("item", a.item, "Item code")->required();
  set->add_option("--price", a.price, "Price in yuan")->required();
  auto* clear = command(price, "clear", "Back to the chain's price", a, run, [&a](pqxx::connection& db) {
    return nlohmann::json{{"cleared", clearPriceOverride(db, a.store, a.item)}};
  });
  clear->add_option("store", a.store, "Store code")->required();
  clear->add_option("item", a.item, "Item code")->required();
}

void addStaffAndSettings(CLI::App& app, ChainArgs& a, CommandRun& run) {
  auto* staff = app.add_subcommand("staff", "The chain's staff (PINs never leave the stores)");
  staff->require_subcommand(1);
  auto* add = command(staff, "add", "Add or change a staff member", a, run, [&a](pqxx::connection& db) {
    setChainStaff(db, {a.code, a.name, a.role, commaList(a.stores), !a.inactive});
    return nlohmann::json{{"staff", a.code}, {"stores", commaList(a.stores)}};
  });
  add->add_option("code", a.code, "Staff code")->required();
  add->add_option("--name", a.name, "Name")->required();
  add->add_option("--role", a.role, "Role: cashier, beautician, supervisor, manager, finance or admin")->required();
  add->add_option("--stores", a.stores, "Store codes, comma separated")->required();
  add->add_flag("--inactive", a.inactive, "No longer working");
  auto* setting = app.add_subcommand("setting", "Chain settings");
  setting->require_subcommand(1);
  auto* set = command(setting, "set", "Set a chain setting", a, run, [&a](pqxx::connection& db) {
    setChainSetting(db, a.key, a.value);
    return nlohmann::json{{"key", a.key}, {"value", a.value}};
  });
  set->add_option("key", a.key, "Key")->required();
  set->add_option("value", a.value, "Value")->required();
}

void addPromotionsAndTiers(CLI::App& app, ChainArgs& a, CommandRun& run) {
  auto* promotion = app.add_subcommand("promotion", "Chain promotions");
  promotion->require_subcommand(1);
  auto* p = command(promotion, "set", "Add or change a promotion", a, run, [&a](pqxx::connection& db) {
    setPromotion(db, a.code, nlohmann::json::parse(a.body), !a.inactive);
    return nlohmann::json{{"promotion", a.code}};
  });
  p->add_option("code", a.code, "Promotion code")->required();
  p->add_option("--json", a.body, "The promotion, a JSON object")->required();
  p->add_flag("--inactive", a.inactive, "Ended");
  auto* tier = app.add_subcommand("tier", "Member tiers");
  tier->require_subcommand(1);
  auto* t = command(tier, "set", "Add or change a tier", a, run, [&a](pqxx::connection& db) {
    setTier(db, a.code, nlohmann::json::parse(a.body));
    return nlohmann::json{{"tier", a.code}};
  });
  t->add_option("code", a.code, "Tier code")->required();
  t->add_option("--json", a.body, "The tier, a JSON object")->required();
}

}  // namespace

void addChainCommands(CLI::App& app, CommandRun& run) {
  static ChainArgs a;  // lives as long as the parse and the run
  addCatalog(app, a, run);
  addPrice(app, a, run);
  addStaffAndSettings(app, a, run);
  addPromotionsAndTiers(app, a, run);
}

void addReportCommands(CLI::App& app, CommandRun& run) {
  static ChainArgs a;
  auto* report = app.add_subcommand("report", "Head-office reports");
  report->require_subcommand(1);
  auto* stores = command(report, "stores", "Per store and business day: the Z report's figures", a, run,
                         [](pqxx::connection& db) {
                           CivilDate d;
                           if (!a.day.empty() && !parseDate(a.day, d)) throw std::runtime_error("--day wants YYYY-MM-DD");
                           return storesReport(db, a.day);
                         });
  stores->add_flag("--json", a.json, "JSON (the only format)");
  stores->add_option("--day", a.day, "YYYY-MM-DD (default: every day)");
  auto* verify = app.add_subcommand("verify", "Check the audit-chain heads a store uploaded");
  verify->add_option("--store", a.store, "Store code")->required();
  verify->add_option("--pg", a.pg, "PostgreSQL URL (or $SALON_HQ_PG)")->envname("SALON_HQ_PG")->required();
  verify->callback([&run] {
    run = [] {
      pqxx::connection db(a.pg);
      HeadCheck c = verifyHeads(db, a.store);
      for (const auto& p : c.problems) std::cerr << "salon-hq verify: " << p << "\n";
      std::cout << nlohmann::json{{"store", c.store}, {"heads", c.heads}, {"ok", c.ok()}, {"problems", c.problems}}.dump()
                << std::endl;
      return c.ok() ? 0 : 1;
    };
  });
}

CLI::App* pgCommand(CLI::App* parent, const char* name, const char* what, std::string& pg, CommandRun& run,
                    std::function<nlohmann::json(pqxx::connection&)> work) {
  auto* sub = parent->add_subcommand(name, what);
  sub->add_option("--pg", pg, "PostgreSQL URL (or $SALON_HQ_PG)")->envname("SALON_HQ_PG")->required();
  sub->callback([&run, &pg, work] {
    run = [&pg, work] {
      pqxx::connection db(pg);
      std::cout << work(db).dump() << std::endl;
      return 0;
    };
  });
  return sub;
}

}  // namespace salon::hq
