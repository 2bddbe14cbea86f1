// The Approvals desk against a real SQLite file with the demo salon and a manual
// clock: recording deadlines with their countdown, the service-details form, and
// a supervisor's decisions on files and change requests.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/change_request.h"
#include "app/core/dispute.h"
#include "app/core/service_record.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/record_keeping_store.h"
#include "storage/recording_store.h"
#include "storage/staff_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  storage::SqliteAuditLog audit{*db};
  storage::SqliteStaffStore staffStore{*db};

  Fixture() {
    start(30);
  }
  Staff staff(const std::string& code) { return staffStore.findStaff(code)->staff; }
  std::string text(const std::string& sql) { return db->sql().execAndGet(sql).getString(); }
  const ui::ApprovalsView& view() const { return kiosk->view().approvals; }
  void apply(ui::ApprovalsIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  // 服务完成 tapped by the beautician `minutesAgo` minutes ago.
  std::string finishedAgo(int minutesAgo, const std::string& item) {
    clock.advance(-minutesAgo * kMinute);
    storage::SqliteServiceRecords store(*db);
    Guard guard(audit, clock);
    ServiceRecords services(store, guard, clock);
    ServiceEnding e = services.finish(staff("beau"), directory.recent(1).front().id, item, "beau");
    clock.advance(minutesAgo * kMinute);
    return e.id;
  }
  std::string serviceItem() {
    seedCatalog();  // the catalog, no sales
    return text("SELECT code FROM catalog_items WHERE kind = 'service' ORDER BY code LIMIT 1");
  }
  const ui::DueRow* dueRow(const std::string& id) const {
    for (const ui::DueRow& r : view().due)
      if (r.id == id) return &r;
    return nullptr;
  }
  int badge() const {
    for (const ui::HomeTile& t : kiosk->view().home.tiles)
      if (t.screen == ui::Screen::Approvals) return t.badge;
    return -1;
  }
};

}  // namespace

TEST_CASE("a service finished 25 minutes ago has 5 minutes left, 10 minutes later it is overdue") {
  Fixture f;
  const std::string id = f.finishedAgo(25, f.serviceItem());
  f.signIn("beau", "4567");
  // Home shows it among the deadlines due soon, with its countdown.
  const ui::HomeView& home = f.kiosk->view().home;
  REQUIRE_FALSE(home.dueSoon.empty());
  CHECK(home.dueSoon.front().id == id);
  CHECK(home.dueSoon.front().countdown == "剩 5 分钟");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  CHECK(f.kiosk->view().screen == ui::Screen::Approvals);
  const ui::DueRow* row = f.dueRow(id);
  REQUIRE(row);
  CHECK(row->kind == "service");
  CHECK(row->countdown == "剩 5 分钟");
  CHECK_FALSE(row->overdue);
  CHECK(row->customerName == f.directory.recent(1).front().name);
  // The countdown moves with the clock through the desk's tick.
  f.clock.advance(2 * kMinute);
  CHECK(f.kiosk->tick());
  CHECK(f.dueRow(id)->countdown == "剩 3 分钟");
  f.clock.advance(8 * kMinute);
  CHECK(f.kiosk->tick());
  CHECK(f.dueRow(id)->overdue);
  CHECK(f.dueRow(id)->countdown == "逾期 5 分钟");
  CHECK_FALSE(f.kiosk->tick());  // nothing moved since
}

TEST_CASE("service details recorded within 30 minutes are on time, after that late, each once") {
  Fixture f;
  const std::string item = f.serviceItem();
  const std::string late = f.finishedAgo(40, item);
  const std::string onTime = f.finishedAgo(10, item);
  f.signIn("beau", "4567");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  REQUIRE(f.dueRow(onTime));
  REQUIRE(f.dueRow(late));
  CHECK(f.dueRow(late)->overdue);
  CHECK(f.view().due.front().id == late);  // the most urgent first

  f.apply(ui::ApprovalsOpenDue{"service", onTime});
  REQUIRE(f.view().details.open);
  CHECK(f.view().details.serviceId == onTime);
  // Saving without effect notes is refused, in words.
  f.apply(ui::ApprovalsFormSubmit{});
  CHECK(f.view().details.open);
  CHECK(f.view().messageIsError);
  f.apply(ui::ApprovalsFormMinutes{-5});
  const int minutes = f.view().details.minutes;
  f.apply(ui::ApprovalsFormPick{"效果明显"});
  f.apply(ui::ApprovalsFormField{1});
  f.apply(ui::ApprovalsFormPick{"满意"});
  f.apply(ui::ApprovalsFormKeys{"ok"});
  CHECK(f.view().details.effect == "效果明显");
  CHECK(f.view().details.feedback == "满意ok");
  f.apply(ui::ApprovalsFormSubmit{});
  CHECK_FALSE(f.view().details.open);
  CHECK(f.view().message == "服务详情已按时记录");
  CHECK_FALSE(f.dueRow(onTime));
  CHECK(f.count("SELECT count(*) FROM service_details WHERE service_id = '" + onTime + "' AND duration_min = " +
                std::to_string(minutes) + " AND effect = '效果明显' AND feedback = '满意ok'") == 1);

  f.apply(ui::ApprovalsOpenDue{"service", late});
  f.apply(ui::ApprovalsFormPick{"无不适反应"});
  f.apply(ui::ApprovalsFormSubmit{});
  CHECK(f.view().message == "服务详情已记录（超过 30 分钟，记为迟录）");
  CHECK(f.view().due.empty());
  CHECK(f.count("SELECT count(*) FROM service_details") == 2);
  // A stale tap on a row that is gone does nothing.
  f.apply(ui::ApprovalsOpenDue{"service", late});
  CHECK_FALSE(f.view().details.open);
}

TEST_CASE("approving a change request applies it once, a contact change waits for the customer") {
  Fixture f;
  const CustomerId who = f.directory.recent(1).front().id;
  Guard guard(f.audit, f.clock);
  storage::SqliteRecordKeeping store(*f.db);
  ChangeRequests changes(store, guard, f.clock);
  ChangeRequest job = changes.submit(f.staff("cash"), who, "occupation", "", "教师", "顾客口述", false);
  ChangeRequest phone = changes.submit(f.staff("cash"), who, "phone", f.directory.byId(who)->phone, "13912345678",
                                       "换号", false);
  f.signIn("sup", "2345");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  CHECK(f.view().tab == ui::ApprovalsTab::Inbox);
  auto row = [&](const std::string& id) -> const ui::InboxRow* {
    for (const ui::InboxRow& r : f.view().inbox)
      if (r.id == id) return &r;
    return nullptr;
  };
  REQUIRE(row(job.id));
  CHECK(row(job.id)->headline == "资料更改 · 职业");
  CHECK(row(job.id)->detail.find("— → 教师") != std::string::npos);
  CHECK_FALSE(row(job.id)->needsCustomer);
  REQUIRE(row(phone.id));
  CHECK(row(phone.id)->needsCustomer);

  f.apply(ui::ApprovalsDecide{"change", job.id, "approve"});
  CHECK(f.view().message == "更改已批准并生效");
  // The row keeps its place, decided: a double tap's second press finds no button under the finger.
  REQUIRE(row(job.id));
  CHECK(row(job.id)->decided == "已处理");
  CHECK(f.text("SELECT value FROM customer_fields WHERE customer_id = " + std::to_string(who) +
               " AND field = 'occupation'") == "教师");
  // A second tap (a stale row) applies nothing more and leaves the outcome said.
  f.apply(ui::ApprovalsDecide{"change", job.id, "approve"});
  CHECK(f.view().message == "更改已批准并生效");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.change_approved'") == 1);

  // The contact change cannot be approved before the customer confirms it.
  f.apply(ui::ApprovalsDecide{"change", phone.id, "approve"});
  CHECK(f.view().message == f.kiosk->catalog().text("error.customer_confirmation_needed"));
  CHECK(f.text("SELECT state FROM change_requests WHERE id = '" + phone.id + "'") == "pending");
  // Rejecting asks for a reason first.
  f.apply(ui::ApprovalsDecide{"change", phone.id, "reject"});
  REQUIRE(f.view().notes.open);
  CHECK_FALSE(f.view().notes.reasons.empty());
  f.apply(ui::ApprovalsFormPick{f.view().notes.reasons.front()});
  f.apply(ui::ApprovalsFormSubmit{});
  CHECK(f.text("SELECT state FROM change_requests WHERE id = '" + phone.id + "'") == "rejected");
  CHECK(f.text("SELECT decision_note FROM change_requests WHERE id = '" + phone.id + "'") == "缺少依据");
}

TEST_CASE("a cashier gets no approvals tile, a supervisor's badge counts what waits") {
  Fixture f;
  f.signIn("cash", "3456");
  CHECK(f.badge() == -1);
  // Not even by asking for the screen's intents directly.
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  CHECK_FALSE(f.view().mayReview);
  CHECK(f.view().inbox.empty());
  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("beau", "4567");
  CHECK(f.badge() == 0);  // the tile is there: beauticians record service details
}

TEST_CASE("a supervisor returns a new file with notes and approves another, the badge drops") {
  Fixture f;
  f.seedCustomers(30, 7);
  const int pending = f.count("SELECT count(*) FROM customers WHERE status = 'pending_review'");
  REQUIRE(pending >= 2);
  f.signIn("sup", "2345");
  const int before = f.badge();
  CHECK(before == pending);
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  REQUIRE(static_cast<int>(f.view().inbox.size()) == pending);
  std::vector<std::string> others;
  for (const ui::InboxRow& r : f.view().inbox) {
    CHECK(r.kind == "file");
    if (!r.own) others.push_back(r.id);
  }
  REQUIRE(others.size() >= 2);
  CHECK(f.view().inbox.front().own == false);  // what someone else must decide is last

  f.apply(ui::ApprovalsDecide{"file", others[0], "return"});
  REQUIRE(f.view().notes.open);
  f.apply(ui::ApprovalsFormSubmit{});  // no notes: refused
  CHECK(f.view().messageIsError);
  CHECK(f.view().notes.open);
  f.apply(ui::ApprovalsFormPick{"电话号码有误"});
  f.apply(ui::ApprovalsFormKeys{"138"});
  f.apply(ui::ApprovalsFormSubmit{});
  CHECK_FALSE(f.view().notes.open);
  CHECK(f.view().message == "档案已退回");
  CHECK(f.text("SELECT status FROM customers WHERE id = " + others[0]) == "returned");
  CHECK(f.text("SELECT notes FROM file_reviews WHERE customer_id = " + others[0]) == "电话号码有误138");

  f.apply(ui::ApprovalsDecide{"file", others[1], "approve"});
  CHECK(f.view().message == "档案已通过审核");
  CHECK(f.text("SELECT status FROM customers WHERE id = " + others[1]) == "in_force");
  CHECK(f.view().inboxTotal == pending - 2);
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  CHECK(f.badge() == before - 2);
}

TEST_CASE("a resolved complaint asks to tell the customer - then their satisfaction - each once") {
  Fixture f;
  storage::SqliteRecordKeeping store(*f.db);
  Guard guard(f.audit, f.clock);
  Cases cases(store, guard, f.clock);
  const CustomerId who = f.directory.recent(1).front().id;
  const std::string id = cases.openComplaint(f.staff("sup"), who, "counter", "烫发后头发干枯").id;
  f.signIn("sup", "2345");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  REQUIRE(f.dueRow(id));
  CHECK(f.dueRow(id)->kind == "complaint");

  f.apply(ui::ApprovalsDecide{"complaint", id, "resolve"});
  REQUIRE(f.view().notes.twoFields);
  f.apply(ui::ApprovalsFormPick{"已致歉并补做服务"});
  f.apply(ui::ApprovalsFormField{1});
  f.apply(ui::ApprovalsFormPick{"药水停留时间过长"});
  f.apply(ui::ApprovalsFormSubmit{});
  const ui::DueRow* row = f.dueRow(id);
  REQUIRE(row);
  CHECK(row->kind == "complaint_feedback");
  CHECK(row->what == "已致歉并补做服务");
  CHECK_FALSE(row->overdue);

  f.apply(ui::ApprovalsDecide{"complaint_feedback", id, "feedback"});
  REQUIRE(f.view().notes.open);
  CHECK_FALSE(f.view().notes.twoFields);
  CHECK(f.view().notes.title == "怎样把处理结果告知了顾客");
  CHECK(f.view().notes.reasons.size() == 4);
  f.apply(ui::ApprovalsFormPick{"电话告知顾客"});
  f.apply(ui::ApprovalsFormSubmit{});
  CHECK(f.view().message == "已记录告知顾客");
  row = f.dueRow(id);
  REQUIRE(row);
  CHECK(row->kind == "complaint_rating");
  CHECK(row->what == "电话告知顾客");

  f.apply(ui::ApprovalsDecide{"complaint_rating", id, "rate"});
  REQUIRE(f.view().notes.reasons.size() == 5);
  CHECK(f.view().notes.choiceOnly);
  f.apply(ui::ApprovalsFormKeys{"9"});  // nothing to type into
  CHECK(f.view().notes.text.empty());
  CHECK(f.view().notes.reasons.front() == "5 非常满意");
  f.apply(ui::ApprovalsFormSubmit{});  // nothing picked
  CHECK(f.view().message == "请选一个满意度（1–5）");
  REQUIRE(f.dueRow(id));
  f.apply(ui::ApprovalsFormPick{"5 非常满意"});
  f.apply(ui::ApprovalsFormPick{"4 满意"});  // a second pick replaces the first
  CHECK(f.view().notes.text == "4 满意");
  f.apply(ui::ApprovalsFormSubmit{});
  CHECK(f.view().message == "满意度已记录，投诉结案");
  CHECK_FALSE(f.dueRow(id));
  // The second tap of a double tap finds no row to act on.
  f.apply(ui::ApprovalsDecide{"complaint_rating", id, "rate"});
  CHECK_FALSE(f.view().notes.open);
  CHECK(f.text("SELECT satisfaction || '/' || feedback_how FROM complaints WHERE id = '" + id + "'") == "4/电话告知顾客");
  CHECK(f.text("SELECT count(*) FROM audit_log WHERE action = 'complaint.satisfaction'") == "1");
}

TEST_CASE("a beautician sees the complaint follow-ups assigned to her and no others") {
  Fixture f;
  storage::SqliteRecordKeeping store(*f.db);
  Guard guard(f.audit, f.clock);
  Cases cases(store, guard, f.clock);
  const CustomerId who = f.directory.recent(1).front().id;
  Complaint c = cases.openComplaint(f.staff("sup"), who, "counter", "等太久");
  cases.assignComplaint(f.staff("sup"), c.id, "beau");
  cases.resolveComplaint(f.staff("beau"), c.id, "已道歉", "预约太满");
  f.signIn("beau", "4567");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  REQUIRE(f.dueRow(c.id));  // hers: assigned to her
  CHECK(f.dueRow(c.id)->kind == "complaint_feedback");
  Complaint other = cases.openComplaint(f.staff("sup"), who, "counter", "价格不清楚");
  cases.resolveComplaint(f.staff("sup"), other.id, "已解释", "价目表太小");
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  CHECK_FALSE(f.dueRow(other.id));  // nobody's in particular: a reviewer's
}
