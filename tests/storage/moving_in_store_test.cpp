// Core's MovingIn port (what Settings → 数据导入 runs on a background lane): the
// files offered, the preview, the import with progress, never twice.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "app/core/error.h"
#include "app/core/pin.h"
#include "storage/demo/demo_checkout.h"
#include "storage/demo/demo_salon.h"
#include "storage/sqlite_backroom.h"
#include "storage/staff_store.h"
#include "support/temp_dir.h"

using namespace salon;
using salon::test::TempDir;

namespace {

const std::string kData = std::string(SALON_SOURCE_DIR) + "/tests/data/import/";

struct Salon {
  TempDir dir;
  ManualClock clock{1'780'000'000'000};
  std::unique_ptr<storage::Database> db = storage::Database::open(dir.file("s.db"));
  storage::SqliteBackroom backroom{*db};
  Staff mgr;
  Salon() {
    demo::seedDemoSalon(*db, clock, PinCost::minimum());
    demo::seedDemoCheckout(*db, clock, 0, 1);
    mgr = storage::SqliteStaffStore(*db).findStaff("mgr")->staff;
  }
  int count(const std::string& sql) { return db->sql().execAndGet(sql).getInt(); }
};

}  // namespace

TEST_CASE("moving in from the screen: the CSV files of a folder, the preview, the import with progress") {
  Salon s;
  std::ofstream(s.dir.file("notes.txt")) << "x";
  std::ofstream(s.dir.file("B.CSV")) << "x";
  std::ofstream(s.dir.file("a.csv")) << "x";
  auto files = s.backroom.movingIn().importableFiles({s.dir.path().string(), "/no/such/stick"});
  CHECK(files == std::vector<std::string>{s.dir.file("B.CSV"), s.dir.file("a.csv")});

  MovingIn& in = s.backroom.movingIn();
  std::string legacy = kData + "legacy_members_gb18030.csv";
  std::vector<std::string> phases;
  ImportPreview p = in.preview(s.mgr, s.clock, ImportKind::Members, legacy,
                               [&](const std::string& phase, std::uint64_t, std::uint64_t) { phases.push_back(phase); });
  CHECK(p.good == 4);
  CHECK(p.badRows == 6);
  CHECK(p.totals.storedValue.fen == 384100);
  CHECK(p.unknownTiers == std::vector<std::string>{"银卡会员", "金卡会员"});
  CHECK_FALSE(p.importable());
  CHECK(std::find(phases.begin(), phases.end(), "check") != phases.end());
  CHECK(s.count("SELECT COUNT(*) FROM member_imports") == 0);

  CHECK_THROWS_WITH(in.run(s.mgr, s.clock, ImportKind::Members, legacy, true, false, {}),
                    Catch::Contains("import_tiers_unknown"));
  ImportOutcome done = in.run(s.mgr, s.clock, ImportKind::Members, legacy, true, true, {});
  CHECK(done.imported == 4);
  CHECK(s.count("SELECT COUNT(*) FROM member_imports WHERE kind = 'members'") == 1);
  CHECK_FALSE(in.preview(s.mgr, s.clock, ImportKind::Members, legacy, {}).earlierImport.empty());

  ImportPreview a = in.preview(s.mgr, s.clock, ImportKind::Appointments, kData + "appointments_en.csv", {});
  CHECK(a.appointments == 3);
  CHECK(a.importable());
  CHECK(in.run(s.mgr, s.clock, ImportKind::Appointments, kData + "appointments_en.csv", false, false, {}).imported == 3);
  CHECK(s.count("SELECT COUNT(*) FROM appointments") == 3);

  Staff cash = storage::SqliteStaffStore(*s.db).findStaff("cash")->staff;
  CHECK_THROWS_WITH(in.preview(cash, s.clock, ImportKind::Members, legacy, {}), Catch::Contains("permission_denied"));
}
