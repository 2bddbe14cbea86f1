#pragma once
// The kiosk's controller on a real SQLite file with the demo salon's staff and
// showcase customers: what every desk test starts from.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "app/cli/demo_salon.h"
#include "app/cli/demo_showcase.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "support/temp_dir.h"

namespace salon::test {

struct KioskFixture {
  TempDir dir;
  ManualClock clock{1'780'000'000'000};
  std::unique_ptr<storage::Database> db = storage::Database::open(dir.file("k.db"));
  NameKeyMaker keys;
  storage::SqliteCustomerDirectory directory{*db, keys};
  storage::SqliteCheckInQueue queue{*db};
  std::unique_ptr<kiosk::KioskController> kiosk;

  KioskFixture() {
    cli::seedDemoSalon(*db, clock, PinCost::minimum());
    cli::seedShowcaseCustomers(*db, clock);
  }
  // The kiosk starts once the test's own data is in place.
  void start(int autoLockMinutes = 5) {
    kiosk = std::make_unique<kiosk::KioskController>(*db, directory, queue, clock, "zh-Hans", autoLockMinutes);
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
