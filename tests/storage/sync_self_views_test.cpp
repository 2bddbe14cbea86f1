// A customer on head office's phone page, at the store (storage/sync_self_views.cpp,
// storage/sync_corrections.cpp): a look at their own file is answered sealed to the
// look's key with the file's summary and access log, and logged as the customer's own
// view, once however often it is heard; a correction becomes the customer's own pending
// change request, once; a value the file refuses or an unknown member is skipped.
#include <catch2/catch.hpp>
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }
std::string text(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getString(); }

std::string base64(const unsigned char* raw, std::size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), raw, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

nlohmann::json opened(const std::string& sealedBase64, const unsigned char* pk, const unsigned char* sk) {
  std::string sealed(sealedBase64.size(), '\0');
  std::size_t n = 0;
  REQUIRE(sodium_base642bin(reinterpret_cast<unsigned char*>(sealed.data()), sealed.size(), sealedBase64.data(),
                            sealedBase64.size(), nullptr, &n, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  std::string plain(n - crypto_box_SEALBYTES, '\0');
  REQUIRE(crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                               reinterpret_cast<const unsigned char*>(sealed.data()), n, pk, sk) == 0);
  return nlohmann::json::parse(plain);
}

struct Store {
  test::TempDir dir;
  std::unique_ptr<Database> db = Database::open(dir.file("a.db"));
  SqliteSyncStore sync{*db};
  Store() {
    sync.enrol({"https://127.0.0.1:8443", "S02", "secret-token-secret-token-secret-token-abc", "ab12"},
               auditOf(150, "admin", "sync.enrol", "sync", "S02"));
    db->sql().exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('sup', '王主管', 'supervisor', 'x', 0)");
    db->sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by, member_no)"
                   " VALUES (1, 'S02-2026-000001', '甲', '13800138001', 'in_force', 0, 'sup', 'M01000001')");
  }
  void page(const std::string& kind, const std::string& key, const nlohmann::json& body) {
    sync.applyChanges({"c", false, {{kind, key, body.dump()}}}, auditOf(1000, "", "sync.receive", "sync", "S02"));
  }
};

const char* kLook = "77777777-7777-4777-8777-777777777777";

}  // namespace

TEST_CASE("a customer's look at their own file is answered sealed and logged as their own view, once") {
  REQUIRE(sodium_init() >= 0);
  Store s;
  SqliteAuditLog(*s.db).append(auditOf(500, "sup", "customer.view", "customer", "S02-2026-000001", "review", "basic"));
  unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
  crypto_box_keypair(pk, sk);
  nlohmann::json ask = {{"request", kLook}, {"member_no", "M01000001"}, {"public_key", base64(pk, sizeof pk)}};
  s.page("customer.self_view", kLook, ask);
  s.page("customer.self_view", kLook, ask);  // heard again
  CHECK(count(*s.db, "SELECT count(*) FROM outbox WHERE type = 'customer.self_view_answer'") == 1);
  auto up = nlohmann::json::parse(text(*s.db, "SELECT payload FROM outbox WHERE type = 'customer.self_view_answer'"));
  CHECK(up["request"] == kLook);
  CHECK(up.dump().find("S02-2026-000001") == std::string::npos);  // sealed
  auto file = opened(up["sealed"], pk, sk);
  CHECK(file["found"] == true);
  CHECK(file["file_no"] == "S02-2026-000001");
  CHECK(file["phone"] == "138****8001");
  CHECK(file["viewed_by"] == nlohmann::json::array({{{"at", 500}, {"by", "王主管"}, {"role", "supervisor"},
                                                     {"purpose", "review"}, {"action", "customer.view"}}}));
  CHECK(text(*s.db, "SELECT staff || '|' || reason || '|' || sections FROM audit_log WHERE action = 'customer.self_view'"
                    " AND record_id = 'S02-2026-000001'") == "|own file, online|basic,consent,views");
  CHECK(count(*s.db, "SELECT count(*) FROM audit_log WHERE action = 'customer.self_view'") == 1);

  const char* other = "88888888-8888-4888-8888-888888888888";  // a number this store does not hold
  s.page("customer.self_view", other, {{"request", other}, {"member_no", "M09999999"}, {"public_key", base64(pk, sizeof pk)}});
  auto none = nlohmann::json::parse(text(*s.db, std::string("SELECT payload FROM outbox WHERE id = '") + other + "'"));
  CHECK(opened(none["sealed"], pk, sk) == nlohmann::json{{"found", false}});
  CHECK(count(*s.db, "SELECT count(*) FROM audit_log WHERE action = 'customer.self_view'") == 1);
}

TEST_CASE("a correction asked for online becomes the customer's own pending change request, once") {
  Store s;
  const char* kFix = "99999999-9999-4999-8999-999999999999";
  nlohmann::json fix = {{"correction", kFix}, {"member_no", "M01000001"}, {"field", "name"}, {"value", "乙"},
                        {"reason", "名字写错了"}};
  s.page("customer.correction", kFix, fix);
  s.page("customer.correction", kFix, fix);  // heard again
  CHECK(text(*s.db, "SELECT field || '|' || old_value || '|' || new_value || '|' || reason || '|' || by_customer || '|'"
                    " || requested_by || '|' || state FROM change_requests") == "name|甲|乙|名字写错了|1|head-office|pending");
  CHECK(count(*s.db, "SELECT count(*) FROM audit_log WHERE action = 'customer.correction_requested'") == 1);
  CHECK(text(*s.db, "SELECT name FROM customers WHERE id = 1") == "甲");  // not before a supervisor approves

  const char* kBad = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
  s.page("customer.correction", kBad, {{"correction", kBad}, {"member_no", "M01000001"}, {"field", "birthday"},
                                       {"value", "1990-13-45"}, {"reason", "x"}});
  const char* kNobody = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
  s.page("customer.correction", kNobody, {{"correction", kNobody}, {"member_no", "M09999999"}, {"field", "name"},
                                          {"value", "丙"}, {"reason", "x"}});
  s.page("customer.correction", kNobody, {{"correction", kNobody}, {"member_no", "M09999999"}, {"field", "name"},
                                          {"value", "丙"}, {"reason", "x"}});  // heard again
  CHECK(count(*s.db, "SELECT count(*) FROM change_requests") == 1);
  CHECK(count(*s.db, "SELECT count(*) FROM audit_log WHERE action = 'sync.receive' AND reason LIKE"
                     " '%skipped customer.correction%'") == 2);
  // Head office hears each outcome once, under the correction's id: filed, or skipped and why.
  auto answer = [&](const char* id) {
    return nlohmann::json::parse(text(*s.db, std::string("SELECT payload FROM outbox WHERE type = "
                                                         "'customer.correction_answered' AND id = '") + id + "'"));
  };
  CHECK(count(*s.db, "SELECT count(*) FROM outbox WHERE type = 'customer.correction_answered'") == 3);
  CHECK(answer(kFix) == nlohmann::json{{"correction", kFix}, {"answer", "filed"}, {"reason", ""},
                                       {"change_request", text(*s.db, "SELECT id FROM change_requests")}});
  CHECK(answer(kBad) == nlohmann::json{{"correction", kBad}, {"answer", "skipped"}, {"reason", "date_invalid"}});
  CHECK(answer(kNobody) == nlohmann::json{{"correction", kNobody}, {"answer", "skipped"}, {"reason", "member_unknown"}});
}
