// Membership applications made online, on the kiosk (storage/sync_applications.cpp):
// a member.application from head office becomes a pending application (a first-time
// phone gets a file pending review), once however often it is heard; none for a
// customer with one already waiting (head office hears which one answers it).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }
std::string text(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getString(); }

HeadOfficeChange application(const std::string& id, const std::string& phone) {
  nlohmann::json body = {{"application", id}, {"applied_at", 900},
                         {"customer", {{"phone", phone}, {"name", "钱女士"}, {"privacy_consent_at", 900}, {"marketing", true}}}};
  return {"member.application", id, body.dump()};
}

}  // namespace

TEST_CASE("a membership application made online waits at the store for a supervisor") {
  test::TempDir dir;
  auto db = Database::open(dir.file("a.db"));
  SqliteSyncStore sync{*db};
  sync.enrol({"https://127.0.0.1:8443", "S02", "secret-token-secret-token-secret-token-abc", "ab12"},
             auditOf(150, "admin", "sync.enrol", "sync", "S02"));
  auto page = [&](std::vector<HeadOfficeChange> changes) {
    sync.applyChanges({"c", false, changes}, auditOf(1000, "", "sync.receive", "sync", "S02"));
  };
  const char* kA = "44444444-4444-4444-8444-444444444444";
  const char* kB = "55555555-5555-4555-8555-555555555555";
  page({application(kA, "13500135005")});
  page({application(kA, "13500135005")});  // heard again
  CHECK(text(*db, "SELECT a.status || ' ' || a.applied_by || ' ' || c.status || ' ' || c.consent_status"
                  " FROM membership_applications a JOIN customers c ON c.id = a.customer_id") ==
        "pending head-office pending_review agreed");
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.applied'") == 1);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE action = 'member.apply'") == 1);
  page({application(kB, "13500135005")});  // another one while the first waits: nothing new ...
  page({application(kB, "13500135005")});
  CHECK(count(*db, "SELECT count(*) FROM membership_applications") == 1);
  // ... but head office hears which one its decision will answer (once)
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.application_answered'") == 1);
  CHECK(nlohmann::json::parse(text(*db, "SELECT payload FROM outbox WHERE type = 'member.application_answered'")) ==
        nlohmann::json{{"application", kB}, {"answer", "pending_at_counter"}, {"counter_application", kA}});
  page({{"member.application", "66666666-6666-4666-8666-666666666666", std::string("{}")}});  // malformed: refused, kept out
  CHECK(count(*db, "SELECT count(*) FROM membership_applications") == 1);
}

TEST_CASE("an online application from a member already is answered up, not entered, once") {
  test::TempDir dir;
  auto db = Database::open(dir.file("a.db"));
  SqliteSyncStore sync{*db};
  sync.enrol({"https://127.0.0.1:8443", "S02", "secret-token-secret-token-secret-token-abc", "ab12"},
             auditOf(150, "admin", "sync.enrol", "sync", "S02"));
  db->sql().exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '小周', 'cashier', 'x', 0)");
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by, member_no)"
                 " VALUES (1, 'S02-2026-000001', '钱女士', '13500135007', 'in_force', 0, 'cash', 'M01000001')");
  const char* kC = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
  for (int heard = 0; heard < 2; ++heard)
    sync.applyChanges({"c", false, {application(kC, "13500135007")}}, auditOf(1000, "", "sync.receive", "sync", "S02"));
  CHECK(count(*db, "SELECT count(*) FROM membership_applications") == 0);
  CHECK(count(*db, "SELECT count(*) FROM outbox WHERE type = 'member.application_answered'") == 1);
  CHECK(nlohmann::json::parse(text(*db, "SELECT payload FROM outbox WHERE type = 'member.application_answered'")) ==
        nlohmann::json{{"application", kC}, {"answer", "already_member"}, {"member_no", "M01000001"}});
}
