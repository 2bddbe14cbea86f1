// Headless: the customer-file screen drawn by Dear ImGui without a window.
#include <catch2/catch.hpp>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView fileView(FileStage stage) {
  KioskView v;
  v.screen = Screen::CustomerFile;
  v.status.staffName = "陈前台";
  CustomerFileView& f = v.customerFile;
  f.title = "顾客档案";
  f.customer = 7;
  f.stage = stage;
  f.name = "张三";
  f.fileNo = "S01-2026-000001";
  f.memberNo = "M00000001";
  f.purposes = {"checkout", "service", "marketing"};
  f.routine = {true, false, false};
  return v;
}

template <typename T>
const T* find(const Intents& in) {
  for (const Intent& i : in)
    if (auto* c = std::get_if<CustomerFileIntent>(&i))
      if (auto* t = std::get_if<T>(c)) return t;
  return nullptr;
}

void checkTouchTargets(const Headless& h) {
  REQUIRE_FALSE(h.record().tappables().empty());
  for (const Tappable& t : h.record().tappables()) {
    INFO(t.id);
    CHECK(t.y1 - t.y0 >= 48 * h.metrics().scale);
    CHECK(t.x1 - t.x0 >= 48 * h.metrics().scale);
  }
}

}  // namespace

TEST_CASE("the file asks for a purpose first, and purposes outside the routine say they need approval") {
  Headless h;
  KioskView v = fileView(FileStage::Purpose);
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("张三"));
  CHECK(h.record().drew("请选择查看此档案的目的"));
  REQUIRE(h.record().find("file.purpose.checkout"));
  CHECK(h.record().find("file.purpose.marketing")->label.find("需主管审批") != std::string::npos);
  CHECK(h.record().find("file.purpose.checkout")->label.find("需主管审批") == std::string::npos);
  CHECK_FALSE(h.record().find("file.to_checkout"));  // nothing to go on with before the file opens
  checkTouchTargets(h);
  Intents chosen = h.tap(v, "file.purpose.marketing");
  REQUIRE(find<ChoosePurpose>(chosen));
  CHECK(find<ChoosePurpose>(chosen)->purpose == "marketing");

  v.customerFile.stage = FileStage::Waiting;
  v.customerFile.purpose = "marketing";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("等待主管审批"));
  CHECK(h.record().drew("营销活动"));
  CHECK(find<CheckApproval>(h.tap(v, "file.check_approval")));
  Intents back = h.tap(v, "file.other_purpose");
  REQUIRE(back.size() == 1);
  CHECK(std::get<Navigate>(back[0]).to == Screen::CustomerFile);
  CHECK(std::get<Navigate>(back[0]).customer == 7);
}

TEST_CASE("an open file shows tabs, masked fields, pending changes, and ways on to checkout and members") {
  Headless h;
  KioskView v = fileView(FileStage::Open);
  CustomerFileView& f = v.customerFile;
  f.phone = "138****8000";
  f.tabs = {"basic", "health", "skin", "care", "visits", "membership"};
  f.tab = "basic";
  f.fields = {{"name", "ui.file.field.name", "张三", false, false, true, ""},
              {"phone", "ui.file.field.phone", "138****8000", true, false, false, ""},
              {"occupation", "ui.file.field.occupation", "", false, false, true, "教师"}};
  f.linesTitleKey = "ui.file.consent";
  f.lines = {{"2026-05-28 10:00", "已同意隐私告知", "同意接收营销信息"}};
  h.frame(v);
  h.frame(v);
  for (const char* tab : {"基本信息", "健康与过敏", "皮肤/发质诊断", "护理方案", "到店记录", "会员"}) CHECK(h.record().drew(tab));
  CHECK(h.record().drew("138****8000"));
  CHECK(h.record().drew("（您的角色不可见）"));
  CHECK(h.record().drew("待审批 → 教师"));
  CHECK(h.record().find("file.edit.name"));
  CHECK_FALSE(h.record().find("file.edit.phone"));       // masked: cannot be edited
  CHECK_FALSE(h.record().find("file.edit.occupation"));  // a change is already waiting
  checkTouchTargets(h);
  Intents health = h.tap(v, "file.tab.health");
  REQUIRE(find<ShowFileTab>(health));
  CHECK(find<ShowFileTab>(health)->tab == "health");
  CHECK(find<StartFieldEdit>(h.tap(v, "file.edit.name"))->field == "name");
  Intents checkout = h.tap(v, "file.to_checkout");
  REQUIRE(checkout.size() == 1);
  CHECK(std::get<Navigate>(checkout[0]).to == Screen::Checkout);
  CHECK(std::get<Navigate>(checkout[0]).customer == 7);
  Intents members = h.tap(v, "file.to_members");
  CHECK(std::get<Navigate>(members[0]).to == Screen::Members);
}

TEST_CASE("asking for a change: the new value, a reason, and send for approval") {
  Headless h;
  KioskView v = fileView(FileStage::Open);
  v.customerFile.edit.field = "gender";
  v.customerFile.edit.labelKey = "ui.file.field.gender";
  v.customerFile.edit.choices = {"female", "male", "other"};
  v.customerFile.edit.newValue = "male";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("申请修改: 性别"));
  CHECK(h.record().drew("新值：  男"));
  checkTouchTargets(h);
  CHECK(find<EditChoice>(h.tap(v, "file.choice.female"))->value == "female");
  CHECK(find<EditReason>(h.tap(v, "file.reason.correct_error"))->reasonKey == "ui.file.reason.correct_error");
  CHECK(find<SubmitFieldEdit>(h.tap(v, "file.edit.submit")));
  CHECK(find<CancelFieldEdit>(h.tap(v, "file.edit.cancel")));

  // A text field takes the on-screen keyboard.
  v.customerFile.edit.choices.clear();
  v.customerFile.edit.field = "occupation";
  v.customerFile.edit.newValue = "teach";
  h.frame(v);
  h.frame(v);
  CHECK(find<EditKeys>(h.tap(v, "kb.e"))->keys == "e");
}

TEST_CASE("with nobody chosen the file screen is a search with the keyboard") {
  Headless h;
  KioskView v = fileView(FileStage::Search);
  v.customerFile.customer = 0;
  v.customerFile.search.query = "zs";
  v.customerFile.search.searched = true;
  v.customerFile.search.found = {{7, "S01-2026-000001", "M00000001", "张三", "138****8000"}};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("138****8000"));
  CHECK(find<FileSearchKeys>(h.tap(v, "kb.1"))->keys == "1");
  CHECK(find<OpenFoundCustomer>(h.tap(v, "file.search.found.7"))->id == 7);
}

TEST_CASE("the file search offers browsing by pinyin, strokes, filing date or skin, with pages") {
  for (auto [w, hgt] : {std::pair{800, 600}, std::pair{1024, 768}, std::pair{768, 1024}}) {
    Headless h(w, hgt);
    KioskView v = fileView(FileStage::Search);
    v.customerFile.customer = 0;
    h.frame(v);
    h.frame(v);
    checkTouchTargets(h);
    for (const char* order : {"pinyin", "strokes", "created", "skin"}) {
      const Intents tapped = h.tap(v, std::string("file.search.browse.") + order);
      const BrowseFiles* b = find<BrowseFiles>(tapped);
      REQUIRE(b);
      CHECK(b->order == order);
      CHECK(b->page == 0);
    }
    // Not browsing yet: the page buttons do nothing.
    CHECK_FALSE(find<BrowseFiles>(h.tap(v, "file.search.browse.next")));
    CustomerSearchView& s = v.customerFile.search;
    s.browseOrder = "strokes";
    s.browsePage = 1;
    s.browseMore = true;
    s.searched = true;
    s.found = {{7, "S01-2026-000001", "M00000001", "张三", "138****8000"}};
    h.frame(v);
    REQUIRE(find<BrowseFiles>(h.tap(v, "file.search.browse.next")));
    CHECK(find<BrowseFiles>(h.tap(v, "file.search.browse.next"))->page == 2);
    CHECK(find<BrowseFiles>(h.tap(v, "file.search.browse.prev"))->page == 0);
    CHECK(find<BrowseFiles>(h.tap(v, "file.search.browse.prev"))->order == "strokes");
    s.browsePage = 0;
    s.browseMore = false;  // the first and only page: neither way goes anywhere
    h.frame(v);
    CHECK_FALSE(find<BrowseFiles>(h.tap(v, "file.search.browse.prev")));
    CHECK_FALSE(find<BrowseFiles>(h.tap(v, "file.search.browse.next")));
    CHECK(find<OpenFoundCustomer>(h.tap(v, "file.search.found.7"))->id == 7);
    // Browsing puts the keyboard away so the whole page shows; a tap on the box
    // goes back to typing.
    CHECK_FALSE(h.record().find("kb.1"));
    CHECK(find<FileSearchKeys>(h.tap(v, "file.search.type"))->keys == "C");
    checkTouchTargets(h);
    s.browseOrder.clear();
    h.frame(v);
    CHECK(h.record().find("kb.1"));
  }
}
