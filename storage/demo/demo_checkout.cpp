#include "storage/demo/demo_checkout.h"

#include "storage/demo/demo_customers.h"

#include <algorithm>
#include <random>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/sale.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/member_store.h"
#include "storage/sale_store.h"

namespace salon::demo {
namespace {

struct DemoItem {
  const char* code;
  const char* name;
  ItemKind kind;
  const char* category;
  int minutes;
  std::int64_t price;
  const char* packageService;
  int sessions;
  std::int64_t bonus;
};

constexpr DemoItem kItems[] = {
    {"S-CUT", "洗剪吹", ItemKind::Service, "hair", 45, 8800, "", 0, 0},
    {"S-COLOR", "染发", ItemKind::Service, "hair", 120, 38800, "", 0, 0},
    {"S-PERM", "烫发", ItemKind::Service, "hair", 150, 48800, "", 0, 0},
    {"S-FACIAL", "深层补水护理", ItemKind::Service, "face", 60, 12800, "", 0, 0},
    {"S-EYE", "眼部护理", ItemKind::Service, "face", 45, 15800, "", 0, 0},
    {"S-MASSAGE", "肩颈按摩", ItemKind::Service, "body", 60, 16800, "", 0, 0},
    {"S-NAIL", "美甲", ItemKind::Service, "nail", 60, 9800, "", 0, 0},
    {"P-SERUM", "玻尿酸精华", ItemKind::Product, "product", 0, 29900, "", 0, 0},
    {"P-MASK", "补水面膜(盒)", ItemKind::Product, "product", 0, 12800, "", 0, 0},
    {"P-SHAMPOO", "护色洗发水", ItemKind::Product, "product", 0, 8900, "", 0, 0},
    {"K-FACIAL10", "补水护理10次卡", ItemKind::Package, "face", 0, 98000, "S-FACIAL", 10, 0},
    {"K-MASSAGE5", "肩颈按摩5次卡", ItemKind::Package, "body", 0, 68000, "S-MASSAGE", 5, 0},
    {"V-1000", "储值1000送200", ItemKind::StoredValuePlan, "stored_value", 0, 100000, "", 0, 20000},
    {"V-3000", "储值3000送800", ItemKind::StoredValuePlan, "stored_value", 0, 300000, "", 0, 80000},
};

bool catalogEmpty(SQLite::Database& s) {
  SQLite::Statement q(s, "SELECT COUNT(*) FROM catalog_items");
  q.executeStep();
  return q.getColumn(0).getInt64() == 0;
}

void seedCatalog(storage::Database& db, Instant now) {
  db.write([&](SQLite::Database& s) {
    if (!catalogEmpty(s)) return;
    for (const DemoItem& d : kItems) {
      CatalogItem i{d.code, d.name, d.kind, d.category, d.minutes, {}, d.packageService, d.sessions,
                    d.kind == ItemKind::Package ? 365 : 0, Money(d.bonus), true};
      if (i.category == std::string("face") && i.kind == ItemKind::Service) i.qualifiedStaff = {"beau", "sup"};
      storage::saveItem(s, i, now);
      // The demo's prices were in force all year.
      storage::addPrice(s, {d.code, Money(d.price), now - 400 * kDay}, "admin", now, true);
      if (d.kind == ItemKind::Product) storage::moveStock(s, d.code, 100000, "receive", "", "admin", now - 400 * kDay);
    }
    storage::saveTier(s, {"basic", "普通会员", 0, Money(), 0, 1, {{"hair", 500}}});
    storage::saveTier(s, {"silver", "银卡", 1, Money::yuan(3000), 12, 2,
                          {{"hair", 1200}, {"face", 1000}, {"body", 1000}, {"nail", 500}, {"product", 500}}});
    storage::saveTier(s, {"gold", "金卡", 2, Money::yuan(10000), 30, 3,
                          {{"hair", 2000}, {"face", 1500}, {"body", 1500}, {"nail", 1000}, {"product", 800}}});
    CheckoutPolicy p;
    p.rounding = Rounding::Jiao;
    storage::writePolicy(s, p);
    storage::appendAudit(s, auditOf(now, "", "catalog.seed_demo", "catalog", "demo", "demo salon"));
  });
}

std::vector<CustomerId> customersOnFile(storage::Database& db, const Clock& clock, unsigned seed) {
  auto read = [&] {
    std::vector<CustomerId> ids;
    SQLite::Statement q(db.sql(), "SELECT id FROM customers ORDER BY id");
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    return ids;
  };
  std::vector<CustomerId> ids = read();
  if (!ids.empty()) return ids;
  // Sales need someone to sell to: a few demo customers, made by the customer module.
  seedDemoCustomers(db, clock, 10, seed);
  return read();
}

struct PastSales {
  storage::Database& db;
  storage::CheckoutSetup setup;
  std::mt19937 rng;
  std::vector<CustomerId> customers;
  Instant now;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

  void ensureDay(SQLite::Database& s, const std::string& date, Instant at) {
    SQLite::Statement q(s, "INSERT OR IGNORE INTO business_days (date, opened_at, opened_by, opening_float, closed_at, closed_by)"
                           " VALUES (?, ?, 'cash', 0, ?, 'cash')");
    q.bind(1, date);
    q.bind(2, static_cast<std::int64_t>(at - 2 * kHour));
    q.bind(3, static_cast<std::int64_t>(at + 12 * kHour));
    q.exec();
  }

  LineRequest line(const std::string& item) {
    LineRequest l;
    l.item = item;
    const CatalogItem& i = setup.prices.require(item);
    if (i.kind == ItemKind::Service) {
      l.staff = {i.category == std::string("face") ? "beau" : (pick(0, 1) ? "beau" : "sup")};
      if (i.category == std::string("hair") && pick(0, 3) == 0) {
        l.staff = {"beau", "sup"};
        l.sharesBp = {7000, 3000};
      }
    }
    return l;
  }

  SaleRequest request(const MemberAccount* acct) {
    static const char* services[] = {"S-CUT", "S-COLOR", "S-PERM", "S-FACIAL", "S-EYE", "S-MASSAGE", "S-NAIL"};
    static const char* products[] = {"P-SERUM", "P-MASK", "P-SHAMPOO"};
    SaleRequest r;
    r.id = newUuid();
    if (acct) r.customer = acct->customerId;
    int roll = pick(0, 19);
    if (acct && roll == 0) {
      r.lines.push_back(line(pick(0, 2) ? "V-1000" : "V-3000"));
    } else if (acct && roll == 1) {
      r.lines.push_back(line(pick(0, 1) ? "K-FACIAL10" : "K-MASSAGE5"));
    } else {
      for (int n = pick(1, 3), i = 0; i < n; ++i) r.lines.push_back(line(services[pick(0, 6)]));
      if (pick(0, 3) == 0) r.lines.push_back(line(products[pick(0, 2)]));
    }
    return r;
  }

  // Pays the priced total: package sessions, stored value, or money.
  void pay(SaleRequest& r, const Sale& priced, const MemberAccount* acct) {
    Money left = priced.totals.total;
    if (acct) {
      for (const auto& l : priced.lines)
        for (const auto& p : acct->packages)
          if (p.serviceCode == l.item && p.sessionsLeft >= l.qty && p.expiresAt > priced.completedAt && left >= l.totals.net) {
            r.tenders.push_back({TenderType::Package, l.totals.net, std::nullopt, p.id});
            left -= l.totals.net;
            break;
          }
      Money sv = acct->svPrincipal + acct->svBonus;
      bool topUp = priced.lines.front().kind == ItemKind::StoredValuePlan;
      if (!topUp && sv.fen > 0 && left.fen > 0) {
        Money use = std::min(sv, left);
        r.tenders.push_back({TenderType::StoredValue, use, std::nullopt, ""});
        left -= use;
      }
    }
    if (left.fen <= 0) return;
    static const TenderType money[] = {TenderType::Cash, TenderType::Card, TenderType::Wechat, TenderType::Alipay};
    TenderType t = money[pick(0, 3)];
    std::string ref = t == TenderType::Wechat || t == TenderType::Alipay ? "DEMO" + std::to_string(pick(100000, 999999)) : "";
    std::optional<Money> handed;
    if (t == TenderType::Cash) handed = Money((left.fen + 9999) / 10000 * 10000);
    r.tenders.push_back({t, left, handed, ref});
  }

  void one(SQLite::Database& s, Instant at) {
    std::string date = formatDate(localDate(at, setup.zone));
    ensureDay(s, date, at);
    std::optional<MemberAccount> acct;
    if (!customers.empty() && pick(0, 9) < 7)
      acct = storage::loadAccount(s, customers[static_cast<std::size_t>(pick(0, static_cast<int>(customers.size()) - 1))],
                                  setup.policy, at);
    const MemberAccount* a = acct ? &*acct : nullptr;
    SaleContext ctx{setup.prices, setup.tiers, setup.policy, setup.zone, at, date, "cash"};
    SaleRequest r = request(a);
    try {
      SaleRequest probe = r;
      probe.tenders = {{TenderType::Card, Money::yuan(1'000'000), std::nullopt, ""}};
      // The probe overpays on purpose (core says by how much): above the store's tender limit.
      CheckoutPolicy probing = setup.policy;
      probing.maxTender = Money::yuan(1'000'000);
      SaleContext probeCtx{setup.prices, setup.tiers, probing, setup.zone, at, date, "cash"};
      Sale priced;
      try {
        priced = buildSale(probe, a, probeCtx);
      } catch (const DomainError& e) {
        if (e.code() != "overpaid") throw;
        Money over;
        parseYuan(e.detail(), over);
        probe.tenders[0].amount = Money::yuan(1'000'000) - over;
        priced = buildSale(probe, a, probeCtx);
      }
      pay(r, priced, a);
      Sale sale = buildSale(r, a, ctx);
      storage::writeSale(s, sale, setup.zone);
      if (sale.customer) storage::refreshTier(s, *sale.customer, setup.tiers, at);
    } catch (const DomainError&) {
      // A demo sale the rules refuse (a suspended member, ...) is simply not made.
    }
  }

  void run(long count) {
    std::vector<Instant> times;
    CivilDate today = localDate(now, setup.zone);
    Instant start = startOfLocalDay(today, setup.zone) - 365 * kDay;
    for (long i = 0; i < count; ++i) {
      Instant day = start + pick(0, 364) * kDay;
      times.push_back(day + 10 * kHour + pick(0, 10 * 60 - 1) * kMinute);
    }
    std::sort(times.begin(), times.end());
    for (std::size_t i = 0; i < times.size(); i += 500) {
      db.write([&](SQLite::Database& s) {
        for (std::size_t j = i; j < std::min(times.size(), i + 500); ++j) one(s, times[j]);
      });
    }
  }
};

}  // namespace

void seedDemoCheckout(storage::Database& db, const Clock& clock, long sales, unsigned seed) {
  Instant now = clock.now();
  seedCatalog(db, now);
  if (sales <= 0) return;
  PastSales past{db, storage::loadCheckoutSetup(db.sql()), std::mt19937(seed), customersOnFile(db, clock, seed), now};
  past.run(sales);
}

}  // namespace salon::demo
