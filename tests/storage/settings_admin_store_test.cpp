// The settings screen's store methods: each change commits with its audit entry
// and outbox row, or not at all; and the reads the file and member screens list.
#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "app/core/file_access.h"
#include "storage/catalog_store.h"
#include "storage/customer_records.h"
#include "storage/settings_store.h"
#include "storage/staff_admin_store.h"
#include "support/customer_rows.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

int count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }

AuditEntry by(Instant at, const std::string& action, const std::string& id) {
  return auditOf(at, "mgr", action, "catalog_item", id, "settings screen");
}

}  // namespace

TEST_CASE("price list changes each write their audit entry and outbox row in one transaction") {
  test::TempDir dir;
  auto db = Database::open(dir.file("p.db"));
  SqlitePriceList list(*db);
  CatalogItem cut;
  cut.code = "S-101";
  cut.name = "剪发";
  cut.category = "hair";
  list.addItem(cut, {"S-101", Money(5000), 1000}, by(1000, "catalog.add", "S-101"));
  CHECK(list.priceBook().priceAt("S-101", 1000) == Money(5000));
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'catalog.item_added' AND payload LIKE '%\"price\":5000%'") == 1);

  list.changePrice({"S-101", Money(6000), 2000}, by(2000, "catalog.price", "S-101"));
  CHECK(list.priceBook().priceAt("S-101", 2000) == Money(6000));
  CHECK(list.priceBook().priceAt("S-101", 1500) == Money(5000));  // the old price stays in the history
  // A price dated in the past is refused: nothing of it is kept.
  CHECK_THROWS_AS(list.changePrice({"S-101", Money(7000), 100}, by(2500, "catalog.price", "S-101")), DomainError);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'catalog.price'") == 1);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'catalog.price_changed'") == 1);

  cut.active = false;
  list.setItemActive(cut, by(3000, "catalog.deactivate", "S-101"));
  CHECK_FALSE(list.priceBook().item("S-101")->active);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'catalog.item_deactivated'") == 1);

  Promotion p{"promo-1", "剪发 -10%", "S-101", "", 1000, 4000, 4000 + kDay};
  list.addPromotion(p, auditOf(4000, "mgr", "promotion.add", "promotion", p.id, p.name));
  CHECK(list.priceBook().promotions().size() == 1);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'promotion.added'") == 1);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE staff = 'mgr'") == 4);
}

TEST_CASE("a setting changes with its audit entry and outbox row, the query routine is read through it") {
  test::TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  SqliteStoreSettings settings(*db);
  CHECK_FALSE(settings.setting("query_routine.cashier"));
  CHECK(storeQueryPolicy(settings).isRoutine(Role::Cashier, "checkout"));
  settings.change("query_routine.cashier", "marketing",
                  auditOf(1000, "mgr", "settings.change", "setting", "query_routine.cashier", "settings screen"));
  CHECK(settings.setting("query_routine.cashier") == std::optional<std::string>("marketing"));
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'settings.changed'") == 1);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'settings.change'") == 1);
  QueryPolicy policy = storeQueryPolicy(settings);
  CHECK(policy.isRoutine(Role::Cashier, "marketing"));
  CHECK_FALSE(policy.isRoutine(Role::Cashier, "checkout"));
  CHECK(policy.isRoutine(Role::Beautician, "service"));  // roles left out keep their default
}

TEST_CASE("staff roster changes are audited, the backup password lives beside the database") {
  test::TempDir dir;
  auto db = Database::open(dir.file("r.db"));
  SqliteStaffRoster roster(*db);
  roster.addStaff({"s101", "王美", Role::Cashier, "", true}, "hash", auditOf(1000, "mgr", "staff.add", "staff", "s101"));
  REQUIRE(roster.findStaff("s101"));
  roster.setActive("s101", false, auditOf(2000, "mgr", "staff.deactivate", "staff", "s101"));
  CHECK_FALSE(roster.findStaff("s101")->staff.active);
  CHECK_THROWS_AS(roster.unlock("nobody", auditOf(3000, "mgr", "staff.unlock", "staff", "nobody")), DomainError);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'staff.unlock'") == 0);

  DataDirBackupPassword password(*db);
  CHECK_FALSE(password.isSet());
  CHECK_FALSE(password.acceptable("short"));
  password.save("salon-2026");
  CHECK(password.isSet());
}

TEST_CASE("customer records: ledgers newest first, pets, a field as stored, own query requests") {
  test::TempDir dir;
  auto db = Database::open(dir.file("c.db"));
  db->write([](SQLite::Database& s) {
    s.exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '陈前台', 'cashier', 'x', 0)");
    s.exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by) "
           "VALUES (1, 'S01-2026-000001', '张三', '13800138000', 'in_force', 0, 'cash')");
    salon::test::syncCustomerCounters(s);
    s.exec("INSERT INTO query_requests (id, customer_id, requested_by, purpose, detail, requested_at, state)"
           " VALUES ('q1', 1, 'cash', 'marketing', 'why', 10, 'pending'), ('q2', 1, 'cash', 'marketing', 'why', 20, 'pending')");
  });
  SqliteCustomerRecords records(*db);
  CHECK(records.consumption(1, 10).empty());
  CHECK(records.pointsHistory(1, 10).empty());
  CHECK_FALSE(records.hasPets(1));
  CHECK(records.fieldValue(1, "name") == "张三");
  CHECK(records.queryRequestOf(1, "cash", "marketing", "pending") == std::optional<std::string>("q2"));
  CHECK_FALSE(records.queryRequestOf(1, "cash", "marketing", "approved"));
  CHECK_FALSE(records.queryRequestOf(1, "mgr", "marketing", "pending"));
}
