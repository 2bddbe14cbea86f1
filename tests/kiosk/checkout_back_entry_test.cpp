// 补录 on the checkout screen (issue 15) against a real SQLite file with the demo
// salon: the ticket marked as a back-entry settles with its real completion time
// and reason, counted late past the 10-minute consumption clock; a time in the
// future or before the day was opened is refused on screen and nothing is written.
#include <catch2/catch.hpp>

#include "app/core/back_entry.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/catalog_store.h"
#include "storage/day_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;

namespace {

// The day opens at 04:26:40 (store time) on 2026-05-29; the tests start three hours later.
struct Fixture : test::KioskFixture {
  Instant opened = 0;
  explicit Fixture(std::int64_t later = 3 * kHour) {
    seedCatalog();
    opened = clock.now();
    storage::openBusinessDay(*db, "cash", Money(), opened, storage::readZone(db->sql()));
    clock.advance(later);
    start(60);
    signIn("cash", "3456");
    kiosk->apply(ui::Navigate{ui::Screen::Checkout, 0});
    REQUIRE(kiosk->view().screen == ui::Screen::Checkout);
  }
  void apply(ui::CheckoutIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::CheckoutView& v() const { return kiosk->view().checkout; }
  void haircut() {
    apply(ui::CheckoutAddItem{"S-CUT"});
    apply(ui::CheckoutChooseStaff{v().lines.back().id, "sup"});
  }
  // Back-entry: a time chip (or a time typed after 今天早些时候) and a reason, then 确定.
  void mark(int chip, const std::string& typed = "", const std::string& reason = "forgot") {
    apply(ui::CheckoutOpenBackEntry{});
    REQUIRE(v().entry == ui::CheckoutEntry::BackEntry);
    apply(ui::CheckoutBackEntryTime{chip});
    if (!typed.empty()) apply(ui::CheckoutBackEntryKeys{typed + "="});
    apply(ui::CheckoutBackEntryReason{reason});
    apply(ui::CheckoutApplyBackEntry{});
  }
  void payAndSettle() {
    apply(ui::CheckoutOpenTender{});
    REQUIRE(v().stage == ui::CheckoutStage::Tender);
    apply(ui::CheckoutQuickCash{v().remaining});
    REQUIRE(v().fullyPaid);
    apply(ui::CheckoutSettle{});
    apply(ui::CheckoutSettle{});  // a double tap
    REQUIRE(v().stage == ui::CheckoutStage::Settled);
  }
  std::int64_t column(const std::string& col) {
    return db->sql().execAndGet("SELECT " + col + " FROM sales").getInt64();
  }
  std::string reason() { return db->sql().execAndGet("SELECT reason FROM sales").getString(); }
  bool late() { return recordedLate(column("completed_at"), column("recorded_at")); }
};

}  // namespace

TEST_CASE("checkout back-entry: 30 minutes ago settles once with its completion time and reason, counted late") {
  Fixture f;
  f.haircut();
  f.mark(1);  // 30 分钟前
  REQUIRE(f.v().entry == ui::CheckoutEntry::None);
  const ui::CheckoutBackEntryView& b = f.v().backEntry;
  CHECK(b.active);
  CHECK(b.at == "06:56");  // 07:26:40 less 30 minutes, to the minute
  CHECK(b.reasonKey == "ui.checkout.back_entry.reason.forgot");
  CHECK(b.late);
  f.payAndSettle();
  CHECK(f.count("SELECT count(*) FROM sales") == 1);
  CHECK(f.count("SELECT count(*) FROM consumption_records") == 1);
  const Instant now = f.clock.now();
  CHECK(f.column("completed_at") == (now - 30 * kMinute) / kMinute * kMinute);
  CHECK(f.column("recorded_at") == now);
  CHECK(f.count("SELECT count(*) FROM consumption_records WHERE completed_at < recorded_at") == 1);
  CHECK(f.reason() == "忘记录入");
  CHECK(f.late());
  // The settled screen says when it was done.
  CHECK(f.v().settledAt == "06:56");
  CHECK(f.v().settledLate);
}

TEST_CASE("checkout back-entry: a time typed within the last 10 minutes is on time, and the reason is kept") {
  Fixture f;
  f.haircut();
  f.mark(4, "0720", "system_down");  // 6 min 40 s ago
  REQUIRE(f.v().backEntry.active);
  CHECK(f.v().backEntry.at == "07:20");
  CHECK_FALSE(f.v().backEntry.late);
  f.payAndSettle();
  CHECK(f.reason() == "系统故障");
  CHECK(f.column("completed_at") < f.column("recorded_at"));
  CHECK_FALSE(f.late());
  CHECK(f.v().settledAt == "07:20");
  CHECK_FALSE(f.v().settledLate);
}

TEST_CASE("checkout back-entry: a time in the future or before the day opened is refused on screen, nothing written") {
  Fixture f(90 * kMinute);  // opened 04:26, now 05:56
  f.haircut();
  f.apply(ui::CheckoutOpenBackEntry{});
  CHECK(f.v().backEntry.earliest == "04:26");
  f.apply(ui::CheckoutBackEntryTime{3});  // 2 小时前: 03:56, before the day opened
  CHECK(f.v().messageIsError);
  CHECK(f.v().message == "补录时间不能早于本营业日开班 04:26");
  CHECK(f.v().backEntry.draftAt.empty());
  f.apply(ui::CheckoutBackEntryTime{4});
  f.apply(ui::CheckoutBackEntryKeys{"0600="});  // in the future
  CHECK(f.v().message == "完成时间不能晚于现在");
  f.apply(ui::CheckoutBackEntryKeys{"C0400="});  // before the day opened
  CHECK(f.v().message == "补录时间不能早于本营业日开班 04:26");
  f.apply(ui::CheckoutBackEntryKeys{"C2561="});  // no time of day
  CHECK(f.v().message == "请按 时时分分 输入今天的时间，如 1405");
  CHECK(f.v().backEntry.draftAt.empty());
  // Nothing chosen: 确定 asks for the time, and the ticket is no back-entry.
  f.apply(ui::CheckoutBackEntryTime{-1});
  f.apply(ui::CheckoutBackEntryReason{"forgot"});
  f.apply(ui::CheckoutApplyBackEntry{});
  CHECK(f.v().message == "请选择服务完成的时间");
  CHECK_FALSE(f.v().backEntry.active);
  CHECK(f.count("SELECT count(*) FROM sales") == 0);
  CHECK(f.count("SELECT count(*) FROM consumption_records") == 0);
}

TEST_CASE("checkout back-entry: a reason is needed, and cancelling makes it a sale of now again") {
  Fixture f;
  f.haircut();
  f.apply(ui::CheckoutOpenBackEntry{});
  f.apply(ui::CheckoutBackEntryTime{0});
  f.apply(ui::CheckoutApplyBackEntry{});
  CHECK(f.v().message == "请选择补录原因");
  CHECK_FALSE(f.v().backEntry.active);
  f.apply(ui::CheckoutBackEntryReason{"customer_left"});
  f.apply(ui::CheckoutApplyBackEntry{});
  REQUIRE(f.v().backEntry.active);
  CHECK(f.v().backEntry.at == "07:11");
  // ✕ on the banner: a sale made now.
  f.apply(ui::CheckoutCancelBackEntry{});
  CHECK_FALSE(f.v().backEntry.active);
  CHECK(f.v().message == "已取消补录");
  f.payAndSettle();
  CHECK(f.count("SELECT count(*) FROM sales") == 1);
  CHECK(f.column("completed_at") == f.clock.now());
  CHECK(f.column("recorded_at") == f.clock.now());
  CHECK(f.reason().empty());
  CHECK(f.v().settledAt.empty());
}

TEST_CASE("checkout back-entry: the request carries it, a parked ticket keeps it, a new sale forgets it") {
  Fixture f;
  f.haircut();
  f.mark(2);  // 1 小时前
  REQUIRE(f.v().backEntry.active);
  f.apply(ui::CheckoutPark{});
  CHECK_FALSE(f.v().backEntry.active);
  f.apply(ui::CheckoutResume{0});
  CHECK(f.v().backEntry.active);
  CHECK(f.v().backEntry.at == "06:26");
  f.apply(ui::CheckoutOpenTender{});
  const SaleRequest r = f.kiosk->checkoutDesk().request();
  REQUIRE(r.completedAt);
  CHECK(*r.completedAt == (f.clock.now() - kHour) / kMinute * kMinute);
  CHECK(r.reason == "忘记录入");
  // The tender screen still shows it; settled, the next customer is a sale of now.
  CHECK(f.v().backEntry.active);
  f.apply(ui::CheckoutQuickCash{f.v().remaining});
  f.apply(ui::CheckoutSettle{});
  REQUIRE(f.v().stage == ui::CheckoutStage::Settled);
  f.apply(ui::CheckoutNewSale{});
  CHECK_FALSE(f.v().backEntry.active);
  CHECK_FALSE(f.kiosk->checkoutDesk().request().completedAt);
}
