// Change requests applied to the real file through the customer module's rules,
// and the review of new files, on a real SQLite store.
#include <catch2/catch.hpp>

#include "app/core/change_request.h"
#include "app/core/file_review.h"
#include "customer_fixture.h"
#include "storage/file_review_store.h"
#include "storage/record_keeping_store.h"

using namespace salon;
using namespace salon::test;

TEST_CASE("an approved name change rewrites the search keys, so the file is found by its new name") {
  CustomerFixture fx;
  auto r = fx.add("张三丰", "13800138000");
  storage::SqliteRecordKeeping store(*fx.db);
  Guard guard(fx.audit, fx.clock);
  ChangeRequests flow(store, guard, fx.clock);
  ChangeRequest c = flow.submit(fx.cashier, r.id, "name", "张三丰", "  陳小美 ", "登记时写错", false);
  CHECK(c.newValue == "陳小美");
  flow.approve(fx.supervisor, c.id, "");
  auto found = fx.directory.search("chenxiaomei", 10);
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == "陳小美");
  CHECK(fx.directory.search("张三丰", 10).empty());
  CHECK(fx.directory.search("小美", 10).size() == 1);
}

TEST_CASE("an approved change writes a file field, a declined state, the phone and the birthday mirror") {
  CustomerFixture fx;
  auto r = fx.add("王小明", "13800138000");
  storage::SqliteRecordKeeping store(*fx.db);
  Guard guard(fx.audit, fx.clock);
  ChangeRequests flow(store, guard, fx.clock);
  auto apply = [&](const std::string& field, const std::string& old, const std::string& now) {
    ChangeRequest c = flow.submit(fx.cashier, r.id, field, old, now, "顾客告知", true);
    if (isContactField(field)) flow.confirmByCustomer(c.id);
    fx.clock.advance(kMinute);
    flow.approve(fx.supervisor, c.id, "");
  };
  apply("allergies", "", "花粉");
  apply("birthday", "", "1991-04-05");
  apply("phone", "13800138000", "139-0013-9000");
  apply("occupation", "", kDeclinedValue);
  auto f = fx.store.load(r.id);
  REQUIRE(f);
  CHECK(f->field("allergies").value == "花粉");
  CHECK(f->summary.birthday->day == 5);
  CHECK(f->summary.phone == "13900139000");
  CHECK(fx.directory.search("9000", 10).size() == 1);  // last 4 digits follow the phone
  CHECK(f->field("occupation").state == FieldState::Declined);
  CHECK(fx.db->sql().execAndGet("SELECT updated_by FROM customer_fields WHERE field = 'allergies'").getString() == "sup");

  // Stale: the file no longer holds the old value → nothing is written.
  ChangeRequest stale = flow.submit(fx.cashier, r.id, "allergies", "青霉素", "无", "顾客告知", false);
  CHECK_THROWS_WITH(flow.approve(fx.supervisor, stale.id, ""), Catch::Contains("stale_change"));
  CHECK(fx.store.load(r.id)->field("allergies").value == "花粉");
  CHECK(store.changeRequest(stale.id)->state == RequestState::Pending);
}

TEST_CASE("a new file is reviewed: returned with notes, resubmitted, approved, then every decision kept") {
  CustomerFixture fx;
  auto r = fx.add("李四", "13900139000");
  storage::SqliteFileReviews store(*fx.db);
  Guard guard(fx.audit, fx.clock);
  FileReviews reviews(store, guard, fx.clock);
  CHECK(store.filesPendingReview().size() == 1);
  fx.clock.advance(kHour);
  reviews.returnFile(fx.supervisor, r.id, "请补充皮肤类型");
  CHECK(fx.directory.byId(r.id)->status == "returned");
  CHECK(store.filesPendingReview().empty());
  fx.clock.advance(kHour);
  reviews.resubmit(fx.cashier, r.id, "已补充");
  fx.clock.advance(25 * kHour);
  CHECK(reviews.waitingLongerThan(24 * kHour).size() == 1);
  reviews.approve(fx.supervisor, r.id, "");
  CHECK(fx.directory.byId(r.id)->status == "in_force");
  auto history = store.reviewHistory(r.id);
  REQUIRE(history.size() == 3);
  CHECK(history[0].decision == "returned");
  CHECK(history[0].notes == "请补充皮肤类型");
  CHECK(history[2].decision == "approved");
  CHECK_THROWS(fx.db->sql().exec("DELETE FROM file_reviews"));
  CHECK(fx.count("SELECT count(*) FROM audit_log WHERE action LIKE 'customer.file_%'") == 3);
  CHECK(storage::verifyAuditChain(fx.db->sql()).ok);
}
