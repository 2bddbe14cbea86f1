// Head office's promotions, member tiers, staff and settings applied on the
// kiosk (storage/sync_owned.cpp): in force after the page, refused for local
// edits while enrolled, a malformed change skipped and named in the audit.
#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/settings_store.h"
#include "storage/staff_admin_store.h"
#include "storage/staff_store.h"
#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }
std::string text(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getString(); }
AuditEntry by(Instant at, const std::string& action) { return auditOf(at, "admin", action, "sync", "S02"); }

std::string refusedCode(const std::function<void()>& edit) {
  try {
    edit();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "";
}

struct EnrolledStore {
  test::TempDir dir;
  std::unique_ptr<Database> db = Database::open(dir.file("o.db"));
  SqliteSyncStore sync{*db};
  EnrolledStore() {
    SqliteStaffStore(*db).addStaff({"beau", "小林", Role::Beautician, "", true}, "x", 100,
                                   auditOf(100, "admin", "staff.add", "staff", "beau"));
    sync.enrol({"https://127.0.0.1:8443", "S02", "secret-token-secret-token-secret-token-abc", "ab12"}, by(150, "sync.enrol"));
  }
};

const MemberTier* tier(const std::vector<MemberTier>& tiers, const std::string& code) { return findTier(tiers, code); }

}  // namespace

TEST_CASE("head office's tiers, promotions, staff and settings are in force after their page") {
  EnrolledStore st;
  Database& db = *st.db;
  st.sync.applyChanges({"c-1", false,
                        {{"tier", "silver", R"({"name":"银卡","rank":1,"min_spend_fen":100000,"discounts":{"hair":500}})"},
                         {"tier", "gold", R"({"name":"金卡","rank":2,"min_spend_fen":500000,"points_per_yuan":2,"discounts":{"hair":1200}})"},
                         {"promotion", "XMAS", R"({"name":"圣诞护理","category":"facial","percent_off_bp":2000,"from":"2026-12-20","until":"2026-12-26"})"},
                         {"promotion", "BAD", R"({"name":"坏","percent_off_bp":2000,"from":"2026-12-20","until":"2026-12-26"})"},
                         {"promotion", "NAIL", R"({"name":"会员美甲","item":"S-NAIL","kind":"member_price","price_fen":7800,"from":"2026-12-20","until":"2026-12-26"})"},
                         {"promotion", "BUY0", R"({"name":"买送","item":"P-MASK","kind":"buy_get_free","buy":2,"from":"2026-12-20","until":"2026-12-26"})"},
                         {"staff", "hq-lin", R"({"code":"hq-lin","name":"林店长","role":"manager","stores":["S01","S02"],"active":true})"},
                         {"staff", "beau", R"({"code":"beau","name":"别店小林","role":"cashier","stores":["S03"],"active":true})"},
                         {"setting", "checkout.tax_rate_bp", R"({"key":"checkout.tax_rate_bp","value":"600"})"},
                         {"setting", "printer.device", R"({"key":"printer.device","value":"/dev/null"})"}}},
                       by(1000, "sync.receive"));

  auto tiers = loadTiers(db.sql());
  REQUIRE(tier(tiers, "gold"));
  CHECK(tier(tiers, "gold")->name == "金卡");
  CHECK(tier(tiers, "gold")->pointsPerYuan == 2);
  CHECK(tier(tiers, "gold")->discountFor("hair") == 1200);
  CHECK(tier(tiers, "silver")->minSpend12m == Money(100000));

  StoreZone zone = readZone(db.sql());
  CivilDate first{2026, 12, 20}, after{2026, 12, 27};
  CHECK(count(db, "SELECT count(*) FROM promotions WHERE id = 'hq:XMAS' AND category = 'facial' AND percent_off_bp = 2000"
                  " AND from_at = " + std::to_string(startOfLocalDay(first, zone)) +
                  " AND until_at = " + std::to_string(startOfLocalDay(after, zone))) == 1);
  CHECK(count(db, "SELECT count(*) FROM promotions WHERE id = 'hq:BAD'") == 0);  // neither item nor category
  CHECK(count(db, "SELECT count(*) FROM promotions WHERE id = 'hq:NAIL' AND kind = 'member_price' AND price_fen = 7800") == 1);
  CHECK(count(db, "SELECT count(*) FROM promotions WHERE id = 'hq:BUY0'") == 0);  // buy 2 get none

  CHECK(text(db, "SELECT role || '/' || active || '/' || pin_hash FROM staff WHERE code = 'hq-lin'") == "manager/1/");
  CHECK(text(db, "SELECT name || '/' || role || '/' || active FROM staff WHERE code = 'beau'") == "小林/beautician/1");
  CHECK(readSetting(db.sql(), "checkout.tax_rate_bp") == std::optional<std::string>("600"));
  CHECK_FALSE(readSetting(db.sql(), "printer.device"));
  CHECK(count(db, "SELECT count(*) FROM hq_owned WHERE key IN ('BAD', 'printer.device')") == 0);
  std::string reason = text(db, "SELECT reason FROM audit_log WHERE action = 'sync.receive'");
  CHECK_THAT(reason, Catch::Contains("skipped promotion BAD") && Catch::Contains("skipped setting printer.device") &&
                         Catch::Contains("skipped promotion BUY0"));
  CHECK(st.sync.enrolment()->cursor == "c-1");

  SECTION("what head office owns is refused locally; the store's own is not") {
    SqliteStoreSettings settings(db);
    CHECK(refusedCode([&] { settings.change("checkout.tax_rate_bp", "0", by(1100, "settings.change")); }) ==
          "managed_by_head_office");
    CHECK(refusedCode([&] { setStaffActive(db, "hq-lin", false, by(1100, "staff.deactivate")); }) == "managed_by_head_office");
    CHECK(refusedCode([&] { settings.change("receipt.footer", "谢谢", by(1100, "settings.change")); }).empty());
    CHECK(refusedCode([&] { setStaffActive(db, "beau", false, by(1100, "staff.deactivate")); }).empty());
  }

  SECTION("a later page swaps tiers' ranks, moves staff away, ends a promotion and removes a setting") {
    st.sync.applyChanges({"c-2", false,
                          {{"tier", "silver", R"({"name":"银卡","rank":2})"},
                           {"tier", "gold", R"({"name":"金卡","rank":1})"},
                           {"tier", "basic", std::nullopt},
                           {"promotion", "XMAS", std::nullopt},
                           {"staff", "hq-lin", R"({"code":"hq-lin","name":"林店长","role":"manager","stores":["S01"]})"},
                           {"setting", "checkout.tax_rate_bp", std::nullopt}}},
                         by(2000, "sync.receive"));
    tiers = loadTiers(db.sql());
    CHECK(tier(tiers, "silver")->rank == 2);
    CHECK(tier(tiers, "gold")->rank == 1);
    CHECK(tier(tiers, "gold")->discountFor("hair") == 0);  // a tier's discounts are replaced whole
    CHECK(count(db, "SELECT until_at FROM promotions WHERE id = 'hq:XMAS'") == count(db, "SELECT from_at + 1 FROM promotions WHERE id = 'hq:XMAS'"));
    CHECK(count(db, "SELECT active FROM staff WHERE code = 'hq-lin'") == 0);
    CHECK_FALSE(readSetting(db.sql(), "checkout.tax_rate_bp"));
    CHECK(SqliteStaffStore(db).findStaff("beau")->staff.active);
  }
}
