// What a sale moved on a member's accounts goes up with its outbox event (issue
// 18): the member's number and one movement per ledger row; points expired by
// housekeeping go up as points.expired, one event per member.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "checkout_store_fixture.h"
#include "storage/member_store.h"

using namespace salon;
using namespace salon::test;

namespace {

nlohmann::json outboxPayload(CheckoutDb& st, const std::string& where) {
  return nlohmann::json::parse(st.db->sql().execAndGet("SELECT payload FROM outbox WHERE " + where).getString());
}

}  // namespace

TEST_CASE("a sale's outbox event names the member and lists its movements - expiry goes up per member") {
  CheckoutDb st;
  auto store = st.store();
  auto topUp = store.settle(saleOf({ln("V-1000", 1, {"cash"})}, {td(TenderType::Card, 100000)}, 1), st.cashier, kOpen + kHour);
  auto j = outboxPayload(st, "id = '" + topUp.sale.id + "'");
  CHECK(j["customer"]["member_no"] == "M00000001");
  CHECK(j["movements"] == nlohmann::json::parse(R"([{"kind":"stored_value","reason":"top_up","principal":100000,"bonus":20000}])"));

  auto cut = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8360)}, 1), st.cashier, kOpen + 2 * kHour);
  j = outboxPayload(st, "id = '" + cut.sale.id + "'");
  CHECK(j["movements"] == nlohmann::json::parse(R"([{"kind":"points","reason":"earn","points":83}])"));

  CHECK(storage::expirePoints(*st.db, kOpen + 400 * kDay) == 83);
  j = outboxPayload(st, "type = 'points.expired'");
  CHECK(j["customer"]["member_no"] == "M00000001");
  CHECK(j["movements"] == nlohmann::json::parse(R"([{"kind":"points","reason":"expire","points":-83}])"));

  auto walkIn = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8800)}), st.cashier, kOpen + 3 * kHour);
  CHECK_FALSE(outboxPayload(st, "id = '" + walkIn.sale.id + "'").contains("movements"));
  CHECK(j["customer"]["file_no"] == st.db->sql().execAndGet("SELECT file_no FROM customers WHERE id = 1").getString());
}

TEST_CASE("a file without a member number goes up with its file number while head office holds its whole history") {
  CheckoutDb st;
  auto store = st.store();
  const std::string fileNo = st.db->sql().execAndGet("SELECT file_no FROM customers WHERE id = 1").getString();
  st.db->sql().exec("UPDATE customers SET member_no = NULL WHERE id = 1");  // a membership without a card number
  auto first = store.settle(saleOf({ln("V-1000", 1, {"cash"})}, {td(TenderType::Card, 100000)}, 1), st.cashier, kOpen + kHour);
  auto j = outboxPayload(st, "id = '" + first.sale.id + "'");
  CHECK(j["customer"]["member_no"] == "");
  CHECK(j["customer"]["file_no"] == fileNo);  // head office keeps it under the file number
  // a file whose ledgers hold rows from before file numbers went up (migration 022): none
  st.db->sql().exec("UPDATE member_file_keys_from SET stored_value_id = (SELECT max(id) FROM stored_value_ledger)");
  auto later = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8800)}, 1), st.cashier, kOpen + 2 * kHour);
  j = outboxPayload(st, "id = '" + later.sale.id + "'");
  CHECK(j["customer"]["member_no"] == "");
  CHECK(j["customer"]["file_no"] == "");  // head office skips its movements, as before
}
