// Opening balances for head office (issue 19, storage/member_openings.cpp): a membership
// without a card number whose ledgers hold rows from before file numbers went up
// (migration 022) goes up once as member.opening with its balances as they are; from
// then on its sales go up with its file number, like any other membership.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "checkout_store_fixture.h"
#include "storage/member_openings.h"

using namespace salon;
using namespace salon::test;

namespace {

nlohmann::json outboxPayload(CheckoutDb& st, const std::string& where) {
  return nlohmann::json::parse(st.db->sql().execAndGet("SELECT payload FROM outbox WHERE " + where).getString());
}

int queue(CheckoutDb& st, Instant at) {
  int n = 0;
  st.db->write([&](SQLite::Database& s) { n = storage::queueMemberOpenings(s, at); });
  return n;
}

}  // namespace

TEST_CASE("an old membership without a card number goes up once with its balances, then like any other") {
  CheckoutDb st;
  auto store = st.store();
  auto& sql = st.db->sql();
  const std::string fileNo = sql.execAndGet("SELECT file_no FROM customers WHERE id = 1").getString();
  sql.exec("UPDATE customers SET member_no = NULL WHERE id = 1");  // a membership without a card number
  sql.exec("INSERT OR IGNORE INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (1, 'basic', 0, 0)");
  store.settle(saleOf({ln("V-1000", 1, {"cash"})}, {td(TenderType::Card, 100000)}, 1), st.cashier, kOpen + kHour);
  auto pkg = store.settle(saleOf({ln("K-FACIAL10", 1, {"beau"})}, {td(TenderType::StoredValue, 98000)}, 1), st.cashier,
                          kOpen + 2 * kHour);
  store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8800)}, 1), st.cashier, kOpen + 3 * kHour);
  CHECK(queue(st, kOpen + 4 * kHour) == 0);  // whole at head office: nothing to open

  // Its ledgers from before file numbers went up (migration 022), and a walk-in's file.
  sql.exec("UPDATE member_file_keys_from SET stored_value_id = (SELECT max(id) FROM stored_value_ledger),"
           " points_id = (SELECT max(id) FROM points_ledger), package_id = (SELECT max(id) FROM package_ledger)");
  auto before = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8800)}, 1), st.cashier, kOpen + 5 * kHour);
  CHECK(outboxPayload(st, "id = '" + before.sale.id + "'")["customer"]["file_no"] == "");
  const std::int64_t points = sql.execAndGet("SELECT sum(delta) FROM points_ledger WHERE customer_id = 1").getInt64();
  const std::int64_t principal =
      sql.execAndGet("SELECT sum(principal_delta) FROM stored_value_ledger WHERE customer_id = 1").getInt64();
  const std::int64_t bonus = sql.execAndGet("SELECT sum(bonus_delta) FROM stored_value_ledger WHERE customer_id = 1").getInt64();
  CHECK(principal + bonus == 120000 - 98000);
  REQUIRE(points > 0);

  CHECK(queue(st, kOpen + 6 * kHour) == 1);
  auto j = outboxPayload(st, "type = 'member.opening'");
  CHECK(j["customer"] == nlohmann::json{{"id", 1}, {"member_no", ""}, {"file_no", fileNo}});
  const std::string expires = j["movements"][2].value("expires", "");
  CHECK(expires.size() == 10);
  CHECK(j["movements"] == nlohmann::json::array(
                              {{{"kind", "stored_value"}, {"reason", "opening"}, {"principal", principal}, {"bonus", bonus}},
                               {{"kind", "points"}, {"reason", "opening"}, {"points", points}},
                               {{"kind", "package"}, {"reason", "opening"}, {"package", pkg.sale.id + "/1"},
                                {"service", "S-FACIAL"}, {"sessions", 10}, {"expires", expires}}}));
  CHECK(sql.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'sync.member_openings'").getInt() == 1);

  // Once: never again; its next sale goes up with its file number.
  CHECK(queue(st, kOpen + 7 * kHour) == 0);
  auto after = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8800)}, 1), st.cashier, kOpen + 8 * kHour);
  CHECK(outboxPayload(st, "id = '" + after.sale.id + "'")["customer"]["file_no"] == fileNo);
  CHECK(queue(st, kOpen + 9 * kHour) == 0);
  CHECK(sql.execAndGet("SELECT count(*) FROM outbox WHERE type = 'member.opening'").getInt() == 1);
}
