// Prices in Settings (issue 15): typed in yuan on checkout's money keypad,
// parsed as a decimal into fen, shown old → new and saved only when confirmed.
// (Typed in fen before, 198 turned ¥388 into ¥1.98 at once.)
#include <catch2/catch.hpp>

#include "app/kiosk/kiosk_controller.h"
#include "app/kiosk/settings_desk.h"
#include "devices/escpos/codec.h"
#include "devices/escpos/member_card_tickets.h"
#include "devices/escpos/profile.h"
#include "devices/escpos/tickets.h"
#include "storage/catalog_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;

namespace {

// `text` as the printer's bytes (GB18030), to look for it in a job.
std::string printed(const std::string& text) {
  devices::Codec& codec = devices::threadCodec(devices::ChineseEncoding::GB18030);
  std::string out;
  for (char32_t c : devices::decodeUtf8(text)) {
    const std::string* b = codec.encode(c);
    REQUIRE(b);
    out += *b;
  }
  return out;
}

struct Fixture : test::KioskFixture {
  Fixture() {
    seedCatalog();
    start(5);
  }
  void s(ui::SettingsIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::SettingsView& view() const { return kiosk->view().settings; }
  std::int64_t price(const std::string& code) { return storage::loadPriceBook(db->sql()).priceAt(code, clock.now())->fen; }
  void typePrice(const std::string& code, const std::string& keys) {
    s(ui::SettingsChoose{"item", code});
    s(ui::SettingsEdit{"item.price"});
    s(ui::SettingsKeys{keys});
  }
};

}  // namespace

TEST_CASE("counter: 198 typed for a ¥388 item is ¥198.00, shown old → new, and nothing changes until confirmed") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::Navigate{ui::Screen::Settings, 0});
  REQUIRE(f.price("S-COLOR") == 38800);
  f.typePrice("S-COLOR", "198=");
  const ui::SettingsPriceChange& p = f.view().priceChange;
  REQUIRE(p.open);
  CHECK(p.item == "染发");
  CHECK(p.from == "¥388.00");
  CHECK(p.to == "¥198.00");
  CHECK(f.price("S-COLOR") == 38800);
  f.s(ui::SettingsAct{"price.cancel"});
  CHECK_FALSE(f.view().priceChange.open);
  CHECK(f.price("S-COLOR") == 38800);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'catalog.price'") == 0);
  // Jiao and fen after a '.', at most two places; confirmed, it is in force.
  f.typePrice("S-COLOR", "19.856=");
  REQUIRE(f.view().priceChange.open);
  CHECK(f.view().priceChange.to == "¥19.85");
  f.s(ui::SettingsAct{"price.confirm"});
  CHECK(f.price("S-COLOR") == 1985);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'catalog.price' AND record_id = 'S-COLOR'") == 1);
  // A second confirm (a double tap) saves nothing more.
  f.s(ui::SettingsAct{"price.confirm"});
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'catalog.price'") == 1);
}

TEST_CASE("counter: a price typed on a hardware keyboard takes the '.' too - choosing another item drops the proposal") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::Navigate{ui::Screen::Settings, 0});
  f.s(ui::SettingsChoose{"item", "S-CUT"});
  f.s(ui::SettingsEdit{"item.price"});
  f.s(ui::SettingsTyped{"90.5", true, 0});
  REQUIRE(f.view().priceChange.open);
  CHECK(f.view().priceChange.to == "¥90.50");
  f.s(ui::SettingsChoose{"item", "S-PERM"});
  CHECK_FALSE(f.view().priceChange.open);
  f.s(ui::SettingsAct{"price.confirm"});
  CHECK(f.price("S-CUT") == 8800);
}

TEST_CASE("counter: the test page is marked 测试 / TEST at the top and the bottom and carries no member's data") {
  Fixture f;
  const Receipt sample = kiosk::testPageReceipt(f.backroom, f.clock.now(), StoreZone{});
  CHECK(sample.memberNo.empty());
  CHECK(sample.customerName.empty());
  CHECK(sample.customerPhone.empty());
  CHECK_FALSE(sample.pointsBalance);
  CHECK_FALSE(sample.storedValueBalance);
  const std::string bytes = devices::EscposMemberCardTickets().testPage(sample, "file:/dev/null?profile=80mm");
  const std::string mark = printed("测试 TEST"), store = printed(sample.storeName), total = printed("应收");
  const auto first = bytes.find(mark), last = bytes.rfind(mark);
  REQUIRE(first != std::string::npos);
  CHECK(first < bytes.find(store));  // above the store's name
  CHECK(last > bytes.rfind(total));  // and under the total
  CHECK(bytes.find(printed("不是收据")) != std::string::npos);
  // Nothing of a real member: the demo's first member number, the sample's name and phone.
  CHECK(bytes.find("M00000001") == std::string::npos);
  CHECK(bytes.find(printed("李美华")) == std::string::npos);
  CHECK(bytes.find("****") == std::string::npos);  // no masked phone
  // A real receipt carries no mark.
  Receipt real = sampleReceipt(f.clock.now(), 2);
  CHECK(devices::encodeReceipt(real, devices::defaultProfile()).find(mark) == std::string::npos);
}
