// Members' phones for head office (storage/sync_member_phones.cpp): only once head
// office's key is here, only as hex HMAC-SHA256 of the normalised phone (the expected
// values computed apart, with Python's hmac), again when a number or phone changes,
// and "" once another file carries the same phone.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "storage/sync_member_phones.h"
#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }

nlohmann::json lastReport(Database& db) {
  return nlohmann::json::parse(
      db.sql().execAndGet("SELECT payload FROM outbox WHERE type = 'member.phone_key' ORDER BY seq DESC LIMIT 1").getString());
}

const char* kKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

}  // namespace

TEST_CASE("members' phones go up as keyed hashes once head office's key is here, again when they change") {
  test::TempDir dir;
  auto db = Database::open(dir.file("a.db"));
  SqliteSyncStore sync{*db};
  sync.enrol({"https://127.0.0.1:8443", "S02", "secret-token-secret-token-secret-token-abc", "ab12"},
             auditOf(150, "admin", "sync.enrol", "sync", "S02"));
  db->sql().exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '小周', 'cashier', 'x', 0)");
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by, member_no) VALUES"
                 " (1, 'S02-2026-000001', '甲', '13800138001', 'in_force', 0, 'cash', 'M01000001'),"
                 " (2, 'S02-2026-000002', '乙', '13800138002', 'in_force', 0, 'cash', 'M01000002'),"
                 " (3, 'S02-2026-000003', '丙', '13800138003', 'in_force', 0, 'cash', NULL)");
  sync.beforeUpload(1000);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.phone_key'") == 0);  // no key yet

  sync.applyChanges({"c", false, {{"phone.key", "phone", nlohmann::json{{"key", kKey}}.dump()}}},
                    auditOf(1500, "", "sync.receive", "sync", "S02"));
  sync.beforeUpload(2000);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.phone_key'") == 2);  // members only
  auto first = nlohmann::json::parse(db->sql().execAndGet(
      "SELECT payload FROM outbox WHERE type = 'member.phone_key' ORDER BY seq LIMIT 1").getString());
  CHECK(first == nlohmann::json{{"member_no", "M01000001"}, {"file_no", "S02-2026-000001"},
                                {"phone_key", "fcb009c42683f48ceb6385eccef4dc22887c2a33d5776c2af34cb084e3cc7bc3"}});
  CHECK(phoneMatchKey(kKey, "13800138001") == first["phone_key"]);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE payload LIKE '%1380013800%'") == 0);  // never the phone

  sync.beforeUpload(3000);  // nothing changed: nothing again
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.phone_key'") == 2);

  db->sql().exec("UPDATE customers SET phone = '13800138011' WHERE id = 1");  // a correction approved
  sync.beforeUpload(4000);
  CHECK(lastReport(*db) == nlohmann::json{{"member_no", "M01000001"}, {"file_no", "S02-2026-000001"},
                                          {"phone_key", "89deeb4385dccee9d50b3137b8ab3e203f27935668b21a99fdfd3c75c544383d"}});

  // Another file with member 2's phone (a family's): head office forgets member 2's.
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by, phone_shared)"
                 " VALUES (4, 'S02-2026-000004', '丁', '13800138002', 'in_force', 0, 'cash', 1)");
  sync.beforeUpload(5000);
  CHECK(lastReport(*db) == nlohmann::json{{"member_no", "M01000002"}, {"file_no", "S02-2026-000002"}, {"phone_key", ""}});
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.phone_key'") == 4);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'sync.member_phones'") == 3);

  // A membership without a card number (a tier, no member number) goes up under its file
  // number, when head office holds its whole history: not one whose ledgers hold rows
  // from before file numbers went up (migration 022).
  db->sql().exec("INSERT INTO member_tiers (code, name, rank) SELECT 'T-ONLINE', '普通会员', 99"
                 " WHERE NOT EXISTS (SELECT 1 FROM member_tiers)");
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by) VALUES"
                 " (5, 'S02-2026-000005', '戊', '13800138005', 'in_force', 0, 'cash')");
  db->sql().exec("INSERT INTO memberships (customer_id, tier_code, period_end, updated_at)"
                 " SELECT 5, code, 0, 0 FROM member_tiers LIMIT 1");
  db->sql().exec("INSERT INTO points_ledger (id, customer_id, delta, kind, at) VALUES (7, 5, 100, 'earn', 0)");
  db->sql().exec("UPDATE member_file_keys_from SET points_id = 7");  // that row is from before
  // ... until its opening balances go up (member_openings.h): then its phone does too.
  sync.beforeUpload(5500);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.opening'") == 1);
  CHECK(lastReport(*db) == nlohmann::json{{"member_no", ""}, {"file_no", "S02-2026-000005"},
                                          {"phone_key", phoneMatchKey(kKey, "13800138005")}});
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.opening' AND seq < (SELECT max(seq) FROM outbox"
                   " WHERE type = 'member.phone_key')") == 1);  // the figures before the phone
  db->sql().exec("INSERT INTO memberships (customer_id, tier_code, period_end, updated_at)"
                 " SELECT 3, code, 0, 0 FROM member_tiers LIMIT 1");
  sync.beforeUpload(6000);
  CHECK(lastReport(*db) == nlohmann::json{{"member_no", ""}, {"file_no", "S02-2026-000003"},
                                          {"phone_key", phoneMatchKey(kKey, "13800138003")}});
  sync.beforeUpload(7000);  // once
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.phone_key'") == 6);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.opening'") == 1);
  // and head office's key for it finds the file, as a member number or a file number does
  CHECK(customerByMemberKey(db->sql(), "S02-2026-000003") == std::optional<std::int64_t>(3));
  CHECK(customerByMemberKey(db->sql(), "S01/S02-2026-000003") == std::optional<std::int64_t>(3));
  CHECK(customerByMemberKey(db->sql(), "M01000002") == std::optional<std::int64_t>(2));
  CHECK_FALSE(customerByMemberKey(db->sql(), "M09999999"));
  CHECK_FALSE(customerByMemberKey(db->sql(), ""));
}
