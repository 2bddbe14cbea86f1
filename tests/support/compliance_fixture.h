#pragma once
// One business day (2026-05-28, store time +08:00) of recording-clock events
// whose compliance figures were computed by hand (see the tests that use it).
// Needs staff cash (前台), mgr (店务), beau (美容部), sup (客服部) and the
// service S-CUT at 88.00 in the catalog.
#include <string>

#include "app/core/dispute.h"
#include "app/core/service_record.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/day_store.h"
#include "storage/dispute_correction.h"
#include "storage/record_keeping_store.h"
#include "storage/recording_store.h"
#include "storage/sale_store.h"

namespace salon::test {

constexpr Instant kFixtureOpen = 1'779'930'000'000;  // 2026-05-28 09:00 +08:00

struct ComplianceFixture {
  std::string s1, s2, s3, s4, s5, tap, dispute, refund, complaint;
};

inline ComplianceFixture buildComplianceFixture(storage::Database& db) {
  const Instant t = kFixtureOpen;
  auto setup = storage::loadCheckoutSetup(db.sql());
  if (!storage::dayOf(db.sql(), "2026-05-28")) storage::openBusinessDay(db, "cash", Money(), t, setup.zone);
  db.sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by)"
                " VALUES (9001, 'S01-2026-009001', '周异议', '13700137000', 'in_force', 0, 'cash')");
  db.sql().exec("INSERT INTO customer_file_numbers (year, last) VALUES (2026, 9001)"
                " ON CONFLICT (year) DO UPDATE SET last = max(last, 9001)");
  const Staff cash{"cash", "陈前台", Role::Cashier, "前台", true};
  const Staff mgr{"mgr", "王店长", Role::Manager, "店务", true};
  const Staff beau{"beau", "林美容师", Role::Beautician, "美容部", true};
  const Staff sup{"sup", "李主管", Role::Supervisor, "客服部", true};
  ManualClock clock(t);
  storage::SqliteAuditLog audit(db);
  Guard guard(audit, clock);
  storage::SqliteServiceRecords serviceStore(db);
  ServiceRecords services(serviceStore, guard, clock);
  storage::SqliteRecordKeeping caseStore(db);
  Cases cases(caseStore, guard, clock);
  storage::SaleStore sales(db, setup);
  auto at = [&](std::int64_t offset) { clock.advance(t + offset - clock.now()); };
  auto sale = [&](const Staff& who, std::optional<Instant> completed, std::optional<CustomerId> customer) {
    SaleRequest r;
    r.id = newUuid();
    r.customer = customer;
    LineRequest l;
    l.item = "S-CUT";
    l.staff = {"beau"};
    r.lines = {l};
    r.tenders = {{TenderType::Card, Money(8800), std::nullopt, "CARD-" + r.id.substr(0, 8)}};
    r.completedAt = completed;
    if (completed) r.reason = "收银机断电，按纸质小票补录";
    return sales.settle(r, who, clock.now()).sale.id;
  };
  ComplianceFixture f;
  at(50 * kMinute);  // 服务完成 tapped before settlement
  f.tap = services.finish(beau, std::nullopt, "S-CUT", "").id;
  at(kHour);
  f.s1 = sale(cash, std::nullopt, std::nullopt);  // consumption on time (at settlement)
  f.complaint = cases.openComplaint(cash, 9001, "counter", "等候时间过长").id;
  cases.assignComplaint(sup, f.complaint, "sup");  // never resolved: overdue after 48 h
  at(kHour + 15 * kMinute);
  services.record(beau, f.tap, 45, "发型修剪完成", "满意");  // 25 min after the tap: on time
  at(2 * kHour + 10 * kMinute);
  f.s2 = sale(cash, t + 2 * kHour, std::nullopt);  // back-entry exactly 10 min later: on time
  at(2 * kHour + 31 * kMinute);
  services.record(beau, "sale:" + f.s2 + ":1:beau", 40, "修剪", "");  // 31 min: late
  at(3 * kHour + 11 * kMinute);
  f.s3 = sale(cash, t + 3 * kHour, std::nullopt);  // back-entry 11 min later: late
  at(3 * kHour + 20 * kMinute);
  services.record(beau, "sale:" + f.s3 + ":1:beau", 40, "修剪", "");  // 20 min: on time
  at(4 * kHour);
  f.s4 = sale(cash, std::nullopt, 9001);  // its service details are never recorded: overdue
  at(4 * kHour + 30 * kMinute);
  f.dispute = cases.openDispute(cash, 9001, "sale", f.s4, "没有做这个项目").id;
  at(5 * kHour);
  f.s5 = sale(mgr, std::nullopt, std::nullopt);
  at(5 * kHour + 30 * kMinute);
  services.record(beau, "sale:" + f.s5 + ":1:beau", 30, "修剪", "");  // exactly 30 min: on time
  at(6 * kHour);
  Dispute d = *caseStore.dispute(f.dispute);
  f.refund = storage::refundForDispute(db, setup, d, {}, "mgr", mgr, clock.now());
  cases.resolveDispute(sup, f.dispute, true, "核实未做该项目，全额退款", f.refund);  // 1.5 h: on time; s4 corrected
  return f;
}

}  // namespace salon::test
