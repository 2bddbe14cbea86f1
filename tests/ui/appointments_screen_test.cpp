// The appointments screen drawn headless: the day book's blocks, a tap chooses one,
// a drag produces the move intent (staff and snapped time), a drag on empty space
// scrolls, and the tabs.
#include <catch2/catch.hpp>

#include <time.h>

#include <algorithm>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView dayView(int staff = 3) {
  KioskView v;
  v.screen = Screen::Appointments;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.language = "zh-Hans";
  v.status.staffName = "陈前台";
  AppointmentsView& a = v.appointments;
  a.title = "预约";
  a.day.dateLabel = "2026-06-01 周一";
  a.day.today = true;
  a.day.nowMinute = 9 * 60;
  for (int i = 0; i < staff; ++i) a.day.columns.push_back({"s" + std::to_string(i), "美容师" + std::to_string(i), false});
  a.day.blocks.push_back({"a1", 0, 10 * 60, 11 * 60, "张三丰", "深层补水护理", "booked", "已预约", false, "face"});
  a.day.blocks.push_back({"a2", 1, 9 * 60 + 30, 10 * 60 + 15, "李四 (豆豆)", "宠物洗澡", "checked_in", "已到店", false, ""});
  return v;
}

// Press on `id`, rest there `holdFrames` (1/60 s each), move by (dx, dy) in steps as a
// finger does, release.
Intents drag(Headless& h, const KioskView& v, const std::string& id, float dx, float dy, int holdFrames = 30,
             int steps = 12) {
  const Tappable* t = h.record().find(id);
  REQUIRE(t);
  ImGuiIO& io = ImGui::GetIO();
  ImVec2 start(t->centreX(), t->centreY());
  io.MousePos = start;
  io.MouseDown[0] = true;
  Intents out = h.frame(v);
  for (int i = 0; i < holdFrames; ++i) {
    Intents got = h.frame(v);
    out.insert(out.end(), got.begin(), got.end());
  }
  for (int i = 1; i <= steps; ++i) {
    io.MousePos = ImVec2(start.x + dx * static_cast<float>(i) / static_cast<float>(steps),
                         start.y + dy * static_cast<float>(i) / static_cast<float>(steps));
    Intents got = h.frame(v);
    out.insert(out.end(), got.begin(), got.end());
  }
  io.MouseDown[0] = false;
  Intents got = h.frame(v);
  out.insert(out.end(), got.begin(), got.end());
  got = h.frame(v);
  out.insert(out.end(), got.begin(), got.end());
  return out;
}

template <class T>
const T* find(const Intents& in) {
  for (const Intent& i : in)
    if (auto* a = std::get_if<AppointmentsIntent>(&i))
      if (auto* t = std::get_if<T>(a)) return t;
  return nullptr;
}

}  // namespace

TEST_CASE("the day book shows each staff member's appointments, a tap chooses one") {
  Headless h;
  KioskView v = dayView();
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("张三丰"));
  CHECK(h.record().drew("李四 (豆豆)"));
  CHECK(h.record().drew("美容师1"));
  CHECK(h.record().drew("2026-06-01 周一"));
  REQUIRE(h.record().find("appointments.block.a1"));
  REQUIRE(h.record().find("appointments.tab.book"));
  Intents tapped = h.tap(v, "appointments.block.a1");
  const auto* chosen = find<ab::ChooseBlock>(tapped);
  REQUIRE(chosen);
  CHECK(chosen->id == "a1");
  CHECK_FALSE(find<ab::MoveBlock>(tapped));

  Intents tab = h.tap(v, "appointments.tab.calls");
  REQUIRE(find<ab::ShowTab>(tab));
  CHECK(find<ab::ShowTab>(tab)->tab == ab::AppointmentsTab::Calls);
}

TEST_CASE("dragging a block to another column and time produces the move intent, snapped to 15 minutes") {
  Headless h;
  KioskView v = dayView();
  h.frame(v);
  h.frame(v);
  const float colW = 180 * h.metrics().scale, perMinute = 1.6f * h.metrics().scale;
  // One column right, 90 minutes later (plus a little: snapping).
  Intents out = drag(h, v, "appointments.block.a1", colW, 90 * perMinute + 5);
  const auto* move = find<ab::MoveBlock>(out);
  REQUIRE(move);
  CHECK(move->id == "a1");
  CHECK(move->staff == "s1");
  CHECK(move->startMinute == 11 * 60 + 30);
  CHECK_FALSE(find<ab::ChooseBlock>(out));  // a drag is not a tap

  // Moved at once (not held first): the finger scrolls the book instead.
  h.frame(v);
  Intents swiped = drag(h, v, "appointments.block.a1", colW, 90 * perMinute, 0);
  CHECK_FALSE(find<ab::MoveBlock>(swiped));
  CHECK_FALSE(find<ab::ChooseBlock>(swiped));

  // A block already checked in does not move.
  h.frame(v);
  Intents arrived = drag(h, v, "appointments.block.a2", colW, 60 * perMinute);
  CHECK_FALSE(find<ab::MoveBlock>(arrived));
}

TEST_CASE("30 staff: a swipe scrolls the book sideways, and drawing it stays quick") {
  Headless h;
  KioskView v = dayView(30);
  // 400 appointments over 30 columns, 13–14 each from 09:00, 45 minutes apiece.
  v.appointments.day.blocks.clear();
  for (int n = 0; n < 400; ++n)
    v.appointments.day.blocks.push_back({"b" + std::to_string(n), n % 30, 9 * 60 + (n / 30) * 45, 9 * 60 + (n / 30) * 45 + 45,
                                         "顾客" + std::to_string(n), "面部护理", "booked", "已预约", false, "face"});
  h.frame(v);
  h.frame(v);
  CHECK(h.record().find("appointments.staff.s0"));
  CHECK_FALSE(h.record().find("appointments.staff.s29"));  // off to the right
  // A finger swiped sideways over the full book (not resting on an appointment first)
  // scrolls it: no move.
  Intents swiped = drag(h, v, "appointments.block.b0", -6000, 0, 0, 20);
  CHECK_FALSE(find<ab::MoveBlock>(swiped));
  h.frame(v);
  CHECK(h.record().find("appointments.staff.s29"));  // scrolled to the end
  CHECK_FALSE(h.record().find("appointments.staff.s0"));

  // NewFrame → Render CPU time (this thread's) for the 30 × 400 day book.
  auto cpuMs = [] {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
  };
  std::vector<double> ms;
  for (int i = 0; i < 200; ++i) {
    double t0 = cpuMs();
    h.frame(v);
    ms.push_back(cpuMs() - t0);
  }
  std::sort(ms.begin(), ms.end());
  WARN("day book frame CPU (30 staff, 400 appointments): median " << ms[100] << " ms, p99 " << ms[198] << " ms");
  CHECK(ms[100] < 50);  // generous: sanitizer builds and a shared machine
}
