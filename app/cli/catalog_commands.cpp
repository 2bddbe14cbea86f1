// salon-kiosk catalog list|export|import|promote: the published price list.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli/checkout_cli.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/sync_store.h"

namespace salon::cli {
namespace {

struct CatalogArgs {
  std::string db, staff, file, id, name, item, category, from, until, kind = "percent_off", price;
  int percentBp = 0, buy = 0, free = 0;
  bool json = false;
};

const char* kCsvHeader =
    "code,name,kind,category,price,duration_minutes,qualified_staff,package_service,package_sessions,validity_days,sv_bonus,active";

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::vector<std::string> csvSplit(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& v, char sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : std::string(1, sep)) + x;
  return s;
}

int toInt(const std::string& s, const std::string& where) {
  try {
    std::size_t n = 0;
    long long v = std::stoll(s.empty() ? "0" : s, &n);
    if (n != (s.empty() ? 1 : s.size())) throw std::invalid_argument(s);
    return static_cast<int>(v);
  } catch (...) {
    throw DomainError("bad_csv", where + ": " + s);
  }
}

nlohmann::json promotionJson(const Promotion& p) {
  nlohmann::json j = {{"kind", promotionKindName(p.kind)}, {"name", p.name}};
  if (p.kind == PromotionKind::PercentOff) j["percent_bp"] = p.percentOffBp;
  if (p.kind == PromotionKind::FixedPrice || p.kind == PromotionKind::MemberPrice) j["price"] = p.price.fen;
  if (p.kind == PromotionKind::BuyGetFree) j["buy"] = p.buyQty, j["free"] = p.freeQty;
  return j;
}

// "-20%", "fixed ¥68.00", "member ¥68.00", "buy 2 get 1": the list's last column.
std::string promotionText(const Promotion& p) {
  switch (p.kind) {
    case PromotionKind::PercentOff: return "-" + std::to_string(p.percentOffBp / 100) + "%";
    case PromotionKind::FixedPrice: return "fixed " + formatYuan(p.price);
    case PromotionKind::MemberPrice: return "member " + formatYuan(p.price);
    case PromotionKind::BuyGetFree: return "buy " + std::to_string(p.buyQty) + " get " + std::to_string(p.freeQty);
  }
  return "";
}

int listCatalog(const Invocation& inv, const CatalogArgs& a) {
  auto db = openDatabase(a.db, storage::OpenMode::ReadOnly);
  auto setup = storage::loadCheckoutSetup(db->sql());
  Instant now = inv.clock->now();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : setup.prices.items()) {
    if (!i.active) continue;
    auto price = setup.prices.priceAt(i.code, now);
    const Promotion* promo = setup.prices.runningPromotion(i, now);
    nlohmann::json j = {{"code", i.code}, {"name", i.name}, {"kind", itemKindName(i.kind)}, {"category", i.category},
                        {"price", price ? nlohmann::json(price->fen) : nlohmann::json(nullptr)}};
    if (i.kind == ItemKind::Service) j["duration_minutes"] = i.durationMinutes;
    if (i.kind == ItemKind::Package) j["package"] = {{"service", i.packageService}, {"sessions", i.packageSessions}, {"validity_days", i.validityDays}};
    if (i.kind == ItemKind::StoredValuePlan) j["bonus"] = i.storedValueBonus.fen;
    if (promo) j["promotion"] = promotionJson(*promo);
    if (promo && promo->kind == PromotionKind::PercentOff) j["promotion_bp"] = promo->percentOffBp;
    out.push_back(j);
    if (!a.json)
      std::cout << i.code << "\t" << i.name << "\t" << itemKindName(i.kind) << "\t" << (price ? formatYuan(*price) : "-")
                << (promo ? "\t" + promotionText(*promo) : "") << "\n";
  }
  if (a.json) std::cout << out.dump(2) << "\n";
  return 0;
}

int exportCatalog(const Invocation& inv, const CatalogArgs& a) {
  auto db = openDatabase(a.db, storage::OpenMode::ReadOnly);
  PriceBook book = storage::loadPriceBook(db->sql());
  std::ofstream file;
  if (!a.file.empty() && a.file != "-") file.open(a.file);
  std::ostream& out = file.is_open() ? file : std::cout;
  out << kCsvHeader << "\n";
  for (const auto& i : book.items()) {
    auto price = book.priceAt(i.code, inv.clock->now());
    out << csvField(i.code) << "," << csvField(i.name) << "," << itemKindName(i.kind) << "," << csvField(i.category) << ","
        << (price ? price->fen : 0) << "," << i.durationMinutes << "," << csvField(joined(i.qualifiedStaff, ';')) << ","
        << csvField(i.packageService) << "," << i.packageSessions << "," << i.validityDays << "," << i.storedValueBonus.fen
        << "," << (i.active ? 1 : 0) << "\n";
  }
  return 0;
}

CatalogItem itemFromCsv(const std::vector<std::string>& f, int lineNo, Money& price) {
  std::string where = "line " + std::to_string(lineNo);
  if (f.size() < 5) throw DomainError("bad_csv", where + ": needs at least code,name,kind,category,price");
  auto get = [&](std::size_t i) { return i < f.size() ? f[i] : std::string(); };
  CatalogItem i;
  i.code = f[0];
  i.name = f[1];
  auto kind = itemKindFromName(f[2]);
  if (!kind) throw DomainError("bad_csv", where + ": kind " + f[2]);
  i.kind = *kind;
  i.category = f[3];
  price = Money(toInt(f[4], where + " price"));
  i.durationMinutes = toInt(get(5), where + " duration");
  std::stringstream staff(get(6));
  for (std::string s; std::getline(staff, s, ';');)
    if (!s.empty()) i.qualifiedStaff.push_back(s);
  i.packageService = get(7);
  i.packageSessions = toInt(get(8), where + " package_sessions");
  i.validityDays = toInt(get(9), where + " validity_days");
  i.storedValueBonus = Money(toInt(get(10), where + " sv_bonus"));
  i.active = get(11).empty() || get(11) == "1";
  if (price.fen < 0) throw DomainError("price_negative", i.code);
  return i;
}

int importCatalog(const Invocation& inv, const CatalogArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ManageCatalog, "catalog", "import");
  std::ifstream in(a.file);
  if (!in) throw DomainError("bad_csv", "cannot read " + a.file);
  Instant now = inv.clock->now();
  PriceBook before = storage::loadPriceBook(db->sql());
  int items = 0, prices = 0;
  db->write([&](SQLite::Database& s) {
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
      if (++lineNo == 1 && line.rfind("code,", 0) == 0) continue;
      if (line.empty()) continue;
      Money price;
      CatalogItem item = itemFromCsv(csvSplit(line), lineNo, price);
      storage::refuseWhenHeadOfficeOwns(s, item.code);
      storage::saveItem(s, item, now);
      ++items;
      auto current = before.priceAt(item.code, now);
      // A changed price is in force from now on; the old one stays in the history.
      if (!current || *current != price) {
        storage::addPrice(s, {item.code, price, now}, me.code, now);
        ++prices;
      }
    }
    storage::appendAudit(s, auditOf(now, me.code, "catalog.import", "catalog", a.file,
                                    "", std::to_string(items) + " items, " + std::to_string(prices) + " prices"));
    storage::appendOutbox(s, {newUuid(), "catalog.imported", nlohmann::json{{"items", items}, {"prices", prices}}.dump(), now});
  });
  std::cout << nlohmann::json{{"items", items}, {"prices_changed", prices}}.dump() << "\n";
  return 0;
}

Instant parseLocal(const std::string& text, StoreZone zone, const char* what) {
  CivilDate d;
  if (!parseDate(text, d)) throw DomainError("bad_input", std::string(what) + " " + text + " (YYYY-MM-DD)");
  return startOfLocalDay(d, zone);
}

int promote(const Invocation& inv, const CatalogArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ManageCatalog, "promotion", a.id);
  StoreZone zone = storage::readZone(db->sql());
  Promotion p{a.id.empty() ? newUuid() : a.id, a.name, a.item, a.category, a.percentBp,
              parseLocal(a.from, zone, "--from"), parseLocal(a.until, zone, "--until") + kDay};
  auto kind = promotionKindFromName(a.kind);
  if (!kind) throw DomainError("promotion_bad_kind", a.kind);
  p.kind = *kind;
  if (!a.price.empty() && !parseYuan(a.price, p.price)) throw DomainError("bad_input", "--price " + a.price);
  if ((p.kind == PromotionKind::FixedPrice || p.kind == PromotionKind::MemberPrice) && a.price.empty())
    throw DomainError("bad_input", "--price is needed for " + a.kind);
  p.buyQty = a.buy;
  p.freeQty = a.free;
  Instant now = inv.clock->now();
  db->write([&](SQLite::Database& s) {
    storage::addPromotion(s, p, me.code, now);
    storage::appendAudit(s, auditOf(now, me.code, "promotion.add", "promotion", p.id, p.name));
    storage::appendOutbox(s, {newUuid(), "promotion.added", nlohmann::json{{"id", p.id}, {"name", p.name}}.dump(), now});
  });
  std::cout << p.id << "\n";
  return 0;
}

}  // namespace

void addCatalogCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<CatalogArgs>();
  auto* catalog = app.add_subcommand("catalog", "The catalog and its published prices");
  catalog->require_subcommand(1);
  auto* list = catalog->add_subcommand("list", "The price list in force now");
  addDbOption(list, a->db);
  list->add_flag("--json", a->json);
  list->callback([&inv, a] { inv.run = [&inv, a] { return listCatalog(inv, *a); }; });

  auto* exp = catalog->add_subcommand("export", "The catalog as CSV (prices in fen)");
  addDbOption(exp, a->db);
  exp->add_option("--out", a->file, "CSV file (default stdout)");
  exp->callback([&inv, a] { inv.run = [&inv, a] { return exportCatalog(inv, *a); }; });

  auto* imp = catalog->add_subcommand("import", "Add or update items from CSV; changed prices apply from now");
  addDbOption(imp, a->db);
  imp->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  imp->add_option("--csv", a->file, "CSV file (header as `catalog export` writes)")->required();
  imp->callback([&inv, a] { inv.run = [&inv, a] { return importCatalog(inv, *a); }; });

  auto* promo = catalog->add_subcommand("promote", "Set up a promotion before it starts");
  addDbOption(promo, a->db);
  promo->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  promo->add_option("--id", a->id);
  promo->add_option("--name", a->name)->required();
  promo->add_option("--item", a->item, "An item code ...");
  promo->add_option("--category", a->category, "... or a whole category");
  promo->add_option("--kind", a->kind, "percent_off (default), fixed_price, member_price, buy_get_free");
  promo->add_option("--percent-bp", a->percentBp, "percent_off: 1000 = 10 % off");
  promo->add_option("--price", a->price, "fixed_price / member_price: one unit's price in yuan, e.g. 68.00");
  promo->add_option("--buy", a->buy, "buy_get_free: N paid ...");
  promo->add_option("--free", a->free, "... and M free in every N + M");
  promo->add_option("--from", a->from, "First day, YYYY-MM-DD")->required();
  promo->add_option("--until", a->until, "Last day, YYYY-MM-DD")->required();
  promo->callback([&inv, a] { inv.run = [&inv, a] { return promote(inv, *a); }; });
}

}  // namespace salon::cli
