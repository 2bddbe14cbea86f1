// core's CheckoutStore on SQLite: the receipt of a sale already read, and a
// sale's reprints counted from its receipt jobs (kind and ref), not by title.
#include <catch2/catch.hpp>

#include "checkout_store_fixture.h"
#include "storage/checkout_store.h"
#include "storage/print_job_store.h"
#include "storage/settings_store.h"

using namespace salon;
using namespace salon::test;

namespace {

PrintJob job(const std::string& id, const std::string& kind, const std::string& title, const std::string& ref,
             PrintJobState state = PrintJobState::Printed) {
  PrintJob j;
  j.id = id;
  j.kind = kind;
  j.title = title;
  j.ref = ref;
  j.printer = "file:/dev/null";
  j.bytes = "x";
  j.state = state;
  return j;
}

}  // namespace

TEST_CASE("checkout store: settles once, gives the receipt of the sale it returned, counts reprints by the sale's id") {
  CheckoutDb st;
  storage::SqliteCheckoutStore store(*st.db);
  auto req = saleOf({ln("S-CUT")}, {td(TenderType::Cash, 10000)}, 1);
  SettleResult r = store.settle(req, st.setup, st.cashier, kOpen + kHour);
  CHECK(store.sale(req.id)->totals.total == r.sale.totals.total);
  Receipt receipt = store.receiptOf(r.sale);
  CHECK(receipt.saleId == req.id);
  CHECK(receipt.customerName == "张三");
  CHECK(store.receiptPrints(req.id) == 0);

  storage::SqlitePrintJobStore jobs(*st.db);
  jobs.saveJob(job("j1", "receipt", "小票 " + receipt.saleNo, req.id));
  // Another sale's receipt, a test page with the same title, a cancelled reprint: none count.
  jobs.saveJob(job("j2", "receipt", "小票 " + receipt.saleNo, "another-sale"));
  jobs.saveJob(job("j3", "test", "小票 " + receipt.saleNo, req.id));
  jobs.saveJob(job("j4", "receipt", "anything", req.id, PrintJobState::Cancelled));
  CHECK(store.receiptPrints(req.id) == 1);
  CHECK(jobs.findJob("j1")->ref == req.id);
  jobs.saveJob(job("j5", "receipt", "", req.id, PrintJobState::Failed));
  CHECK(store.receiptPrints(req.id) == 2);
}

TEST_CASE("checkout store: the setup, the open day, settings and the staff list through the port") {
  CheckoutDb st;
  storage::SqliteCheckoutStore store(*st.db);
  CHECK(store.setup().prices.item("S-CUT"));
  REQUIRE(store.currentDay());
  CHECK_FALSE(store.currentDay()->closedAt);
  CHECK(store.staffList().size() == 3);
  CHECK_FALSE(store.setting("printer.receipt"));
  st.db->write([&](SQLite::Database& s) { storage::writeSetting(s, "printer.receipt", "file:/dev/null"); });
  CHECK(store.setting("printer.receipt") == "file:/dev/null");
  CHECK(store.setup().policy.maxChange == Money::yuan(1000));
  st.db->write([&](SQLite::Database& s) { storage::writeSetting(s, "checkout.max_change", "5000"); });
  CHECK(store.setup().policy.maxChange == Money(5000));
}
