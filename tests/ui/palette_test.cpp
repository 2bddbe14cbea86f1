// The colours that tell things apart: a colour per service category (the same on
// every screen, readable under words), catalog tiles and day-book blocks in their
// category's colour, and the photo-less avatar (the first character on the
// customer's own colour).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "app/ui/palette.h"
#include "support/contrast.h"
#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::contrast;
using salon::test::Headless;

namespace {

// The colours of the last frame's vertices inside a tappable's rectangle.
std::set<ImU32> coloursIn(const Tappable& t) {
  std::set<ImU32> out;
  const ImDrawData* d = ImGui::GetDrawData();
  for (int l = 0; l < d->CmdListsCount; ++l)
    for (const ImDrawVert& v : d->CmdLists[l]->VtxBuffer)
      if (v.pos.x >= t.x0 && v.pos.x <= t.x1 && v.pos.y >= t.y0 && v.pos.y <= t.y1) out.insert(v.col);
  return out;
}
bool drewColour(ImU32 c) {
  return coloursIn({"", "", -1e6f, -1e6f, 1e6f, 1e6f}).count(c) > 0;
}
// Drawn as a text of its own (not only inside a longer one).
bool drewAlone(const Headless& h, const std::string& s) {
  const auto& texts = h.record().texts();
  return std::find(texts.begin(), texts.end(), s) != texts.end();
}

}  // namespace

TEST_CASE("palette: a category's colour is stable, the same by name and catalog key, distinct per category") {
  const std::vector<std::string> known = {"hair", "face", "body", "nail", "product", "package", "stored_value"};
  std::set<ImU32> strong, soft;
  const ImU32 ink = IM_COL32(40, 36, 34, 255);
  for (const std::string& c : known) {
    INFO(c);
    const Swatch s = categorySwatch(c);
    CHECK(s.strong == categorySwatch(c).strong);
    CHECK(s.strong == categorySwatch("ui.checkout.cat." + c).strong);
    CHECK(s.soft == categorySwatch("ui.checkout.cat." + c).soft);
    CHECK(contrast(s.strong, IM_COL32_WHITE) >= 4.5);  // white text on the strip or disc
    CHECK(contrast(s.soft, ink) >= 4.5);               // dark text on a block
    strong.insert(s.strong);
    soft.insert(s.soft);
  }
  CHECK(strong.size() == known.size());
  CHECK(soft.size() == known.size());
  // A salon's own category: some palette colour, always the same one.
  CHECK(categorySwatch("pet_spa").strong == categorySwatch("ui.checkout.cat.pet_spa").strong);
  CHECK(categorySwatch("").strong != categorySwatch("hair").strong);
  // A customer's colour follows the file number.
  CHECK(customerSwatch("S01-2026-000001").strong == customerSwatch("S01-2026-000001").strong);
  std::set<ImU32> customers;
  for (int n = 1; n <= 20; ++n) customers.insert(customerSwatch("S01-2026-" + std::to_string(100000 + n)).strong);
  CHECK(customers.size() >= 5);  // spread over the palette, not one colour for all
}

TEST_CASE("palette: catalog tiles of two categories carry their categories' colours") {
  Headless h;
  KioskView v;
  v.screen = Screen::Checkout;
  v.status.language = "zh-Hans";
  v.checkout.categories = {{"ui.checkout.cat.hair", {{"S-CUT", "洗剪吹", "88.00"}}},
                           {"ui.checkout.cat.face", {{"S-FACIAL", "深层补水护理", "128.00"}}}};
  const ImU32 hair = categorySwatch("hair").strong, face = categorySwatch("face").strong;
  REQUIRE(hair != face);
  h.frame(v);
  h.frame(v);
  const Tappable* cut = h.record().find("checkout.item.S-CUT");
  REQUIRE(cut);
  std::set<ImU32> cutColours = coloursIn(*cut);
  CHECK(cutColours.count(hair));
  CHECK_FALSE(cutColours.count(face));
  v.checkout.category = 1;
  h.frame(v);
  h.frame(v);
  const Tappable* facial = h.record().find("checkout.item.S-FACIAL");
  REQUIRE(facial);
  std::set<ImU32> facialColours = coloursIn(*facial);
  CHECK(facialColours.count(face));
  CHECK_FALSE(facialColours.count(hair));
}

TEST_CASE("palette: day-book blocks take their first service's category colour") {
  Headless h;
  KioskView v;
  v.screen = Screen::Appointments;
  v.status.language = "zh-Hans";
  ab::DayBook& d = v.appointments.day;
  d.dateLabel = "2026-06-01 周一";
  d.columns = {{"s1", "林美容师", false}, {"s2", "王发型师", false}};
  d.blocks.push_back({"a1", 0, 10 * 60, 11 * 60, "张三", "深层补水护理", "booked", "已预约", false, "face"});
  d.blocks.push_back({"a2", 1, 10 * 60, 11 * 60, "李四", "洗剪吹、染发", "checked_in", "已到店", false, "hair"});
  h.frame(v);
  h.frame(v);
  const Tappable* a1 = h.record().find("appointments.block.a1");
  const Tappable* a2 = h.record().find("appointments.block.a2");
  REQUIRE(a1);
  REQUIRE(a2);
  const ImU32 face = categorySwatch("face").soft, hair = categorySwatch("hair").soft;
  CHECK(coloursIn(*a1).count(face));
  CHECK_FALSE(coloursIn(*a1).count(hair));
  CHECK(coloursIn(*a2).count(hair));
  CHECK_FALSE(coloursIn(*a2).count(face));
}

TEST_CASE("palette: the avatar shows the name's first character on the customer's colour, on both screens") {
  Headless h;
  KioskView v;
  v.screen = Screen::Checkout;
  v.status.language = "zh-Hans";
  v.checkout.customer = 7;
  v.checkout.bar.name = "陳美玲";
  v.checkout.bar.fileNo = "S01-2026-000007";
  h.frame(v);
  h.frame(v);
  CHECK(drewAlone(h, "陳"));
  CHECK(drewColour(customerSwatch("S01-2026-000007").strong));

  v.screen = Screen::CustomerFile;
  v.customerFile.customer = 7;
  v.customerFile.stage = FileStage::Purpose;
  v.customerFile.name = "陳美玲";
  v.customerFile.fileNo = "S01-2026-000007";
  v.customerFile.purposes = {"checkout"};
  v.customerFile.routine = {true};
  h.frame(v);
  h.frame(v);
  CHECK(drewAlone(h, "陳"));
  CHECK(drewColour(customerSwatch("S01-2026-000007").strong));

  v.customerFile.name = "amy Lin";  // a Latin name: its capital
  h.frame(v);
  CHECK(drewAlone(h, "A"));
}

TEST_CASE("palette: state chips are distinct per state and white text on each reads at 4.5:1") {
  const std::vector<std::string> states = {"ui.queue.waiting", "ui.queue.in_service", "ui.queue.paid",
                                           "ui.appointments.state.booked",
                                           "ui.appointments.state.checked_in", "ui.appointments.state.completed",
                                           "ui.appointments.state.no_show", "ui.appointments.state.cancelled",
                                           "due", "overdue"};
  for (const std::string& s : states) {
    INFO(s);
    const StateChip c = stateChip(s);
    CHECK(c.fill != 0);
    CHECK(c.icon != Icon::None);
    CHECK(contrast(c.fill, IM_COL32_WHITE) >= 4.5);
  }
  // Waiting, paid, booked, overdue and cancelled each look different.
  std::set<ImU32> fills;
  for (const char* s : {"ui.queue.waiting", "ui.queue.in_service", "ui.queue.paid", "ui.appointments.state.booked",
                        "overdue", "ui.appointments.state.cancelled"})
    fills.insert(stateChip(s).fill);
  CHECK(fills.size() == 6);
  CHECK(stateChip("ui.queue.paid").fill == stateChip("ui.appointments.state.completed").fill);
  CHECK(stateChip("something else").fill == 0);
}

TEST_CASE("palette: the home queue shows waiting and paid as chips of their colours") {
  Headless h;
  KioskView v;
  v.screen = Screen::Home;
  v.status.language = "zh-Hans";
  v.status.staffName = "陈前台";
  v.home.queue = {{7, "10:05", "张三", "ui.method.phone", "ui.queue.waiting"},
                  {8, "10:20", "李四", "ui.method.qr", "ui.queue.paid"}};
  h.frame(v);
  h.frame(v);
  const Tappable* waiting = h.record().find("home.queue.7");
  const Tappable* paid = h.record().find("home.queue.8");
  REQUIRE(waiting);
  REQUIRE(paid);
  CHECK(coloursIn(*waiting).count(stateChip("ui.queue.waiting").fill));
  CHECK_FALSE(coloursIn(*waiting).count(stateChip("ui.queue.paid").fill));
  CHECK(coloursIn(*paid).count(stateChip("ui.queue.paid").fill));
  // The chip's words are recorded as they read, without the icon's character.
  CHECK(drewAlone(h, h.catalog().text("ui.queue.paid")));
}
