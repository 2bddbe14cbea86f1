// Headless: the real screens drawn by Dear ImGui without a window. Input goes
// straight into ImGuiIO; the frames' intents and drawn rectangles are checked.
#include <catch2/catch.hpp>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView signInView() {
  KioskView v;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.language = "zh-Hans";
  v.signIn.staff = {{"cash", "陈前台", ""}, {"mgr", "王店长", ""}};
  return v;
}

}  // namespace

TEST_CASE("the sign-in screen offers every staff member and a big PIN keypad") {
  Headless h;
  KioskView v = signInView();
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("员工登录"));
  REQUIRE(h.record().find("signin.staff.cash"));
  Intents chosen = h.tap(v, "signin.staff.mgr");
  REQUIRE(chosen.size() == 1);
  REQUIRE(std::holds_alternative<ChooseStaff>(chosen[0]));
  CHECK(std::get<ChooseStaff>(chosen[0]).code == "mgr");

  v.signIn.chosenCode = "mgr";
  v.signIn.chosenName = "王店长";
  v.signIn.pinDigits = 2;
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("● ● ○ ○"));
  for (const char* id : {"pin.1", "pin.9", "pin.0", "pin.back", "pin.ok", "signin.other"}) CHECK(h.record().find(id));
  Intents seven = h.tap(v, "pin.7");
  REQUIRE(seven.size() == 1);
  CHECK(std::get<PinKeys>(seven[0]).keys == "7");
  Intents ok = h.tap(v, "pin.ok");
  REQUIRE(ok.size() == 1);
  CHECK(std::get<PinKeys>(ok[0]).keys == "=");
}

TEST_CASE("every tappable target is at least 48 px at 1024x768 and scales with the display") {
  for (auto [w, h] : {std::pair{1024, 768}, std::pair{1920, 1080}}) {
    Headless ui(w, h);
    KioskView v = signInView();
    v.status.staffName = "陈前台";
    for (Screen s : {Screen::SignIn, Screen::Home, Screen::CheckIn, Screen::Registration, Screen::Checkout,
                      Screen::CustomerFile, Screen::Members, Screen::Approvals, Screen::Settings,
                      Screen::Appointments}) {
      v.screen = s;
      v.checkIn.matches = {{1, "张*"}, {2, "陳**"}};
      ui.frame(v);
      ui.frame(v);
      REQUIRE_FALSE(ui.record().tappables().empty());
      for (const Tappable& t : ui.record().tappables()) {
        INFO(t.id << " at " << w << "x" << h);
        CHECK(t.y1 - t.y0 >= 48 * ui.metrics().scale);
        CHECK(t.x1 - t.x0 >= 48 * ui.metrics().scale);
      }
    }
  }
}

TEST_CASE("check-in by phone shows masked names only, and a wedge reader's scan arrives whole") {
  Headless h;
  KioskView v = signInView();
  v.screen = Screen::CheckIn;
  v.checkIn.digits = "5678";
  v.checkIn.matches = {{7, "陳**"}};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("陳**"));
  CHECK(h.record().drew("5678"));
  Intents confirm = h.tap(v, "checkin.match.1");
  REQUIRE(confirm.size() == 1);
  CHECK(std::get<ConfirmCheckIn>(confirm[0]).id == 7);

  // A card: characters then Enter; digits before a letter are not a phone number.
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8("M0000");
  Intents part = h.frame(v);
  CHECK(part.empty());
  io.AddInputCharactersUTF8("0001");
  io.KeysDown[ImGuiKey_Enter] = true;
  Intents scan = h.frame(v);
  io.KeysDown[ImGuiKey_Enter] = false;
  h.frame(v);
  REQUIRE(scan.size() == 1);
  CHECK(std::get<ScanPayload>(scan[0]).payload == "M00000001");

  // Typed digits join the phone number; Enter asks to find.
  io.AddInputCharactersUTF8("138");
  Intents typed = h.frame(v);
  REQUIRE(typed.size() == 1);
  CHECK(std::get<PhoneKeys>(typed[0]).keys == "138");
  io.KeysDown[ImGuiKey_Enter] = true;
  Intents enter = h.frame(v);
  io.KeysDown[ImGuiKey_Enter] = false;
  REQUIRE(enter.size() == 1);
  CHECK(std::get<PhoneKeys>(enter[0]).keys == "=");
}

TEST_CASE("the home screen lists customers and the language buttons ask to switch") {
  Headless h;
  KioskView v = signInView();
  v.screen = Screen::Home;
  v.status.staffName = "王店长";
  v.home.customers = {{1, "S01-2026-000001", "", "陳美玲", "139****5678", "ui.status.in_force"}};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("陳美玲"));
  CHECK(h.record().drew("已生效"));
  Intents checkin = h.tap(v, "home.checkin");
  REQUIRE(checkin.size() == 1);
  CHECK(std::get<Navigate>(checkin[0]).to == Screen::CheckIn);
  Intents en = h.tap(v, "lang.en");
  REQUIRE(en.size() == 1);
  CHECK(std::get<SwitchLanguage>(en[0]).language == "en");
}

TEST_CASE("a newly shown name gets its glyphs before the frame that draws it") {
  Headless h;
  KioskView v = signInView();
  h.frame(v);
  REQUIRE(h.fonts().hasCjkFont());
  ImFont* font = h.fonts().text();
  CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(U'瑩')) == nullptr);
  v.signIn.staff.push_back({"new", "鄧瑩瑩", ""});
  h.frame(v);
  font = h.fonts().text();  // the atlas was rebuilt
  for (char32_t c : decodeUtf8("鄧瑩瑩陈前台员工登录")) {
    INFO(static_cast<unsigned>(c));
    CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
  }
  CHECK(h.fonts().big()->FindGlyphNoFallback(static_cast<ImWchar>(U'瑩')) != nullptr);
}

TEST_CASE("the status bar shows that a failed database check stopped sales and who is on duty") {
  Headless h;
  KioskView v = signInView();
  v.status.staffName = "陈前台";
  v.status.dbCheck = DbCheck::Running;
  h.frame(v);
  CHECK_FALSE(h.record().drew("数据库损坏：已停止收款"));
  CHECK(h.record().drew("当班：陈前台"));
  CHECK(h.record().find("lock"));
  v.status.dbCheck = DbCheck::Failed;
  v.status.dbProblem = "*** in database main ***";
  h.frame(v);
  CHECK(h.record().drew("数据库损坏：已停止收款"));
  v.status.staffName.clear();  // locked: no lock button
  h.frame(v);
  CHECK_FALSE(h.record().find("lock"));
}

TEST_CASE("the home list scrolls by dragging it with a finger") {
  Headless h;
  KioskView v = signInView();
  v.screen = Screen::Home;
  v.status.staffName = "王店长";
  for (int i = 0; i < 40; ++i)
    v.home.customers.push_back({i + 1, "S01-2026-0000" + std::to_string(10 + i), "", "顾客" + std::to_string(i),
                                "138****0000", "ui.status.in_force"});
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("S01-2026-000010"));
  ImGuiIO& io = ImGui::GetIO();
  // Press inside the list (below the buttons), drag up by 300 px over several frames.
  float x = 500, y = 600;
  io.MousePos = ImVec2(x, y);
  io.MouseDown[0] = true;
  h.frame(v);
  for (int i = 1; i <= 10; ++i) {
    io.MousePos = ImVec2(x, y - 30.0f * i);
    h.frame(v);
  }
  io.MouseDown[0] = false;
  h.frame(v);
  ImGuiWindow* list = nullptr;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (std::string(w->Name).find("today") != std::string::npos) list = w;
  REQUIRE(list);
  CHECK(list->Scroll.y > 200);
}

TEST_CASE("no screen draws a character the font atlas lacks (no '?'), in any language") {
  for (const char* lang : {"zh-Hans", "zh-Hant", "en"}) {
    Headless h(1024, 768, lang);
    KioskView v = signInView();
    v.status.language = lang;
    v.status.staffName = "陈前台";
    v.status.dbCheck = DbCheck::Failed;
    v.signIn.message = "密码错误";
    v.home.customers = {{1, "S01-2026-000001", "", "陳美玲", "139****5678", "ui.status.in_force"}};
    v.home.queue = {{1, "09:05", "鄧瑩瑩", "ui.method.card", "ui.queue.paid"}};
    v.checkIn.matches = {{1, "歐**"}};
    v.checkIn.message = "请至少输入4位数字";
    for (Screen s : {Screen::SignIn, Screen::Home, Screen::CheckIn, Screen::Registration, Screen::Checkout,
                      Screen::CustomerFile, Screen::Members, Screen::Approvals, Screen::Settings,
                      Screen::Appointments}) {
      v.screen = s;
      h.frame(v);
      h.frame(v);
      for (const std::string& t : h.record().texts())
        for (char32_t c : decodeUtf8(t)) {
          INFO(lang << ": '" << t << "' U+" << std::hex << static_cast<unsigned>(c));
          CHECK(h.fonts().text()->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
  }
}

TEST_CASE("the on-screen keyboard: big keys, candidates to pick, and the search field opens it") {
  Headless h;
  KioskView v = signInView();
  v.screen = Screen::Home;
  v.status.staffName = "王店长";
  h.frame(v);
  h.frame(v);
  Intents open = h.tap(v, "home.search");
  REQUIRE(open.size() == 1);
  CHECK(std::holds_alternative<OpenSearch>(open[0]));
  v.home.search.open = true;
  v.home.search.letters = "wang";
  v.home.search.candidates = {"王", "网", "往"};
  h.frame(v);
  h.frame(v);
  for (const char* id : {"kb.q", "kb.p", "kb.m", "kb.0", "kb.back", "kb.clear", "kb.done", "kb.pick.1"}) {
    const Tappable* t = h.record().find(id);
    INFO(id);
    REQUIRE(t);
    CHECK(t->y1 - t->y0 >= 48);
    CHECK(t->x1 - t->x0 >= 48);
    CHECK(t->y1 <= 768);
    CHECK(t->x1 <= 1024 - h.metrics().gap * 1.5f);  // no key off the right edge (the screen's padding)
  }
  Intents k = h.tap(v, "kb.w");
  REQUIRE(k.size() == 1);
  CHECK(std::get<KeyboardKeys>(k[0]).keys == "w");
  Intents pick = h.tap(v, "王");  // by its label
  REQUIRE(pick.size() == 1);
  CHECK(std::get<PickCandidate>(pick[0]).text == "王");
  Intents done = h.tap(v, "kb.done");
  CHECK(std::get<KeyboardKeys>(done[0]).keys == "=");
}

// Issue 15: every size a counter meets (portrait tablets too) and every language:
// no tappable target under 48 px, none past the window's right or bottom edge
// (a list that scrolls keeps its rows inside its own clipped region).
TEST_CASE("every tappable target is 48 px or more and inside the window, at every size and language") {
  for (auto [w, h] : {std::pair{800, 600}, std::pair{1024, 768}, std::pair{768, 1024}, std::pair{1920, 1080}}) {
    for (const char* language : {"zh-Hans", "zh-Hant", "en"}) {
      Headless ui(w, h, language);
      KioskView v = signInView();
      v.status.staffName = "陈前台";
      v.status.language = language;
      for (Screen s : {Screen::SignIn, Screen::Home, Screen::CheckIn, Screen::Registration, Screen::Checkout,
                        Screen::CustomerFile, Screen::Members, Screen::Approvals, Screen::Settings,
                        Screen::Appointments, Screen::Reports}) {
        v.screen = s;
        v.checkIn.matches = {{1, "张*"}, {2, "陳**"}};
        ui.frame(v);
        ui.frame(v);
        for (const Tappable& t : ui.record().tappables()) {
          INFO(t.id << " at " << w << "x" << h << " in " << language << ": " << t.x0 << "," << t.y0 << " - " << t.x1
                    << "," << t.y1);
          CHECK(t.y1 - t.y0 >= 47.5f);  // 48 px on the screen, not 48 × scale: a finger does not shrink
          CHECK(t.x1 - t.x0 >= 47.5f);
          CHECK(t.x1 <= w + 0.5f);
          CHECK(t.y1 <= h + 0.5f);
        }
      }
    }
  }
}

// Issue 15: at 1920 px a list's cells spread over its width; at 1024 they stay put.
TEST_CASE("list columns keep their places at 1024 px and spread over a 1920 px list") {
  const Metrics small = metricsFor(1024, 768);
  ListColumns at1024 = listColumns(small, 988);
  CHECK(at1024.x[1] == Approx(small.gap + 230));
  CHECK(at1024.x[3] == Approx(small.gap + 620));
  const Metrics wide = metricsFor(1920, 1080);
  const float width = 1880;
  ListColumns at1920 = listColumns(wide, width);
  CHECK(at1920.x[3] > 0.6f * width);  // the last cell starts past the middle, not at a third
  CHECK(at1920.x[3] < width - 200);   // and leaves room for what it shows
  for (int i = 1; i < 4; ++i) CHECK(at1920.x[i] > at1920.x[i - 1]);
}

namespace {

// What fills the lists on an ordinary afternoon: a cart of four lines (one
// still without its staff member, one service finished), a parked ticket, and
// the appointments screen's care lists with an opened row and a row's one step.
KioskView fullListsView(const char* language) {
  KioskView v = signInView();
  v.status.staffName = "陈前台";
  v.status.language = language;
  CheckoutView& c = v.checkout;
  for (int i = 1; i <= 4; ++i) {
    CheckoutLine l;
    l.id = i;
    l.name = i == 2 ? "深层清洁护理（含肩颈按摩）" : "洗剪吹";
    l.service = i != 4;
    l.staffName = i == 3 ? "" : "林美容师";
    l.finishedAt = i == 1 ? "14:05" : "";
    l.gross = l.net = "88.00";
    c.lines.push_back(l);
  }
  c.mayFinishServices = true;
  c.parked = {{"张三", "1,393.40", 3}};
  c.gross = c.total = c.benefits = "440.00";
  ui::AppointmentsView& a = v.appointments;
  a.tab = ab::AppointmentsTab::Care;
  for (const char* list : {"birthdays", "lapsed", "reminders", "followups", "events"})
    a.careLists.push_back({list, std::string("ui.appointments.care.") + list, std::string(list) == "events"});
  ab::WorkSection s{"12-06 15:00  美甲体验日 · 一楼 · 已邀请 2 · 已到场 1", "", {}};
  for (int i = 0; i < 6; ++i) {
    ab::WorkRow r;
    r.key = "row" + std::to_string(i);
    r.title = "欧阳娜娜  13698761234";
    r.detail = "兴趣：护肤讲座, 美甲";
    r.open = i == 0 || i == 1;
    if (i == 1) {
      r.action = "attend";
      r.actionLabel = "到场";
    }
    s.rows.push_back(r);
  }
  a.sections = {s};
  a.more = true;
  return v;
}

}  // namespace

TEST_CASE("lists full of rows keep every target at 48 px or more and inside the window") {
  for (auto [w, h] : {std::pair{800, 600}, std::pair{1024, 768}, std::pair{768, 1024}, std::pair{1920, 1080}}) {
    for (const char* language : {"zh-Hans", "en"}) {
      Headless ui(w, h, language);
      KioskView v = fullListsView(language);
      for (Screen s : {Screen::Checkout, Screen::Appointments}) {
        v.screen = s;
        ui.frame(v);
        ui.frame(v);
        int seen = 0;
        for (const Tappable& t : ui.record().tappables()) {
          INFO(t.id << " at " << w << "x" << h << " in " << language << ": " << t.x0 << "," << t.y0 << " - " << t.x1
                    << "," << t.y1);
          seen += t.id.rfind("checkout.line.", 0) == 0 || t.id.rfind("appointments.care.", 0) == 0 ||
                  t.id.rfind("appointments.act.", 0) == 0;
          if (!t.cut) {  // a row cut by its list's edge shows the rest when scrolled
            CHECK(t.y1 - t.y0 >= 47.5f);
            CHECK(t.x1 - t.x0 >= 47.5f);
          }
          CHECK(t.x1 <= w + 0.5f);
          CHECK(t.y1 <= h + 0.5f);
        }
        CHECK(seen > 3);  // the lines' own buttons and the chips were drawn, not an empty list
      }
    }
  }
}
