// Applying what head office owns (app/hq/PROTOCOL.md, "Down"): catalog items
// and this store's price overrides enter the catalog; every change is kept in
// hq_owned (so local edits of it are refused) inside the caller's transaction.
// Promotions, tiers, staff and settings are applied by sync_owned.cpp.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "app/core/error.h"
#include "storage/catalog_store.h"
#include "storage/chain_files.h"
#include "storage/sql.h"
#include "storage/sync_applications.h"
#include "storage/sync_cards.h"
#include "storage/sync_corrections.h"
#include "storage/sync_overdraws.h"
#include "storage/sync_holds.h"
#include "storage/sync_self_views.h"
#include "storage/sync_store.h"

namespace salon::storage {
namespace {

using Json = nlohmann::json;

std::string textOf(const Json& body, const char* field, const std::string& fallback = "") {
  auto it = body.find(field);
  return it != body.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::optional<std::int64_t> fenOf(const Json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0) return std::nullopt;
  return it->get<std::int64_t>();
}

std::optional<Json> ownedBody(SQLite::Database& db, const std::string& kind, const std::string& key) {
  SQLite::Statement q(db, "SELECT body FROM hq_owned WHERE kind = ? AND key = ?");
  SQLite::bind(q, kind, key);
  if (!q.executeStep()) return std::nullopt;
  return Json::parse(q.getColumn(0).getString(), nullptr, false);
}

void keepOwned(SQLite::Database& db, const HeadOfficeChange& c) {
  if (!c.body) {
    SQLite::Statement d(db, "DELETE FROM hq_owned WHERE kind = ? AND key = ?");
    SQLite::bind(d, c.kind, c.key);
    d.exec();
    return;
  }
  SQLite::Statement q(db, "INSERT INTO hq_owned (kind, key, body) VALUES (?,?,?)"
                          " ON CONFLICT(kind, key) DO UPDATE SET body = excluded.body");
  SQLite::bind(q, c.kind, c.key, *c.body);
  q.exec();
}

// The price HQ wants here: this store's override, else the chain's price.
std::optional<std::int64_t> wantedPrice(SQLite::Database& db, const std::string& code) {
  if (auto o = ownedBody(db, "price.override", code); o && o->is_object())
    if (auto fen = fenOf(*o, "price_fen")) return fen;
  if (auto i = ownedBody(db, "catalog.item", code); i && i->is_object()) return fenOf(*i, "price_fen");
  return std::nullopt;
}

// A new price from now when it differs from the one in force (prices are
// effective-dated and never rewritten). `book`: the prices before this page.
void followPrice(SQLite::Database& db, const PriceBook& book, const std::string& code, Instant now) {
  auto fen = wantedPrice(db, code);
  if (!fen) return;
  auto current = book.priceAt(code, now);
  if (current && current->fen == *fen) return;
  Instant from = now;
  for (const PriceEntry& p : book.pricesOf(code)) from = std::max(from, p.from + 1);
  addPrice(db, {code, Money(*fen), from}, "head-office", now, true);
}

// `items`: the catalog as it stands, kept up to date through the page.
void applyItem(SQLite::Database& db, std::map<std::string, CatalogItem>& items, const HeadOfficeChange& c, Instant now) {
  auto it = items.find(c.key);
  const CatalogItem* known = it == items.end() ? nullptr : &it->second;
  if (!c.body) {  // retired: items stay (sales point at them), inactive
    if (!known) return;
    CatalogItem item = *known;
    item.active = false;
    saveItem(db, item, now);
    items[c.key] = item;
    return;
  }
  Json body = Json::parse(*c.body, nullptr, false);
  if (!body.is_object()) throw DomainError("hq_refused", "bad_change " + c.kind + " " + c.key);
  CatalogItem item = known ? *known : CatalogItem{};
  item.code = c.key;
  item.name = textOf(body, "name", item.name);
  item.category = textOf(body, "category", item.category);
  if (auto kind = itemKindFromName(textOf(body, "kind"))) item.kind = *kind;
  if (auto a = body.find("active"); a != body.end() && a->is_boolean()) item.active = a->get<bool>();
  saveItem(db, item, now);
  items[c.key] = item;
}

std::string overrideItem(const HeadOfficeChange& c) {
  if (c.body) {
    Json body = Json::parse(*c.body, nullptr, false);
    if (body.is_object())
      for (const char* field : {"item", "item_code", "code"})
        if (std::string code = textOf(body, field); !code.empty()) return code;
  }
  return c.key;
}

}  // namespace

std::vector<RefusedChange> applyHeadOfficeChanges(SQLite::Database& db, const std::vector<HeadOfficeChange>& changes,
                                                  const std::string& store, Instant now) {
  std::vector<RefusedChange> refused = applyHeadOfficeRules(db, changes, store, now);
  auto wasRefused = [&](const HeadOfficeChange& c) {
    return std::any_of(refused.begin(), refused.end(), [&](const RefusedChange& r) { return r.kind == c.kind && r.key == c.key; });
  };
  // The catalog is read once a page (not once a change: a page holds up to 1,000).
  const PriceBook before = loadPriceBook(db);
  std::map<std::string, CatalogItem> items;
  for (const CatalogItem& i : before.items()) items[i.code] = i;
  std::set<std::string> priced;  // items whose price may have changed: settled once, after the page
  for (const HeadOfficeChange& given : changes) {
    HeadOfficeChange c = given;
    if (c.kind == "booking.hold") {  // a customer's online booking: not something head office owns here
      try {
        applyOnlineHold(db, c, now);
      } catch (const DomainError& e) {
        refused.push_back({c.kind, c.key, e.detail()});
      }
      continue;
    }
    if (c.kind == "member.application") {  // a customer's membership application made online
      try {
        applyOnlineApplication(db, c, now);
      } catch (const DomainError& e) {
        refused.push_back({c.kind, c.key, e.detail()});
      }
      continue;
    }
    if (c.kind == "customer.self_view" || c.kind == "customer.correction") {  // a customer on the phone page
      try {
        if (c.kind == "customer.self_view") answerSelfView(db, c, now);
        else fileOnlineCorrection(db, c, now);
      } catch (const DomainError& e) {
        refused.push_back({c.kind, c.key, e.code() + ": " + e.detail()});
        if (c.kind == "customer.correction") answerSkippedCorrection(db, c, e.code(), now);  // the customer hears it
      }
      continue;
    }
    if (c.kind == "member.card") {  // a card reissued in another store: the old one is refused here too
      try {
        applyChainCardVersion(db, c, now);
      } catch (const DomainError& e) {
        refused.push_back({c.kind, c.key, e.code() + ": " + e.detail()});
      }
      continue;
    }
    if (c.kind == "customer.file") {  // a file this store holds, changed in another store (issue 18)
      try {
        applyChainFileChange(db, c, now);
      } catch (const DomainError& e) {
        refused.push_back({c.kind, c.key, e.code() + ": " + e.detail()});
      }
      continue;
    }
    if (c.kind == "member.overdraw") {  // a sale of this store that overdrew a member: arrears (issue 18)
      try {
        postOverdraw(db, c, now);
      } catch (const DomainError& e) {
        refused.push_back({c.kind, c.key, e.code() + ": " + e.detail()});
      }
      continue;
    }
    if (c.kind == "price.override") c.key = overrideItem(c);
    if (wasRefused(given)) continue;
    try {
      if (c.kind == "catalog.item") applyItem(db, items, c, now);
    } catch (const DomainError& e) {  // skipped like the rules above: later pages still come
      refused.push_back({c.kind, c.key, e.detail()});
      continue;
    }
    keepOwned(db, c);
    if (c.kind == "catalog.item" || c.kind == "price.override") priced.insert(c.key);
  }
  for (const std::string& code : priced)
    if (items.count(code)) followPrice(db, before, code, now);
  return refused;
}

}  // namespace salon::storage
