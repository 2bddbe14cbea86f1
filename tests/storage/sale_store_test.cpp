#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "checkout_store_fixture.h"
#include "storage/member_store.h"
#include "storage/sale_json.h"
#include "storage/verify.h"

using namespace salon;
using namespace salon::test;

namespace {
bool verifies(storage::Database& db) {
  auto r = storage::verifyDatabase(db);
  for (const auto& l : r.ledgers) INFO(l.name << ": " << l.problem);
  for (const auto& l : r.ledgers)
    if (!l.ok) FAIL_CHECK(l.name << ": " << l.problem);
  return r.ok();
}
}  // namespace

TEST_CASE("settling stores the whole sale in one go and reads it back for the receipt") {
  CheckoutDb st;
  auto store = st.store();
  auto req = saleOf({ln("S-CUT"), ln("P-SERUM", 2, {})}, {td(TenderType::Wechat, 50000, "WX42"), td(TenderType::Cash, 20000)}, 1);
  auto r = store.settle(req, st.cashier, kOpen + kHour);
  CHECK_FALSE(r.replayed);
  const Sale& s = r.sale;
  // basic tier: hair 5 % off 88.00 → 83.60; serum 2 × 299.00
  CHECK(s.totals.total == Money(8360 + 59800));
  CHECK(s.change == Money(70000 - 68160));
  CHECK(s.lines.size() == 2);
  CHECK(s.lines[0].staff.at(0).code == "beau");
  CHECK(s.pointsEarned == 681);
  CHECK(s.pointsAfter == 681);
  CHECK(s.businessDay == "2026-05-28");
  CHECK(storage::stockOf(st.db->sql(), "P-SERUM") == 3);
  CHECK(st.count("consumption_records") == 1);
  CHECK(st.count("outbox WHERE type = 'sale.settled'") == 1);
  CHECK(st.count("audit_log WHERE action = 'sale.settle'") == 1);
  CHECK(verifies(*st.db));
}

TEST_CASE("the same id settles once, a different body under it is refused") {
  CheckoutDb st;
  auto store = st.store();
  auto req = saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)});
  auto first = store.settle(req, st.cashier, kOpen + kHour);
  auto again = store.settle(req, st.cashier, kOpen + 2 * kHour);
  CHECK(again.replayed);
  CHECK(again.sale.id == first.sale.id);
  CHECK(again.sale.recordedAt == first.sale.recordedAt);
  CHECK(st.count("sales") == 1);
  req.tenders = {td(TenderType::Cash, 8800)};
  CHECK_THROWS_WITH(store.settle(req, st.cashier, kOpen + 2 * kHour), Catch::Contains("id_conflict"));
  CHECK(st.count("sales") == 1);
}

TEST_CASE("a refused sale leaves nothing behind") {
  CheckoutDb st;
  auto store = st.store();
  auto audits = st.count("audit_log");
  auto req = saleOf({ln("S-CUT"), ln("P-SERUM", 6, {})}, {td(TenderType::Card, 8800 + 6 * 29900)});
  CHECK_THROWS_WITH(store.settle(req, st.cashier, kOpen + kHour), Catch::Contains("out_of_stock"));
  auto ghost = saleOf({ln("S-CUT", 1, {"nobody"})}, {td(TenderType::Card, 8800)});
  CHECK_THROWS_WITH(store.settle(ghost, st.cashier, kOpen + kHour), Catch::Contains("unknown_staff"));
  CHECK(st.count("sales") == 0);
  CHECK(st.count("sale_lines") == 0);
  CHECK(st.count("stock_ledger") == 1);
  CHECK(st.count("audit_log") == audits);
  CHECK(storage::stockOf(st.db->sql(), "P-SERUM") == 5);
}

TEST_CASE("top-up, package and their refunds keep every ledger equal to its balance") {
  CheckoutDb st;
  auto store = st.store();
  auto topUp = store.settle(saleOf({ln("V-1000", 1, {"cash"})}, {td(TenderType::Card, 100000)}, 1), st.cashier, kOpen + kHour);
  CHECK(topUp.sale.svPrincipalAfter == Money(100000));
  CHECK(topUp.sale.svBonusAfter == Money(20000));
  CHECK(topUp.sale.pointsEarned == 0);  // points come when the stored value is spent
  auto pkg = store.settle(saleOf({ln("K-FACIAL10", 1, {"beau"})}, {td(TenderType::StoredValue, 98000)}, 1), st.cashier, kOpen + kHour);
  REQUIRE(pkg.sale.packagesAfter.size() == 1);
  std::string pid = pkg.sale.packagesAfter[0].id;
  auto use = store.settle(saleOf({ln("S-FACIAL", 3)}, {td(TenderType::Package, 0, pid)}, 1), st.cashier, kOpen + 2 * kHour);
  CHECK(use.sale.packagesAfter.at(0).sessionsLeft == 7);
  CHECK(verifies(*st.db));
  // Next day: refund the package: paid − 3 used × 128.00 back to stored value.
  storage::closeBusinessDay(*st.db, "cash", {}, kOpen + 3 * kHour);
  storage::openBusinessDay(*st.db, "cash", Money(), kOpen + kDay, st.setup.zone);
  ReversalRequest rr{newUuid(), SaleKind::Refund, {}, "客户搬家", "mgr"};
  auto back = store.reverse(rr, pkg.sale.id, st.cashier, kOpen + kDay + kHour);
  CHECK(back.sale.totals.total == -Money(98000 - 3 * 12800));
  CHECK(back.sale.packagesAfter.at(0).sessionsLeft == 0);
  CHECK(back.sale.svPrincipalAfter + back.sale.svBonusAfter == Money(120000 - 98000 + 98000 - 3 * 12800));
  CHECK_THROWS_WITH(store.reverse({newUuid(), SaleKind::Void, {}, "x", "mgr"}, use.sale.id, st.cashier, kOpen + kDay + kHour),
                    Catch::Contains("void_other_day"));
  CHECK(verifies(*st.db));
  CHECK_THROWS(st.db->sql().exec("UPDATE points_ledger SET delta = 0"));
  CHECK_THROWS(st.db->sql().exec("DELETE FROM package_ledger"));
}

TEST_CASE("verify notices a balance that does not match its ledger") {
  CheckoutDb st;
  auto store = st.store();
  store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8360)}, 1), st.cashier, kOpen + kHour);
  CHECK(storage::verifyDatabase(*st.db).ok());
  st.db->sql().exec("UPDATE staff_day_totals SET performance = performance + 1");
  CHECK_FALSE(storage::verifyDatabase(*st.db).ok());
  st.db->sql().exec("UPDATE staff_day_totals SET performance = performance - 1");
  CHECK(storage::verifyDatabase(*st.db).ok());
  st.db->sql().exec("UPDATE member_balances SET points = points + 1");
  auto r = storage::verifyDatabase(*st.db);
  CHECK_FALSE(r.ok());
}

TEST_CASE("a closed day takes no entries, a late entry posts on today's day with its real time") {
  CheckoutDb st;
  auto store = st.store();
  storage::closeBusinessDay(*st.db, "cash", {{10000, 5}}, kOpen + 16 * kHour);  // 01:00, after midnight
  CHECK(storage::dayOf(st.db->sql(), "2026-05-28")->closedAt == kOpen + 16 * kHour);
  CHECK_THROWS_WITH(store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)}), st.cashier, kOpen + 17 * kHour),
                    Catch::Contains("day_not_open"));
  storage::openBusinessDay(*st.db, "cash", Money(), kOpen + 24 * kHour, st.setup.zone);  // 2026-05-29 09:00
  CHECK_THROWS_WITH(storage::openBusinessDay(*st.db, "cash", Money(), kOpen + 25 * kHour, st.setup.zone),
                    Catch::Contains("day_already_open"));
  auto late = saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)});
  late.completedAt = kOpen + 10 * kHour;  // done yesterday evening, entered this morning
  // A back-entry must say why it is late.
  CHECK_THROWS_WITH(store.settle(late, st.cashier, kOpen + 25 * kHour), Catch::Contains("back_entry_reason_required"));
  late.reason = "收银机故障，按纸质小票补录";
  auto r = store.settle(late, st.cashier, kOpen + 25 * kHour);
  CHECK(r.sale.businessDay == "2026-05-29");
  CHECK(r.sale.completedAt == kOpen + 10 * kHour);
  CHECK(r.sale.recordedAt == kOpen + 25 * kHour);
  storage::closeBusinessDay(*st.db, "cash", {}, kOpen + 26 * kHour);
  CHECK_THROWS_WITH(storage::openBusinessDay(*st.db, "cash", Money(), kOpen + 27 * kHour, st.setup.zone),
                    Catch::Contains("day_closed"));
}

TEST_CASE("Z report by tender, staff and category, cash-up against expected cash") {
  CheckoutDb st;
  auto store = st.store();
  store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 10000)}), st.cashier, kOpen + kHour);
  auto s2 = store.settle(saleOf({ln("S-FACIAL")}, {td(TenderType::Alipay, 12800, "ALI9")}), st.cashier, kOpen + kHour);
  store.reverse({newUuid(), SaleKind::Void, {}, "刷错", "mgr"}, s2.sale.id, st.cashier, kOpen + 2 * kHour);
  auto day = storage::closeBusinessDay(*st.db, "cash", {{10000, 5}, {5000, 1}, {1000, 3}, {500, 1}, {100, 3}}, kOpen + 3 * kHour);
  CHECK(day.expectedCash == Money(50000 + 8800));
  CHECK(day.countedCash == Money(58800));
  auto z = storage::zReport(st.db->sql(), "2026-05-28", st.setup.policy);
  CHECK(z.sales == 2);
  CHECK(z.voids == 1);
  CHECK(z.total == Money(8800));
  CHECK(z.byTender.at("cash") == Money(8800));
  CHECK(z.byTender.at("alipay") == Money());
  CHECK(z.byCategory.at("hair") == Money(8800));
  REQUIRE(z.byStaff.size() == 1);
  CHECK(z.byStaff[0].performance == Money(8800));
  CHECK(z.byStaff[0].service == Money(8800));
  CHECK(z.byStaff[0].commission == Money(264 + 880));
  CHECK(z.chainHeadSeq > 0);
  CHECK(z.chainHeadHash.size() == 64);
}

TEST_CASE("arrears: limit, reminders, suspension, override and settling as its own entry") {
  CheckoutDb st;
  auto store = st.store();
  auto owe = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Arrears, 8360)}, 1), st.cashier, kOpen + kHour);
  CHECK(owe.sale.arrearsAfter == Money(8360));
  for (int i = 0; i < 3; ++i) storage::recordArrearsReminder(*st.db, 1, "cash", "phone", "提醒付款", kOpen + kHour);
  CHECK_THROWS_WITH(store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)}, 1), st.cashier, kOpen + 2 * kHour),
                    Catch::Contains("arrears_suspended"));
  storage::overrideArrears(*st.db, 1, "mgr", "老客户，下周付", kOpen + 2 * kHour);
  CHECK_NOTHROW(store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8360)}, 1), st.cashier, kOpen + 2 * kHour));
  auto paid = store.settleArrears(newUuid(), 1, {td(TenderType::Cash, 8360)}, st.cashier, kOpen + 3 * kHour);
  CHECK(paid.sale.kind == SaleKind::ArrearsSettlement);
  CHECK(paid.sale.arrearsAfter == Money());
  auto acct = storage::loadAccount(st.db->sql(), 1, st.setup.policy, kOpen + 3 * kHour);
  CHECK_FALSE(acct->arrearsSuspended);
  CHECK_FALSE(acct->arrearsOverride);
  CHECK(st.count("audit_log WHERE action = 'arrears.overridden'") == 1);
  CHECK(verifies(*st.db));
}

TEST_CASE("points expire first in, first out") {
  CheckoutDb st;
  auto store = st.store();
  auto s = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8360)}, 1), st.cashier, kOpen + kHour);
  CHECK(s.sale.pointsAfter == 83);
  CHECK(storage::expirePoints(*st.db, kOpen + 30 * kDay) == 0);
  CHECK(storage::expirePoints(*st.db, kOpen + 400 * kDay) == 83);
  CHECK(storage::loadAccount(st.db->sql(), 1, st.setup.policy, kOpen)->points == 0);
  CHECK(verifies(*st.db));
}

TEST_CASE("a member moves up a tier at once and down only when the period ends") {
  CheckoutDb st;
  auto store = st.store();
  // 3,000 yuan in 12 months makes silver: three top-ups of 1,000.
  for (int i = 0; i < 3; ++i)
    store.settle(saleOf({ln("V-1000", 1, {"cash"})}, {td(TenderType::Card, 100000)}, 1), st.cashier, kOpen + kHour);
  auto tierOf = [&] { return st.db->sql().execAndGet("SELECT tier_code FROM memberships WHERE customer_id = 1").getString(); };
  CHECK(tierOf() == "silver");
  auto cut = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::StoredValue, 7744)}, 1), st.cashier, kOpen + 2 * kHour);
  CHECK(cut.sale.tierCode == "silver");  // 12 % off hair at once
  // A year and a half later with no new spend: still silver until the period ends, then basic.
  CHECK(storage::applyTierPeriodEnds(*st.db, st.setup.tiers, kOpen + 300 * kDay) == 0);
  CHECK(tierOf() == "silver");
  CHECK(storage::applyTierPeriodEnds(*st.db, st.setup.tiers, kOpen + 550 * kDay) == 1);
  CHECK(tierOf() == "basic");
}

TEST_CASE("a scanned payment code is never taken for a member lookup") {
  CheckoutDb st;
  CHECK(storage::findCustomerId(st.db->sql(), "13800138000") == 1);
  CHECK(storage::findCustomerId(st.db->sql(), "M00000001") == 1);
  CHECK(storage::findCustomerId(st.db->sql(), "S01-2026-000002") == 2);
  CHECK_THROWS_WITH(storage::findCustomerId(st.db->sql(), "134567890123456789"), Catch::Contains("payment_code_not_customer"));
  CHECK_THROWS_WITH(storage::findCustomerId(st.db->sql(), "13700000000"), Catch::Contains("unknown_customer"));
}

TEST_CASE("a membership application is approved by a supervisor, the member then gets member prices") {
  CheckoutDb st;
  auto store = st.store();
  // 李四 (customer 2) has no member number: no tier discount, no points yet.
  auto before = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8800)}, 2), st.cashier, kOpen + kHour);
  CHECK(before.sale.pointsEarned == 0);
  CHECK_THROWS_WITH(storage::applyForMembership(*st.db, 1, "cash", kOpen + kHour), Catch::Contains("already_member"));
  auto app = storage::applyForMembership(*st.db, 2, "cash", kOpen + kHour);
  CHECK_THROWS_WITH(storage::applyForMembership(*st.db, 2, "cash", kOpen + kHour), Catch::Contains("application_pending"));
  CHECK_THROWS_WITH(storage::decideMembership(*st.db, app.id, true, "cash", "", st.setup.tiers, kOpen + kHour),
                    Catch::Contains("self_approval"));
  auto ok = storage::decideMembership(*st.db, app.id, true, "mgr", "", st.setup.tiers, kOpen + 2 * kHour);
  CHECK(ok.status == "approved");
  CHECK_THROWS_WITH(storage::decideMembership(*st.db, app.id, false, "mgr", "x", st.setup.tiers, kOpen + 2 * kHour),
                    Catch::Contains("application_decided"));
  auto after = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8360)}, 2), st.cashier, kOpen + 3 * kHour);
  CHECK(after.sale.tierCode == "basic");
  CHECK(after.sale.pointsEarned == 83);
  CHECK(st.count("audit_log WHERE action = 'member.approve'") == 1);
}

TEST_CASE("what settling returns is what a read of the stored sale gives: receipts need no second read") {
  CheckoutDb st;
  auto store = st.store();
  std::vector<Sale> returned;
  auto keep = [&](const storage::SettleResult& r) { returned.push_back(r.sale); return r.sale; };
  keep(store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Arrears, 8360)}, 1), st.cashier, kOpen + kHour / 2));
  keep(store.settleArrears(newUuid(), 1, {td(TenderType::Cash, 8360)}, st.cashier, kOpen + kHour / 2));
  keep(store.settle(saleOf({ln("S-CUT"), ln("P-SERUM", 2, {})}, {td(TenderType::Wechat, 50000, "WX42"), td(TenderType::Cash, 20000)}, 1),
                    st.cashier, kOpen + kHour));
  keep(store.settle(saleOf({ln("V-1000", 1, {"cash"})}, {td(TenderType::Card, 100000)}, 1), st.cashier, kOpen + kHour));
  Sale pkg = keep(store.settle(saleOf({ln("K-FACIAL10", 1, {"beau"})}, {td(TenderType::StoredValue, 98000)}, 1), st.cashier,
                               kOpen + kHour));
  keep(store.settle(saleOf({ln("S-FACIAL", 3)}, {td(TenderType::Package, 0, pkg.packagesAfter.at(0).id)}, 1), st.cashier,
                    kOpen + 2 * kHour));
  keep(store.reverse({newUuid(), SaleKind::Void, {}, "录错了", "mgr"}, returned.at(2).id, st.cashier, kOpen + 3 * kHour));
  keep(store.settle(saleOf({ln("S-CUT", 1, {"beau", "cash"})}, {td(TenderType::Cash, 10000)}), st.cashier, kOpen + 4 * kHour));
  for (const Sale& s : returned) {
    auto stored = storage::loadSale(st.db->sql(), s.id);
    REQUIRE(stored);
    CHECK(storage::saleJson(s, st.setup.zone).dump() == storage::saleJson(*stored, st.setup.zone).dump());
    CHECK(stored->totals.lines.size() == s.totals.lines.size());
  }
}
