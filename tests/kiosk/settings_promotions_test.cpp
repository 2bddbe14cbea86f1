// Settings → 目录 → 设促销: the four kinds of promotion a manager sets up on the
// counter (percent off, a sale price, a member price, buy N get M), each asking
// its own figure and then the days, against a real SQLite file.
#include <catch2/catch.hpp>

#include "app/kiosk/kiosk_controller.h"
#include "storage/catalog_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;

namespace {

struct Fixture : test::KioskFixture {
  Fixture() {
    seedCatalog();
    start(5);
    signIn("mgr", "1234");
    kiosk->apply(ui::Navigate{ui::Screen::Settings, 0});
  }
  void s(ui::SettingsIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  void keys(const std::string& k) { s(ui::SettingsKeys{k}); }
  // Chooses the item, opens 设促销 and taps the kind.
  void startPromotion(const std::string& item, const std::string& kind) {
    s(ui::SettingsChoose{"item", item});
    s(ui::SettingsAct{"promo.open"});
    REQUIRE(view().promoOpen);
    s(ui::SettingsChoose{"promo.kind", kind});
  }
  const ui::SettingsView& view() const { return kiosk->view().settings; }
  Money off(const std::string& item, std::int64_t unitFen, int qty, bool member, Instant at) {
    PriceBook book = storage::loadPriceBook(db->sql());
    return book.promotionAt(*book.item(item), Money(unitFen), qty, member, at).off;
  }
  std::string shown(const std::string& item) const {
    for (const auto& i : view().items)
      if (i.code == item) return i.promotion;
    return "?";
  }
};

}  // namespace

TEST_CASE("settings: a sale price is typed in yuan, must be below the price, and runs for the days typed") {
  Fixture f;
  f.startPromotion("S-CUT", "fixed_price");
  CHECK(f.view().promoKinds.size() == 4);
  CHECK(f.view().editor.field == "promo.price");
  CHECK(f.view().editor.kind == ui::EditKind::Money);
  f.keys("88=");  // the list price itself takes nothing off
  CHECK(f.view().message == "促销价须低于现价");
  CHECK(f.view().editor.field == "promo.price");
  f.keys("68=");
  CHECK(f.view().editor.field == "promo.days");
  f.keys("7=");
  CHECK(f.view().message == "洗剪吹 特价 ¥68.00：促销已设置，收银时自动生效");
  CHECK_FALSE(f.view().promoOpen);
  CHECK(f.shown("S-CUT") == "特价 ¥68.00");
  const Instant now = f.clock.now();
  CHECK(f.off("S-CUT", 8800, 2, false, now) == Money::yuan(40));
  CHECK(f.off("S-CUT", 8800, 1, false, now + 8 * kDay) == Money());  // over after the seventh day
  CHECK(f.count("SELECT count(*) FROM promotions WHERE kind = 'fixed_price' AND price_fen = 6800") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'promotion.add' AND staff = 'mgr'") == 1);
}

TEST_CASE("settings: buy two get one free asks both numbers, a member price only lowers a member's line") {
  Fixture f;
  f.startPromotion("P-SERUM", "buy_get_free");
  CHECK(f.view().editor.field == "promo.buy");
  f.keys("0=");
  CHECK(f.view().message == "件数须为1到20");
  f.keys("2=");
  CHECK(f.view().editor.field == "promo.free");
  f.keys("1=");
  f.keys("30=");
  CHECK(f.shown("P-SERUM") == "买2送1");
  const Instant now = f.clock.now();
  CHECK(f.off("P-SERUM", 29900, 2, false, now) == Money());
  CHECK(f.off("P-SERUM", 29900, 3, false, now) == Money(29900));

  f.startPromotion("S-NAIL", "member_price");
  f.keys("78=");
  f.keys("14=");
  CHECK(f.shown("S-NAIL") == "会员价 ¥78.00");
  CHECK(f.off("S-NAIL", 9800, 1, true, now) == Money::yuan(20));
  CHECK(f.off("S-NAIL", 9800, 1, false, now) == Money());
  CHECK(f.view().promotions.size() == 2);
}

TEST_CASE("settings: 设促销 toggles the kinds, choosing another item closes them, a cashier sets none") {
  Fixture f;
  f.s(ui::SettingsChoose{"item", "S-CUT"});
  f.s(ui::SettingsAct{"promo.open"});
  CHECK(f.view().promoOpen);
  f.s(ui::SettingsAct{"promo.open"});
  CHECK_FALSE(f.view().promoOpen);
  f.s(ui::SettingsAct{"promo.open"});
  f.s(ui::SettingsChoose{"item", "S-NAIL"});
  CHECK_FALSE(f.view().promoOpen);
  f.kiosk->apply(ui::LockKiosk{});
  f.signIn("cash", "3456");
  f.s(ui::SettingsChoose{"item", "S-CUT"});
  f.s(ui::SettingsAct{"promo.open"});
  f.s(ui::SettingsChoose{"promo.kind", "percent_off"});
  f.keys("20=");
  f.keys("7=");
  CHECK(f.count("SELECT count(*) FROM promotions") == 0);
}
