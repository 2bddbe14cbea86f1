// Issue 19: online bookings waiting for the store's answer on the Today screen,
// with the minutes left, refreshed while Today is shown; the cashier's confirm
// books the appointment and goes up, a decline goes up with its reason.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "app/kiosk/kiosk_controller.h"
#include "storage/sync_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

const char* kA = "11111111-1111-4111-8111-111111111111";
const char* kB = "22222222-2222-4222-8222-222222222222";

struct Fixture : test::KioskFixture {
  storage::SqliteSyncStore sync{*db};
  Instant tomorrow10 = startOfLocalDay(localDate(clock.now(), StoreZone{}), StoreZone{}) + 34 * kHour;

  Fixture() {
    seedCatalog();
    sync.enrol({"https://127.0.0.1:8443", "S01", "secret-token-secret-token-secret-token-abc", "ab12"},
               auditOf(clock.now(), "admin", "sync.enrol", "sync", "S01"));
    start(30);
  }
  void hold(const std::string& id, Instant start, const std::string& phone) {
    nlohmann::json body = {{"appointment", id}, {"service", "S-CUT"}, {"service_name", "洗剪吹"}, {"minutes", 60},
                           {"staff", "beau"}, {"any_staff", false}, {"start", start}, {"end", start + kHour},
                           {"status", "pending"}, {"reason", ""}, {"made_at", clock.now()},
                           {"customer", {{"phone", phone}, {"name", "周女士"}, {"new", true},
                                         {"privacy_consent_at", clock.now()}, {"marketing", false}}}};
    sync.applyChanges({"c", false, {{"booking.hold", id, body.dump()}}},
                      auditOf(clock.now(), "", "sync.receive", "sync", "S01"));
  }
  const ui::HomeView& home() const { return kiosk->view().home; }
};

}  // namespace

TEST_CASE("Today lists online bookings to answer with the minutes left, confirm books, decline answers") {
  Fixture f;
  f.hold(kA, f.tomorrow10, "13500135001");
  f.signIn("cash", "3456");
  REQUIRE(f.home().holds.size() == 1);
  const ui::HomeHold& h = f.home().holds[0];
  CHECK(h.id == kA);
  CHECK(h.name.find("周女士") == 0);
  CHECK(h.name.find("135****5001") != std::string::npos);  // the phone masked
  CHECK(h.detail == "洗剪吹 · 林美容师");
  CHECK(h.left == "30 分钟内答复");
  CHECK_FALSE(h.urgent);
  // A booking made on a phone while Today is shown appears within a few seconds.
  f.clock.advance(26 * kMinute);
  f.hold(kB, f.tomorrow10 + 2 * kHour, "13500135002");
  CHECK(f.kiosk->tick());
  REQUIRE(f.home().holds.size() == 2);
  CHECK(f.home().holds[0].left == "4 分钟内答复");
  CHECK(f.home().holds[0].urgent);
  f.kiosk->apply(ui::DecideOnlineHold{kA, true});
  CHECK(f.home().holdMessage == "已确认，预约已记入预约簿");
  REQUIRE(f.home().holds.size() == 1);
  CHECK(f.count("SELECT count(*) FROM appointments WHERE id = '" + std::string(kA) + "' AND channel = 'web'") == 1);
  f.kiosk->apply(ui::DecideOnlineHold{kB, false});
  CHECK(f.home().holdMessage == "已婉拒，顾客会收到短信");
  CHECK(f.home().holds.empty());
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'booking.decided'") == 2);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'booking.decided' AND payload LIKE '%store_declined%'") == 1);
  // A second answer to the same booking is refused, said on Today.
  f.kiosk->apply(ui::DecideOnlineHold{kB, true});
  CHECK(f.home().holdMessage == "该申请已处理，不能再次处理");
  CHECK(f.home().holdMessageIsError);
}

TEST_CASE("a role that may not book sees no online bookings to answer") {
  Fixture f;
  f.hold(kA, f.tomorrow10, "13500135001");
  f.signIn("fin", "5678");
  CHECK(f.home().holds.empty());
  f.kiosk->apply(ui::DecideOnlineHold{kA, true});
  CHECK(f.count("SELECT count(*) FROM appointments") == 0);
}
