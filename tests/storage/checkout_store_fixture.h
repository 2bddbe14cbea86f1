#pragma once
// A real SQLite store with the demo catalog, three customers and an open day.
#include <memory>

#include "app/core/uuid.h"
#include "storage/catalog_store.h"
#include "storage/database.h"
#include "storage/day_store.h"
#include "storage/sale_store.h"
#include "storage/staff_store.h"
#include "support/customer_rows.h"
#include "support/temp_dir.h"

namespace salon::test {

constexpr Instant kOpen = 1'779'930'000'000;  // 2026-05-28 09:00 +08:00

struct CheckoutDb {
  TempDir dir;
  std::unique_ptr<storage::Database> db = storage::Database::open(dir.file("salon.db"));
  storage::CheckoutSetup setup;
  Staff cashier{"cash", "陈前台", Role::Cashier, "前台", true};

  CheckoutDb() {
    storage::SqliteStaffStore staff(*db);
    for (auto [code, role] : {std::pair{"cash", Role::Cashier}, {"beau", Role::Beautician}, {"mgr", Role::Manager}})
      staff.addStaff({code, code, role, "", true}, "hash", 0, auditOf(0, "", "staff.add", "staff", code));
    db->write([&](SQLite::Database& s) {
      auto item = [&](CatalogItem i, std::int64_t price) {
        storage::saveItem(s, i, 0);
        storage::addPrice(s, {i.code, Money(price), 0}, "mgr", 0, true);
      };
      item({"S-CUT", "洗剪吹", ItemKind::Service, "hair", 45, {}, "", 0, 0, Money(), true}, 8800);
      item({"S-FACIAL", "补水护理", ItemKind::Service, "face", 60, {"beau"}, "", 0, 0, Money(), true}, 12800);
      item({"P-SERUM", "精华", ItemKind::Product, "product", 0, {}, "", 0, 0, Money(), true}, 29900);
      item({"K-FACIAL10", "补水10次卡", ItemKind::Package, "face", 0, {}, "S-FACIAL", 10, 365, Money(), true}, 98000);
      item({"V-1000", "储值1000送200", ItemKind::StoredValuePlan, "stored_value", 0, {}, "", 0, 0, Money(20000), true}, 100000);
      storage::saveTier(s, {"basic", "普通会员", 0, Money(), 0, 1, {{"hair", 500}}});
      storage::saveTier(s, {"silver", "银卡", 1, Money(300000), 0, 2, {{"hair", 1200}, {"face", 1000}}});
      storage::moveStock(s, "P-SERUM", 5, "receive", "", "mgr", 0);
      const char* rows[][4] = {{"S01-2026-000001", "M00000001", "张三", "13800138000"},
                               {"S01-2026-000002", nullptr, "李四", "13900139000"}};
      for (auto& r : rows) {
        SQLite::Statement q(s, "INSERT INTO customers (file_no, member_no, name, phone, birthday, status, created_at, created_by)"
                               " VALUES (?,?,?,?, '1990-01-15', 'in_force', 0, 'cash')");
        q.bind(1, r[0]);
        if (r[1]) q.bind(2, r[1]); else q.bind(2);
        q.bind(3, r[2]);
        q.bind(4, r[3]);
        q.exec();
      }
      salon::test::syncCustomerCounters(s);
    });
    setup = storage::loadCheckoutSetup(db->sql());
    storage::openBusinessDay(*db, "cash", Money(50000), kOpen, setup.zone);
  }

  storage::SaleStore store() { return storage::SaleStore(*db, setup); }

  std::int64_t count(const std::string& table) {
    SQLite::Statement q(db->sql(), "SELECT COUNT(*) FROM " + table);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }
};

inline SaleRequest saleOf(std::vector<LineRequest> lines, std::vector<TenderRequest> tenders,
                          std::optional<CustomerId> customer = std::nullopt) {
  SaleRequest r;
  r.id = newUuid();
  r.customer = customer;
  r.lines = std::move(lines);
  r.tenders = std::move(tenders);
  return r;
}

inline LineRequest ln(const std::string& item, int qty = 1, std::vector<std::string> staff = {"beau"}) {
  LineRequest l;
  l.item = item;
  l.qty = qty;
  l.staff = std::move(staff);
  return l;
}

inline TenderRequest td(TenderType t, std::int64_t fen, const std::string& ref = "") {
  TenderRequest r;
  r.type = t;
  r.amount = Money(fen);
  r.ref = ref;
  return r;
}

}  // namespace salon::test
