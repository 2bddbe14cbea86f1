#pragma once
// The kiosk's controller on a real SQLite file with the demo salon's staff and
// showcase customers: what every desk test starts from. Tests seed more demo
// data through it (storage/demo), not through the CLI.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "app/kiosk/kiosk_controller.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/demo/demo_checkout.h"
#include "storage/demo/demo_customers.h"
#include "storage/demo/demo_salon.h"
#include "storage/demo/demo_showcase.h"
#include "storage/sqlite_backroom.h"
#include "support/temp_dir.h"

namespace salon::test {

struct KioskFixture {
  TempDir dir;
  ManualClock clock{1'780'000'000'000};
  std::unique_ptr<storage::Database> db = storage::Database::open(dir.file("k.db"));
  NameKeyMaker keys;
  storage::SqliteCustomerDirectory directory{*db, keys};
  storage::SqliteCheckInQueue queue{*db};
  storage::SqliteBackroom backroom{*db, &keys};  // the controller's, as the window wires it
  std::unique_ptr<kiosk::KioskController> kiosk;

  KioskFixture() {
    demo::seedDemoSalon(*db, clock, PinCost::minimum());
    demo::seedShowcaseCustomers(*db, clock);
  }
  // The demo catalog, member tiers and money settings; no past sales.
  void seedCatalog() { demo::seedDemoCheckout(*db, clock, 0, 1); }
  // `sales` past sales (and the catalog, if not there yet) for the customers on file.
  void seedPastSales(long sales, unsigned seed) { demo::seedDemoCheckout(*db, clock, sales, seed); }
  // `count` generated customers after the showcase ones.
  void seedCustomers(std::int64_t count, std::uint64_t seed) { demo::seedDemoCustomers(*db, clock, count, seed); }
  // The kiosk starts once the test's own data is in place.
  void start(int autoLockMinutes = 5) {
    kiosk = std::make_unique<kiosk::KioskController>(backroom, clock, "zh-Hans", autoLockMinutes);
  }
  // Taps the staff tile and the PIN; the PIN may be wrong.
  void trySignIn(const std::string& code, const std::string& pin) {
    kiosk->apply(ui::ChooseStaff{code});
    kiosk->apply(ui::PinKeys{pin + "="});
  }
  void signIn(const std::string& code, const std::string& pin) {
    trySignIn(code, pin);
    REQUIRE(kiosk->staff());
  }
  int count(const std::string& sql) { return db->sql().execAndGet(sql).getInt(); }
};

}  // namespace salon::test
