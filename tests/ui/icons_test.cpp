// Icons from Debian's Material Icons font, merged into the text font: on the home
// tiles, the ways to pay, the catalog tiles and the state chips. Scripts and the
// frame record see the words alone.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/ui/icons.h"
#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

TEST_CASE("icons: each icon is its private-use code point in UTF-8, and the lookups name the right ones") {
  CHECK(iconText(Icon::Cart) == "\xEE\xA3\x8C");  // U+E8CC
  CHECK(iconText(Icon::QrCode) == "\xEE\xBD\xAB");  // U+EF6B
  CHECK(iconText(Icon::None).empty());
  CHECK(categoryIcon("hair") == Icon::Cut);
  CHECK(categoryIcon("ui.checkout.cat.nail") == Icon::Brush);
  CHECK(categoryIcon("ui.checkout.cat.pet_spa") == Icon::None);  // a salon's own category: words only
  CHECK(tenderIcon("cash") == Icon::Cash);
  CHECK(tenderIcon("ui.checkout.tender.wechat") == Icon::QrCode);
  CHECK(tenderIcon("ui.checkout.tender.stored_value") == Icon::Wallet);
  int n = 0;
  for (const ImWchar* r = iconRanges(); *r; r += 2) {
    CHECK(r[0] == r[1]);  // one glyph a range: only the icons drawn are rasterised
    CHECK(r[0] >= 0xE000);
    ++n;
  }
  CHECK(n >= 25);
}

TEST_CASE("icons: the icon font named in fonts.txt is installed and merged into the text font") {
  const std::string path = iconFontPath(assets::text("fonts.txt").value_or(""));
  REQUIRE_FALSE(path.empty());
  INFO(path << " comes with packaging/install-deps.sh (fonts-material-design-icons-iconfont)");
  REQUIRE(std::filesystem::exists(path));
  // The text fonts never include the icon font (it has no CJK).
  for (const std::string& p : fontCandidates(assets::text("fonts.txt").value_or(""))) CHECK(p != path);
  Headless h;
  KioskView v;
  v.screen = Screen::Home;
  h.frame(v);
  REQUIRE(h.fonts().hasIcons());
  for (const ImWchar* r = iconRanges(); *r; r += 2) {
    INFO("U+" << std::hex << r[0]);
    const ImFontGlyph* g = h.fonts().text()->FindGlyphNoFallback(r[0]);
    REQUIRE(g);
    CHECK(g->X1 > g->X0);  // it has ink
    CHECK(g->AdvanceX >= h.metrics().textSize * 0.99f);
    // The big font (结账, totals) has them too, at its own size.
    const ImFontGlyph* big = h.fonts().big()->FindGlyphNoFallback(r[0]);
    REQUIRE(big);
    CHECK(big->AdvanceX >= h.metrics().bigSize * 0.99f);
  }
}

TEST_CASE("icons: a way to pay shows its icon, and is still found and tapped by its words") {
  Headless h;
  KioskView v;
  v.screen = Screen::Checkout;
  v.status.language = "zh-Hans";
  v.checkout.stage = CheckoutStage::Tender;
  v.checkout.saleId = "5f0c1a9e-0000-4000-8000-000000000001";
  v.checkout.remaining = "88.00";
  v.checkout.tenderOptions = {{"cash", ""}, {"wechat", ""}};
  h.frame(v);
  h.frame(v);
  const Tappable* cash = h.record().find("checkout.tender.cash");
  REQUIRE(cash);
  CHECK(cash->label == h.catalog().text("ui.checkout.tender.cash"));
  CHECK(h.record().find(h.catalog().text("ui.checkout.tender.cash")) == cash);
  // The button is wider than its words would need alone: the icon is drawn too.
  const float words = ImGui::CalcTextSize(cash->label.c_str()).x;
  const float withIcon = ImGui::CalcTextSize((iconText(Icon::Cash) + "  " + cash->label).c_str()).x;
  CHECK(withIcon >= words + h.metrics().textSize);
  bool added = false;
  for (const Intent& i : h.tap(v, "checkout.tender.cash"))
    if (const auto* c = std::get_if<CheckoutIntent>(&i); c && std::holds_alternative<CheckoutAddTender>(*c))
      added = std::get<CheckoutAddTender>(*c).type == "cash";
  CHECK(added);
}
