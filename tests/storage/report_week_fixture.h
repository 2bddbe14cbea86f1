#pragma once
// A small hand-computed week for the reports (every figure in
// report_book_test.cpp is worked out from this list by hand):
//   05-28 (previous period)  A0 李四 洗剪吹 by beau, cash 88.00
//   05-29  S1 张三 储值1000送200 (cash credited), card 1,000.00 → 1,000 + 200 bonus
//          S2 张三 补水护理 (beau) + 洗剪吹 (beau/cash 50:50, basic tier 5 % off → 83.60),
//             stored value 211.60 (principal 176.33, bonus 35.27 pro rata)
//          张三 books her next visit at 11:30 for 05-31
//          S3 李四 补水10次卡 (beau) 980.00: WeChat 500.00 + Alipay 480.00
//          S4 李四 补水护理 (beau) from the package (1 session)
//          S5 walk-in 精华 (cash) 299.00 cash, voided ten minutes later (录错商品, mgr)
//   05-30  S6 张三 精华 (cash) − 10.00 manual discount (老顾客, mgr), cash 289.00
//          S7 walk-in 补水护理 (beau), card 128.00
//   05-31  R7 refund of S7 (客户不满意, mgr), card −128.00
// Commission rules: face 15 % of 手工, 洗剪吹 10.00 per service, 业绩 3 %.
#include "checkout_store_fixture.h"
#include "storage/settings_store.h"
#include "storage/sql.h"

namespace salon::test {

inline Instant weekDay(int n) { return kOpen + n * kDay; }  // 09:00 of 05-28 + n days

struct ReportWeek : CheckoutDb {
  std::string s7;

  ReportWeek() {
    auto store = this->store();
    Staff mgr{"mgr", "mgr", Role::Manager, "", true};
    store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Cash, 8800)}, 2), cashier, kOpen + kHour);
    nextDay(1);
    Instant d = weekDay(1);
    store.settle(saleOf({ln("V-1000", 1, {"cash"})}, {td(TenderType::Card, 100000)}, 1), cashier, d + kHour);
    LineRequest cut = ln("S-CUT", 1, {"beau", "cash"});
    store.settle(saleOf({ln("S-FACIAL"), cut}, {td(TenderType::StoredValue, 21160)}, 1), cashier, d + 2 * kHour);
    book(1, d + 2 * kHour + 30 * kMinute, weekDay(3) + kHour);
    auto pkg = store.settle(saleOf({ln("K-FACIAL10")}, {td(TenderType::Wechat, 50000, "wx-0001"), td(TenderType::Alipay, 48000, "ali-0001")}, 2),
                            cashier, d + 3 * kHour);
    std::string pid = pkg.sale.packagesAfter.at(0).id;
    store.settle(saleOf({ln("S-FACIAL")}, {td(TenderType::Package, 0, pid)}, 2), cashier, d + 5 * kHour);
    auto s5 = store.settle(saleOf({ln("P-SERUM", 1, {"cash"})}, {td(TenderType::Cash, 29900)}), cashier, d + 6 * kHour);
    store.reverse({newUuid(), SaleKind::Void, {}, "录错商品", "mgr"}, s5.sale.id, cashier, d + 6 * kHour + 10 * kMinute);
    nextDay(2);
    d = weekDay(2);
    LineRequest serum = ln("P-SERUM", 1, {"cash"});
    serum.discount = Money(1000);
    SaleRequest s6 = saleOf({serum}, {td(TenderType::Cash, 28900)}, 1);
    s6.reason = "老顾客";
    s6.approvedBy = "mgr";
    store.settle(s6, cashier, d + kHour);
    s7 = store.settle(saleOf({ln("S-FACIAL")}, {td(TenderType::Card, 12800)}), cashier, d + 2 * kHour).sale.id;
    nextDay(3);
    store.reverse({newUuid(), SaleKind::Refund, {}, "客户不满意", "mgr"}, s7, cashier, weekDay(3) + kHour);
    db->write([](SQLite::Database& s) {
      storage::writeSetting(s, "commission.category.face", "1500");
      storage::writeSetting(s, "commission.service.S-CUT", "1000");
    });
  }

  void nextDay(int n) {
    storage::closeBusinessDay(*db, "cash", {}, weekDay(n - 1) + 12 * kHour);
    storage::openBusinessDay(*db, "cash", Money(), weekDay(n), setup.zone);
  }

  void book(CustomerId customer, Instant bookedAt, Instant start) {
    db->write([&](SQLite::Database& s) {
      SQLite::Statement q(s, "INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state,"
                             " booked_by, booked_at) VALUES (?, ?, 'beau', ?, ?, 'counter', 'booked', 'cash', ?)");
      SQLite::bind(q, newUuid(), customer, start, start + kHour, bookedAt);
      q.exec();
    });
  }
};

}  // namespace salon::test
