// Customer files across the chain (storage/chain_files.cpp, chain_file_key.cpp): a file
// goes up sealed with its blind keys once a chain key is here, not again unchanged,
// again when it changes or the key changes; a file brought in from head office is
// kept whole with its audit entry and not sent back; a change from head office
// updates a file held here and leaves others alone; another chain's key cannot open it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/chain_file_key.h"
#include "storage/chain_files.h"
#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }

const char* kSecret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

std::unique_ptr<Database> storeWithFile(test::TempDir& dir, const std::string& name) {
  auto db = Database::open(dir.file(name));
  db->sql().exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '小周', 'cashier', 'x', 0)");
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by, member_no, name_search,"
                 " pinyin, initials) VALUES (1, 'K01-2026-000001', '王小美', '13800138001', 'in_force', 0, 'cash',"
                 " 'M01000001', '王小美', 'wangxiaomei', 'wxm')");
  db->sql().exec("INSERT INTO customer_name_grams (gram, place, customer_id) VALUES ('王小美', 0, 1), ('王', 1, 1)");
  db->sql().exec("INSERT INTO customer_fields (customer_id, field, state, value, updated_at, updated_by) VALUES"
                 " (1, 'allergies', 'value', '芒果', 0, 'cash')");
  return db;
}

nlohmann::json lastFile(Database& db) {
  return nlohmann::json::parse(
      db.sql().execAndGet("SELECT payload FROM outbox WHERE type = 'customer.file' ORDER BY seq DESC LIMIT 1").getString());
}

}  // namespace

TEST_CASE("a file goes up sealed with blind keys, once, again when it changes or the chain key changes") {
  test::TempDir dir;
  auto db = storeWithFile(dir, "a.db");
  CHECK(reportChainFiles(db->sql(), 1000) == 0);  // no chain key: nothing
  db->write([&](SQLite::Database& s) { keepChainSecret(s, kSecret, "admin", 1500); });
  CHECK(reportChainFiles(db->sql(), 2000) == 1);
  nlohmann::json up = lastFile(*db);
  ChainKeys keys = *chainKeys(db->sql());
  CHECK(up["file_no"] == "K01-2026-000001");
  CHECK(up["keys"] == nlohmann::json{blindKey(keys, "phone", "13800138001"), blindKey(keys, "file", "K01-2026-000001"),
                                     blindKey(keys, "member", "M01000001")});
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE payload LIKE '%13800138001%' OR payload LIKE '%王%'") == 0);
  auto plain = nlohmann::json::parse(openChainFile(keys, up["sealed"]));
  CHECK(plain["name"] == "王小美");
  CHECK(plain["fields"]["allergies"]["value"] == "芒果");

  CHECK(reportChainFiles(db->sql(), 3000) == 0);  // unchanged
  db->sql().exec("UPDATE customer_fields SET value = '花生' WHERE customer_id = 1");
  CHECK(reportChainFiles(db->sql(), 4000) == 1);
  CHECK(nlohmann::json::parse(openChainFile(keys, lastFile(*db)["sealed"]))["fields"]["allergies"]["value"] == "花生");
  db->write([&](SQLite::Database& s) { keepChainSecret(s, std::string(64, 'e'), "admin", 5000); });
  CHECK(reportChainFiles(db->sql(), 6000) == 1);  // under the new key
  CHECK_THROWS_AS(openChainFile(keys, lastFile(*db)["sealed"]), DomainError);  // the old key cannot open it
  CHECK_THROWS_AS(keepChainSecret(db->sql(), "not hex", "admin", 7000), DomainError);
}

TEST_CASE("a file brought in from head office is kept whole, audited, not sent back - changes follow it") {
  test::TempDir dir;
  auto a = storeWithFile(dir, "a.db");
  a->write([&](SQLite::Database& s) { keepChainSecret(s, kSecret, "admin", 1000); });
  reportChainFiles(a->sql(), 2000);
  const std::string sealed = lastFile(*a)["sealed"];

  auto b = Database::open(dir.file("b.db"));
  b->sql().exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '小李', 'cashier', 'x', 0)");
  SqliteChainFileStore files(*b);
  CHECK_FALSE(files.lookupKeyOf("13800138001"));  // no chain key here yet
  b->write([&](SQLite::Database& s) { keepChainSecret(s, kSecret, "admin", 1000); });
  CHECK(files.lookupKeyOf("138 0013 8001") == blindKey(*chainKeys(b->sql()), "phone", "13800138001"));
  CHECK_FALSE(files.lookupKeyOf("8001"));  // the last 4 digits are no blind key
  reportChainFiles(b->sql(), 2500);

  auto nos = files.bringIn({{"K01-2026-000001", "K01", sealed}}, auditOf(3000, "cash", "customer.view", "customer", "",
                                                                           "checkout", "basic;source=hq"));
  CHECK(nos == std::vector<std::string>{"K01-2026-000001"});
  CHECK(b->sql().execAndGet("SELECT name || phone || member_no || pinyin FROM customers").getString() ==
        "王小美13800138001M01000001wangxiaomei");
  CHECK(count(*b, "SELECT count(*) FROM customer_name_grams") == 2);
  CHECK(count(*b, "SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_id = 'K01-2026-000001'"
                  " AND reason = 'checkout'") == 1);
  CHECK(reportChainFiles(b->sql(), 4000) == 0);  // not sent back

  a->sql().exec("UPDATE customers SET phone = '13800138009' WHERE id = 1");
  reportChainFiles(a->sql(), 5000);
  nlohmann::json down = {{"file_no", "K01-2026-000001"}, {"store", "K01"}, {"sealed", lastFile(*a)["sealed"]}};
  b->write([&](SQLite::Database& s) {
    applyChainFileChange(s, {"customer.file", "K01-2026-000001", down.dump()}, 6000);
    applyChainFileChange(s, {"customer.file", "K01-2026-000099", down.dump()}, 6000);  // not held: nothing
  });
  CHECK(b->sql().execAndGet("SELECT phone || phone_last4 FROM customers").getString() == "138001380098009");
  CHECK(count(*b, "SELECT count(*) FROM customers") == 1);
  CHECK(reportChainFiles(b->sql(), 7000) == 0);
  b->write([&](SQLite::Database& s) { keepChainSecret(s, std::string(64, 'e'), "admin", 8000); });
  CHECK_THROWS_AS(files.bringIn({{"K01-2026-000001", "K01", sealed}}, auditOf(9000, "cash", "customer.view", "customer", "")),
                  DomainError);
}
