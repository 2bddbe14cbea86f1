// Headless: the members screen drawn by Dear ImGui without a window.
#include <catch2/catch.hpp>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView membersView() {
  KioskView v;
  v.screen = Screen::Members;
  v.status.staffName = "王店长";
  MembersView& m = v.members;
  m.title = "会员";
  m.customer = 7;
  m.name = "张三";
  m.memberNo = "M00000001";
  m.member = true;
  m.phone = "138****8000";
  m.tier = "银卡";
  m.points = "120";
  m.storedValue = "¥1200.00";
  m.bonus = "¥200.00";
  m.cardVersion = 1;
  m.plans = {{"V-1000", "储值1000送200", "¥1000.00"}, {"V-3000", "储值3000送800", "¥3000.00"}};
  return v;
}

template <typename T>
const T* find(const Intents& in) {
  for (const Intent& i : in)
    if (auto* c = std::get_if<MembersIntent>(&i))
      if (auto* t = std::get_if<T>(c)) return t;
  return nullptr;
}

void checkTouchTargets(const Headless& h) {
  for (const Tappable& t : h.record().tappables()) {
    INFO(t.id);
    CHECK(t.y1 - t.y0 >= 48 * h.metrics().scale);
    CHECK(t.x1 - t.x0 >= 48 * h.metrics().scale);
  }
}

}  // namespace

TEST_CASE("the card tab: reprint or reissue, a reason, and a warning when no printer is set up") {
  Headless h;
  KioskView v = membersView();
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("张三"));
  CHECK(h.record().drew("¥1200.00"));
  CHECK(h.record().drew("会员卡版本 1"));
  CHECK(h.record().drew("未设置打印机"));
  CHECK_FALSE(h.record().find("members.card.confirm"));
  CHECK(find<ChooseCardAction>(h.tap(v, "members.card.reissue"))->action == "reissue");

  v.members.cardAction = "reissue";
  v.members.printer = "tcp://127.0.0.1:9100";
  h.frame(v);
  h.frame(v);
  CHECK_FALSE(h.record().drew("未设置打印机"));
  CHECK(h.record().drew("原卡立即停用"));
  CHECK(h.record().find("members.reason.lost"));
  CHECK_FALSE(h.record().find("members.reason.worn"));  // not a reason to stop a card
  checkTouchTargets(h);
  CHECK(find<CardReason>(h.tap(v, "members.reason.lost"))->reasonKey == "ui.members.reason.lost");
  CHECK(find<ConfirmCard>(h.tap(v, "members.card.confirm")));
}

TEST_CASE("the top-up tab: an amount on the keypad, plans, tender, one confirm button") {
  Headless h;
  KioskView v = membersView();
  v.members.tab = "top_up";
  v.members.amountDigits = "2000";
  v.members.topUpSummary = "储值1000送200 × 2  ·  赠送 ¥400.00";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("¥ 2000"));
  CHECK(h.record().drew("储值1000送200 × 2"));
  checkTouchTargets(h);
  CHECK(find<AmountKeys>(h.tap(v, "members.key.5"))->keys == "5");
  CHECK(find<AmountKeys>(h.tap(v, "members.key.ok"))->keys == "C");
  CHECK(find<PickTopUpPlan>(h.tap(v, "members.plan.V-3000"))->code == "V-3000");
  CHECK(find<ChooseTopUpTender>(h.tap(v, "members.tender.card"))->tender == "card");
  CHECK(find<ConfirmTopUp>(h.tap(v, "members.topup.confirm")));

  v.members.topUpDone = true;
  h.frame(v);
  h.frame(v);
  CHECK_FALSE(h.record().find("members.topup.confirm"));
  CHECK(find<NewTopUp>(h.tap(v, "members.topup.new")));
}

TEST_CASE("the history tabs list packages, points and stored value") {
  Headless h;
  KioskView v = membersView();
  v.members.tab = "points";
  v.members.pointsHistory = {{"2026-05-28 10:00", "消费得分", "+120"}};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("消费得分"));
  CHECK(h.record().drew("+120"));
  CHECK(find<ShowMemberTab>(h.tap(v, "members.tab.packages"))->tab == "packages");
  v.members.tab = "packages";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("暂无记录"));
}
