// The Approvals screen drawn headless: the due list with its countdowns, the
// inbox's decisions, the service-details form and the home's "due soon" rows.
#include <catch2/catch.hpp>

#include <optional>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView approvalsView() {
  KioskView v;
  v.screen = Screen::Approvals;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.staffName = "王主管";
  v.status.language = "zh-Hans";
  ApprovalsView& a = v.approvals;
  a.title = "待审批";
  a.mayReview = true;
  a.due = {{"service", "svc-1", 3, "李美华", "深层补水护理", "林美容师", 0, "逾期 5 分钟", true},
           {"dispute", "dsp-1", 4, "张丽", "金额不对", "王主管", 0, "剩 23 小时 10 分", false}};
  a.inbox = {{"file", "12", 12, "赵敏", "新档案待审核 S01-2026-000012", "138****8000  登记人：陈前台", "11-22 09:05",
              true, false, false, ""},
             {"change", "chg-1", 3, "李美华", "资料更改 · 电话", "138… → 139…  原因：换号", "11-22 10:00", false, true,
              false, ""},
             {"file", "13", 13, "钱多多", "新档案待审核 S01-2026-000013", "", "11-22 10:05", false, false, true, ""}};
  a.inboxTotal = 3;
  return v;
}

template <class T>
std::optional<T> only(const Intents& in) {
  for (const Intent& i : in)
    if (auto a = std::get_if<ApprovalsIntent>(&i))
      if (auto t = std::get_if<T>(a)) return *t;
  return std::nullopt;
}

}  // namespace

TEST_CASE("the due list shows each countdown, a service row opens its form, a dispute asks for the outcome") {
  Headless h;
  KioskView v = approvalsView();
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("逾期 5 分钟"));
  CHECK(h.record().drew("剩 23 小时 10 分"));
  CHECK(h.record().drew("深层补水护理  ·  李美华"));
  CHECK(h.record().find("approvals.tab.inbox")->label == "待审批 (3)");
  const auto open = only<ApprovalsOpenDue>(h.tap(v, "approvals.due.service.svc-1"));
  REQUIRE(open);
  CHECK(open->id == "svc-1");
  const auto decide = only<ApprovalsDecide>(h.tap(v, "approvals.due.dispute.dsp-1.uphold"));
  REQUIRE(decide);
  CHECK(decide->verb == "uphold");
  CHECK_FALSE(h.record().find("approvals.due.service.svc-1.uphold"));
}

TEST_CASE("the inbox offers the decisions each row allows") {
  Headless h;
  KioskView v = approvalsView();
  v.approvals.tab = ApprovalsTab::Inbox;
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("新档案待审核 S01-2026-000012  赵敏"));
  CHECK(h.record().drew("逾期"));  // waiting over 24 h
  const auto approve = only<ApprovalsDecide>(h.tap(v, "approvals.file.12.approve"));
  REQUIRE(approve);
  CHECK(approve->kind == "file");
  CHECK(approve->id == "12");
  REQUIRE(h.record().find("approvals.file.12.return"));
  // A contact change waits for the customer: no approve button, only reject.
  CHECK(h.record().drew("待顾客确认"));
  CHECK_FALSE(h.record().find("approvals.change.chg-1.approve"));
  CHECK(h.record().find("approvals.change.chg-1.reject"));
  // What this supervisor registered is decided by someone else.
  CHECK_FALSE(h.record().find("approvals.file.13.approve"));
  CHECK(h.record().drew("本人提交，由他人审批"));
  REQUIRE(only<ApprovalsShowTab>(h.tap(v, "approvals.tab.due")));
}

TEST_CASE("the service-details form: duration, ready phrases, the keyboard and save") {
  Headless h;
  KioskView v = approvalsView();
  DetailsForm& d = v.approvals.details;
  d.open = true;
  d.serviceId = "svc-1";
  d.item = "深层补水护理";
  d.customerName = "李美华";
  d.countdown = "剩 5 分钟";
  d.effect = "效果明显";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("服务详情：深层补水护理 · 李美华"));
  CHECK(h.record().drew("剩 5 分钟"));
  CHECK(h.record().drew("60 分钟"));
  CHECK(h.record().drew("效果记录：效果明显"));
  REQUIRE(only<ApprovalsFormMinutes>(h.tap(v, "approvals.form.plus")));
  CHECK(only<ApprovalsFormMinutes>(h.tap(v, "approvals.form.plus"))->delta == 5);
  CHECK(only<ApprovalsFormPick>(h.tap(v, "approvals.form.phrase.2"))->text == "无不适反应");
  CHECK(only<ApprovalsFormField>(h.tap(v, "approvals.form.field1"))->field == 1);
  CHECK(only<ApprovalsFormKeys>(h.tap(v, "kb.a"))->keys == "a");
  REQUIRE(only<ApprovalsFormSubmit>(h.tap(v, "approvals.form.save")));
  REQUIRE(only<ApprovalsFormCancel>(h.tap(v, "approvals.form.cancel")));
  // Every target of the screen is at least a finger tall.
  for (const Tappable& t : h.record().tappables()) {
    if (t.id.rfind("approvals.", 0) != 0 && t.id.rfind("kb.", 0) != 0) continue;  // the status bar is not ours
    if (t.cut) continue;  // partly scrolled under the form's edge: whole when scrolled
    INFO(t.id);
    CHECK(t.y1 - t.y0 >= h.metrics().touch - 1);
  }
}

TEST_CASE("home lists the recording deadlines due soonest, a tap opens the Approvals screen") {
  Headless h;
  KioskView v;
  v.screen = Screen::Home;
  v.status.staffName = "林美容师";
  v.home.staffName = "林美容师";
  v.home.dueSoon = {{"service", "svc-1", 3, "李美华", "深层补水护理", "林美容师", 0, "剩 5 分钟", false}};
  v.home.dueTotal = 4;
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("(4)"));
  CHECK(h.record().drew("剩 5 分钟"));
  Intents in = h.tap(v, "home.due.1");
  REQUIRE(in.size() == 1);
  REQUIRE(std::holds_alternative<Navigate>(in[0]));
  CHECK(std::get<Navigate>(in[0]).to == Screen::Approvals);
}
