// The store's looks: warm (the default), light and high contrast. Every text
// colour reads on the surfaces it is drawn on, and a frame drawn in a look
// carries that look's colours.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "app/ui/theme.h"
#include "support/contrast.h"
#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::contrast;
using salon::test::Headless;

namespace {

bool drewColour(ImU32 colour) {
  const ImDrawData* d = ImGui::GetDrawData();
  for (int l = 0; l < d->CmdListsCount; ++l)
    for (const ImDrawVert& v : d->CmdLists[l]->VtxBuffer)
      if (v.col == colour) return true;
  return false;
}

}  // namespace

TEST_CASE("theme: every look's words read on what they are drawn on, the high-contrast one at 7:1") {
  for (const char* name : {"warm", "light", "contrast"}) {
    INFO(name);
    const auto look = lookNamed(name);
    REQUIRE(look);
    const Colours& c = coloursOf(*look);
    const double need = *look == Look::Contrast ? 7.0 : 4.5;
    for (ImVec4 surface : {c.window, c.panel, c.button}) CHECK(contrast(c.text, surface) >= need);
    for (ImVec4 surface : {c.window, c.panel}) {  // messages sit on the screen or a panel
      CHECK(contrast(c.alert, surface) >= 4.5);
      CHECK(contrast(c.ok, surface) >= 4.5);
    }
    CHECK(contrast(c.muted, c.panel) >= 4.5);
    CHECK(contrast(c.muted, c.window) >= 4.5);
    CHECK(contrast(c.accent, c.panel) >= 4.5);
    CHECK(contrast(c.onPrimary, c.primary) >= need);
    CHECK(contrast(c.onPrimary, c.primaryActive) >= 4.5);
    CHECK(contrast(c.onDanger, c.danger) >= 4.5);
    CHECK(contrast(c.onBar, c.bar) >= need);
    CHECK(contrast(c.barWarning, c.bar) >= 4.5);
  }
  CHECK_FALSE(lookNamed("dark"));
  CHECK(coloursOf(Look::Contrast).borderSize >= 2);  // edges round every button
}

TEST_CASE("theme: the home screen drawn in each look carries that look's colours") {
  Headless h;
  KioskView v;
  v.screen = Screen::Home;
  v.status.staffName = "陈前台";
  v.status.storeName = "美丽人生";
  for (Look look : {Look::Warm, Look::Light, Look::Contrast}) {
    h.setLook(look);
    h.frame(v);
    h.frame(v);
    const Colours& c = coloursOf(look);
    INFO(static_cast<int>(look));
    CHECK(drewColour(ImGui::GetColorU32(c.primary)));  // 签到, the step forward
    CHECK(drewColour(ImGui::GetColorU32(c.bar)));      // the status bar
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == c.window.x);
    for (Look other : {Look::Warm, Look::Light, Look::Contrast})
      if (other != look) CHECK_FALSE(drewColour(ImGui::GetColorU32(coloursOf(other).bar)));
  }
  CHECK(ImGui::GetStyle().FrameBorderSize >= 2);
}
