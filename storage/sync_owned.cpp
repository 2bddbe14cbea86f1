// What head office owns besides the catalog (app/hq/PROTOCOL.md, "Down"):
// promotions, member tiers, staff and store settings, applied inside the
// caller's transaction. Each is kept in hq_owned too, so a local edit of it is
// refused while the store is enrolled (refuseWhenHeadOfficeOwnsKind).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

#include "app/core/clock.h"
#include "app/core/error.h"
#include "app/core/staff.h"
#include "app/core/store_settings.h"
#include "storage/catalog_store.h"
#include "storage/settings_store.h"
#include "storage/sql.h"
#include "storage/sync_store.h"

namespace salon::storage {
namespace {

using Json = nlohmann::json;

Json bodyOf(const HeadOfficeChange& c) {
  Json body = Json::parse(*c.body, nullptr, false);
  if (!body.is_object()) throw DomainError("hq_refused", "bad_change " + c.kind + " " + c.key);
  return body;
}

std::string text(const Json& body, const char* field) {
  auto it = body.find(field);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

std::int64_t whole(const Json& body, const char* field, std::int64_t fallback, std::int64_t lo, std::int64_t hi,
                   const HeadOfficeChange& c) {
  auto it = body.find(field);
  if (it == body.end()) return fallback;
  if (!it->is_number_integer() || it->get<std::int64_t>() < lo || it->get<std::int64_t>() > hi)
    throw DomainError("hq_refused", "bad_change " + c.kind + " " + c.key + " " + field);
  return it->get<std::int64_t>();
}

// A calendar day in the store's zone, as the instant it starts.
Instant dayStart(const Json& body, const char* field, StoreZone zone, const HeadOfficeChange& c) {
  CivilDate d;
  if (!parseDate(text(body, field), d)) throw DomainError("hq_refused", "bad_change " + c.kind + " " + c.key + " " + field);
  return startOfLocalDay(d, zone);
}

// HQ's promotion `key` is kept locally as "hq:key"; `until` is its last day.
void applyPromotion(SQLite::Database& db, const HeadOfficeChange& c, Instant now) {
  const std::string id = "hq:" + c.key;
  if (!c.body) {  // withdrawn: it ends now (sales made under it keep their price)
    SQLite::Statement q(db, "UPDATE promotions SET until_at = min(until_at, max(from_at + 1, ?)) WHERE id = ?");
    SQLite::bind(q, now, id);
    q.exec();
    return;
  }
  Json body = bodyOf(c);
  if (auto a = body.find("active"); a != body.end() && a->is_boolean() && !a->get<bool>())
    return applyPromotion(db, {c.kind, c.key, std::nullopt}, now);  // ended at head office
  StoreZone zone = readZone(db);
  std::string item = text(body, "item"), category = text(body, "category");
  if (item.empty() == category.empty()) throw DomainError("hq_refused", "bad_change promotion " + c.key + " item|category");
  // Head office's kinds are the kiosk's (app/core/promotion.h); "kind" absent: percent off.
  auto kind = promotionKindFromName(body.contains("kind") ? text(body, "kind") : "percent_off");
  if (!kind) throw DomainError("hq_refused", "bad_change promotion " + c.key + " kind");
  auto bp = whole(body, "percent_off_bp", 0, *kind == PromotionKind::PercentOff ? 1 : 0, 10000, c);
  auto price = whole(body, "price_fen", 0, 0, std::int64_t(1) << 40, c);
  auto buy = whole(body, "buy", 0, 0, 99, c), free = whole(body, "free", 0, 0, 99, c);
  if (*kind == PromotionKind::BuyGetFree && (buy < 1 || free < 1))
    throw DomainError("hq_refused", "bad_change promotion " + c.key + " buy|free");
  Instant from = dayStart(body, "from", zone, c), until = dayStart(body, "until", zone, c) + kDay;
  if (until <= from) throw DomainError("hq_refused", "bad_change promotion " + c.key + " until");
  SQLite::Statement q(db, "INSERT INTO promotions (id, name, item_code, category, percent_off_bp, from_at, until_at,"
                          " created_at, created_by, kind, price_fen, buy_qty, free_qty)"
                          " VALUES (?,?,?,?,?,?,?,?,'head-office',?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                          " name = excluded.name, item_code = excluded.item_code, category = excluded.category,"
                          " percent_off_bp = excluded.percent_off_bp, from_at = excluded.from_at, until_at = excluded.until_at,"
                          " kind = excluded.kind, price_fen = excluded.price_fen, buy_qty = excluded.buy_qty,"
                          " free_qty = excluded.free_qty");
  SQLite::bind(q, id, text(body, "name").empty() ? c.key : text(body, "name"), item, category, bp, from, until, now,
               promotionKindName(*kind), price, buy, free);
  q.exec();
}

MemberTier tierOf(const HeadOfficeChange& c) {
  Json body = bodyOf(c);
  MemberTier t;
  t.code = c.key;
  t.name = text(body, "name").empty() ? c.key : text(body, "name");
  t.rank = static_cast<int>(whole(body, "rank", 0, 0, 1000, c));
  t.minSpend12m = Money(whole(body, "min_spend_fen", 0, 0, std::int64_t{1} << 50, c));
  t.minVisits12m = static_cast<int>(whole(body, "min_visits", 0, 0, 100000, c));
  t.pointsPerYuan = static_cast<int>(whole(body, "points_per_yuan", 1, 0, 1000, c));
  if (auto d = body.find("discounts"); d != body.end()) {
    if (!d->is_object()) throw DomainError("hq_refused", "bad_change tier " + c.key + " discounts");
    for (auto it = d->begin(); it != d->end(); ++it)
      t.discountBp[it.key()] = static_cast<int>(whole(*d, it.key().c_str(), 0, 0, 10000, c));
  }
  return t;
}

// Tiers of one page are written after their ranks are moved out of the way:
// HQ may swap two tiers' ranks, and ranks are unique at every step.
void applyTiers(SQLite::Database& db, const std::vector<HeadOfficeChange>& changes) {
  std::vector<MemberTier> tiers;
  for (const auto& c : changes)
    if (c.kind == "tier" && c.body) tiers.push_back(tierOf(c));  // a withdrawn tier stays: members may hold it
  int parked = -1;
  for (const auto& t : tiers) {
    SQLite::Statement q(db, "UPDATE member_tiers SET rank = ? WHERE code = ?");
    SQLite::bind(q, --parked - 1000000, t.code);
    q.exec();
  }
  for (const auto& t : tiers) {
    SQLite::Statement d(db, "DELETE FROM tier_discounts WHERE tier_code = ?");
    d.bind(1, t.code);
    d.exec();
    saveTier(db, t);
  }
}

bool listsStore(const Json& body, const std::string& store) {
  auto st = body.find("stores");
  return st != body.end() && st->is_array() &&
         std::any_of(st->begin(), st->end(), [&](const Json& v) { return v.is_string() && v.get<std::string>() == store; });
}

// Was this staff member head office's, working here, before this change?
bool wasHeadOfficeStaffHere(SQLite::Database& db, const std::string& code, const std::string& store) {
  SQLite::Statement q(db, "SELECT body FROM hq_owned WHERE kind = 'staff' AND key = ?");
  q.bind(1, code);
  return q.executeStep() && listsStore(Json::parse(q.getColumn(0).getString(), nullptr, false), store);
}

// Staff are sent to every store; this store keeps those whose `stores` name it.
// PINs never travel: someone new signs in after a manager here sets a PIN.
// Someone moved away is made inactive only if head office had them here: a
// store's own staff with the same code are left alone.
void applyStaff(SQLite::Database& db, const HeadOfficeChange& c, const std::string& store, Instant now) {
  Json body = c.body ? bodyOf(c) : Json::object();
  const bool here = listsStore(body, store);
  auto role = roleFromName(text(body, "role"));
  if (c.body && !role) throw DomainError("hq_refused", "bad_change staff " + c.key + " role");
  auto a = body.find("active");
  const bool active = here && (a == body.end() || (a->is_boolean() && a->get<bool>()));
  if (!here) {
    if (!wasHeadOfficeStaffHere(db, c.key, store)) return;
    SQLite::Statement q(db, "UPDATE staff SET active = 0 WHERE code = ?");
    q.bind(1, c.key);
    q.exec();
    return;
  }
  SQLite::Statement q(db, "INSERT INTO staff (code, name, role, department, pin_hash, active, created_at)"
                          " VALUES (?,?,?,'','',?,?) ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
                          " role = excluded.role, active = excluded.active");
  SQLite::bind(q, c.key, text(body, "name").empty() ? c.key : text(body, "name"), roleName(*role), active ? 1 : 0, now);
  q.exec();
}

void applySetting(SQLite::Database& db, const HeadOfficeChange& c) {
  if (isStoreOwnSetting(c.key)) throw DomainError("hq_refused", "bad_change setting " + c.key + " local");
  if (!c.body) {  // removed: the store's default applies again
    SQLite::Statement q(db, "DELETE FROM store_settings WHERE key = ?");
    q.bind(1, c.key);
    q.exec();
    return;
  }
  Json body = Json::parse(*c.body, nullptr, false);
  std::string value = body.is_string() ? body.get<std::string>() : text(body, "value");
  if (!body.is_string() && (!body.is_object() || !body.contains("value") || !body["value"].is_string()))
    throw DomainError("hq_refused", "bad_change setting " + c.key);
  writeSetting(db, c.key, value);
}

}  // namespace

std::vector<RefusedChange> applyHeadOfficeRules(SQLite::Database& db, const std::vector<HeadOfficeChange>& changes,
                                                const std::string& store, Instant now) {
  std::vector<RefusedChange> refused;
  auto attempt = [&](const HeadOfficeChange& c, const std::function<void()>& apply) {
    try {
      apply();
    } catch (const DomainError& e) {  // one bad change must not hold back the rest, or every later page
      refused.push_back({c.kind, c.key, e.detail()});
    }
  };
  std::vector<HeadOfficeChange> tiers;
  for (const auto& c : changes)
    if (c.kind == "tier") attempt(c, [&] { if (c.body) tierOf(c); tiers.push_back(c); });
  applyTiers(db, tiers);
  for (const auto& c : changes) {
    if (c.kind == "promotion") attempt(c, [&] { applyPromotion(db, c, now); });
    if (c.kind == "staff") attempt(c, [&] { applyStaff(db, c, store, now); });
    if (c.kind == "setting") attempt(c, [&] { applySetting(db, c); });
  }
  return refused;
}

void refuseWhenHeadOfficeOwnsKind(SQLite::Database& db, const std::string& kind, const std::string& key) {
  // Staff come to every store: only those head office has working here are its.
  SQLite::Statement q(db, "SELECT 1 FROM hq_owned o, sync_state s WHERE o.kind = ? AND o.key = ? AND (o.kind <> 'staff'"
                          " OR EXISTS (SELECT 1 FROM json_each(o.body, '$.stores') WHERE value = s.store_code))");
  SQLite::bind(q, kind, key);
  if (q.executeStep()) throw DomainError("managed_by_head_office", key);
}

}  // namespace salon::storage
