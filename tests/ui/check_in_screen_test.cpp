// The check-in and first-visit registration screens drawn headless: what a
// customer sees, and the intents a tap produces.
#include "support/headless_ui.h"

using namespace salon::test;

namespace {

KioskView base(Screen s) {
  KioskView v;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.language = "zh-Hans";
  v.status.staffName = "陈前台";
  v.screen = s;
  return v;
}

template <typename T, typename V>
struct IsAlternative;
template <typename T, typename... Ts>
struct IsAlternative<T, std::variant<Ts...>> : std::disjunction<std::is_same<T, Ts>...> {};

// The intent of type T a frame produced (a registration intent inside its wrapper).
template <typename T>
const T* find(const Intents& in) {
  for (const Intent& i : in) {
    if constexpr (IsAlternative<T, RegistrationIntent>::value) {
      if (const auto* r = std::get_if<RegistrationIntent>(&i))
        if (const T* t = std::get_if<T>(r)) return t;
    } else {
      if (const T* t = std::get_if<T>(&i)) return t;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("by card: the greeting, today's appointment, points and balance, and one button to confirm") {
  Headless h;
  KioskView v = base(Screen::CheckIn);
  v.checkIn.card = {42, "qr", "张三", "金卡", {"14:00 深层清洁面部护理"}, "1280", "¥1,200.00"};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("欢迎您，张三"));
  CHECK(h.record().drew("金卡"));
  CHECK(h.record().drew("14:00 深层清洁面部护理"));
  CHECK(h.record().drew("1280"));
  CHECK(h.record().drew("¥1,200.00"));
  CHECK_FALSE(h.record().find("checkin.first_visit"));  // one thing at a time
  Intents confirm = h.tap(v, "checkin.confirm");
  REQUIRE(find<ConfirmCheckIn>(confirm));
  CHECK(find<ConfirmCheckIn>(confirm)->id == 42);
  CHECK(find<RejectMatches>(h.tap(v, "checkin.not_me")));
}

TEST_CASE("the empty check-in screen offers the keypad, the scan hint and the first-visit button") {
  Headless h;
  KioskView v = base(Screen::CheckIn);
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("也可以扫描会员码或刷会员卡"));
  CHECK_FALSE(h.record().drew("储值余额"));
  const Tappable* first = h.record().find("checkin.first_visit");
  REQUIRE(first);
  CHECK(first->y1 - first->y0 >= h.metrics().touch - 1);
  Intents go = h.tap(v, "checkin.first_visit");
  REQUIRE(find<Navigate>(go));
  CHECK(find<Navigate>(go)->to == Screen::Registration);
}

TEST_CASE("registration: the notice scrolls, agree or decline and the name on the pinyin keyboard and the phone on the keypad") {
  Headless h;
  KioskView v = base(Screen::Registration);
  v.registration.title = "首次到店 · 新顾客登记";
  v.registration.notice = "为了给您提供护理服务……绝不会提供给第三方。";
  v.registration.noticeVersion = "2026-01";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("绝不会提供给第三方"));
  CHECK(h.record().drew("2026-01"));
  CHECK(find<RegisterAgree>(h.tap(v, "registration.agree")));
  CHECK(find<RegisterDecline>(h.tap(v, "registration.decline")));

  v.registration.step = RegistrationStep::Marketing;
  h.frame(v);
  REQUIRE(find<RegisterMarketing>(h.tap(v, "registration.marketing.no")));
  CHECK_FALSE(find<RegisterMarketing>(h.tap(v, "registration.marketing.no"))->yes);
  CHECK(find<RegisterMarketing>(h.tap(v, "registration.marketing.yes"))->yes);

  v.registration.step = RegistrationStep::Name;
  v.registration.name = "李";
  v.registration.letters = "mei";
  v.registration.candidates = {"美", "没"};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("李"));
  CHECK(h.record().drew("mei"));
  REQUIRE(find<RegisterPickName>(h.tap(v, "kb.pick.1")));
  CHECK(find<RegisterPickName>(h.tap(v, "kb.pick.1"))->text == "美");
  CHECK(find<RegisterNameKeys>(h.tap(v, "kb.x"))->keys == "x");
  CHECK(find<RegisterNameKeys>(h.tap(v, "registration.next"))->keys == "=");

  v.registration.step = RegistrationStep::Phone;
  v.registration.name = "李美玲";
  v.registration.phone = "1391234";
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("李美玲"));
  CHECK(h.record().drew("1391234"));
  CHECK(find<RegisterPhoneKeys>(h.tap(v, "registration.key.5"))->keys == "5");
  CHECK(find<RegisterPhoneKeys>(h.tap(v, "registration.key.ok"))->keys == "=");

  v.registration.step = RegistrationStep::Welcome;
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("欢迎您，李美玲"));
  CHECK(find<RegisterJoinQueue>(h.tap(v, "registration.join")));
}
