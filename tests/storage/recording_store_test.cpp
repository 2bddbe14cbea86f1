// The recording clocks on a real SQLite store: consumption records, back-entries,
// service details, disputes corrected by a linked refund, and the compliance
// figures of a hand-computed day.
#include <catch2/catch.hpp>

#include "app/core/compliance.h"
#include "checkout_store_fixture.h"
#include "storage/verify.h"
#include "support/compliance_fixture.h"

using namespace salon;
using namespace salon::test;

namespace {

struct RecordingStore : CheckoutDb {
  RecordingStore() {
    storage::SqliteStaffStore staff(*db);
    staff.addStaff({"sup", "sup", Role::Supervisor, "客服部", true}, "hash", 0, auditOf(0, "", "staff.add", "staff", "sup"));
    db->sql().exec("UPDATE staff SET department = '前台' WHERE code = 'cash'");
    db->sql().exec("UPDATE staff SET department = '店务' WHERE code = 'mgr'");
    db->sql().exec("UPDATE staff SET department = '美容部' WHERE code = 'beau'");
  }
};

const ComplianceRow& row(const ComplianceReport& r, const std::string& clock, const std::string& groupBy,
                         const std::string& who, const std::string& period) {
  for (const auto& x : r.rows)
    if (x.clock == clock && x.groupBy == groupBy && x.who == who && x.period == period) return x;
  FAIL("no row " << clock << " " << groupBy << " " << who << " " << period);
  throw;
}

int missesOf(const ComplianceReport& r, const std::string& why, const std::string& clock) {
  int n = 0;
  for (const auto& m : r.misses) n += m.why == why && recordingClockName(m.deadline.clock) == clock ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a sale recorded at settlement is on time, then a back-entry is late after 10 minutes") {
  RecordingStore st;
  auto store = st.store();
  auto on = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)}), st.cashier, kOpen + kHour);
  auto ten = saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)});
  ten.completedAt = kOpen + 2 * kHour;
  ten.reason = "纸质小票补录";
  store.settle(ten, st.cashier, kOpen + 2 * kHour + 10 * kMinute);
  auto eleven = saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)});
  eleven.completedAt = kOpen + 3 * kHour;
  eleven.reason = "纸质小票补录";
  auto late = store.settle(eleven, st.cashier, kOpen + 3 * kHour + 11 * kMinute).sale;
  CHECK(late.businessDay == "2026-05-28");

  auto items = storage::recordedItems(*st.db, kOpen - 9 * kHour, kOpen + 15 * kHour, {});
  int consumption = 0, onTime = 0;
  for (const auto& i : items) {
    if (i.deadline.clock != RecordingClock::Consumption) continue;
    ++consumption;
    CHECK(i.deadline.staff == "cash");
    CHECK(i.deadline.department == "前台");
    bool ok = statusAt(i.deadline, kOpen + 20 * kHour) == DeadlineStatus::DoneOnTime;
    onTime += ok ? 1 : 0;
    if (i.deadline.recordId == late.id) CHECK_FALSE(ok);
    if (i.deadline.recordId == on.sale.id) CHECK(ok);
  }
  CHECK(consumption == 3);
  CHECK(onTime == 2);
}

TEST_CASE("service details are due from the settled lines, recorded into the customer's file") {
  RecordingStore st;
  auto store = st.store();
  auto s = store.settle(saleOf({ln("S-FACIAL"), ln("P-SERUM", 1, {})}, {td(TenderType::Card, 12800 + 29900)}, 2),
                        st.cashier, kOpen + kHour)
               .sale;
  ManualClock clock(kOpen + kHour + 20 * kMinute);
  storage::SqliteAuditLog audit(*st.db);
  Guard guard(audit, clock);
  storage::SqliteServiceRecords services(*st.db);
  ServiceRecords flow(services, guard, clock);
  auto due = flow.due();
  REQUIRE(due.size() == 1);  // the product line owes no service details
  CHECK(due[0].serviceId == "sale:" + s.id + ":1:beau");
  CHECK(due[0].countdown == "10:00");
  Staff beau{"beau", "beau", Role::Beautician, "美容部", true};
  flow.record(beau, due[0].serviceId, 60, "补水后肤色均匀", "很舒服");
  CHECK(flow.due().empty());
  CHECK(st.count("customer_visits") == 1);
  CHECK(st.db->sql().execAndGet("SELECT service FROM customer_visits").getString() == "补水护理");
  CHECK(st.db->sql().execAndGet("SELECT visit_id IS NOT NULL FROM service_details").getInt() == 1);
  CHECK_THROWS(st.db->sql().exec("UPDATE service_details SET effect = 'x'"));
}

TEST_CASE("an upheld dispute about a sale is corrected by a refund linked to it, once") {
  RecordingStore st;
  auto store = st.store();
  auto s = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)}, 2), st.cashier, kOpen + kHour).sale;
  ManualClock clock(kOpen + 2 * kHour);
  storage::SqliteAuditLog audit(*st.db);
  Guard guard(audit, clock);
  storage::SqliteRecordKeeping rk(*st.db);
  Cases cases(rk, guard, clock);
  Dispute d = cases.openDispute(st.cashier, 2, "sale", s.id, "没有做这个项目");
  CHECK(d.dueAt == kOpen + 26 * kHour);
  Staff mgr{"mgr", "mgr", Role::Manager, "店务", true};
  std::string refund = storage::refundForDispute(*st.db, st.setup, d, {}, "mgr", mgr, clock.now());
  // A retry (the dispute not saved yet) finds the same refund instead of refunding twice.
  CHECK(storage::refundForDispute(*st.db, st.setup, d, {}, "mgr", mgr, clock.now()) == refund);
  CHECK(st.db->sql().execAndGet("SELECT count(*) FROM sales WHERE kind = 'refund'").getInt() == 1);
  auto stored = storage::loadSale(st.db->sql(), refund);
  REQUIRE(stored);
  CHECK(stored->reverses == s.id);
  CHECK(stored->totals.total.fen == -8800);
  Dispute closed = cases.resolveDispute(mgr, d.id, true, "核实属实", refund);
  CHECK(rk.dispute(d.id)->correctionRef == refund);
  // The sale now counts as corrected, charged to the cashier who recorded it.
  for (const auto& i : storage::recordedItems(*st.db, kOpen - 9 * kHour, kOpen + 15 * kHour, {}))
    if (i.deadline.recordId == s.id) CHECK(i.corrected);
  CHECK(storage::verifyDatabase(*st.db).ok());
  // verify catches an upheld dispute that points at nothing.
  st.db->sql().exec("INSERT INTO disputes (id, customer_id, record_type, record_id, objection, opened_by, opened_at,"
                    " due_at, state, correction_ref) VALUES ('bad', 2, 'sale', '" + s.id + "', 'x', 'cash', 0, 0,"
                    " 'upheld', 'no-such-refund')");
  bool caught = false;
  for (const auto& l : storage::verifyDatabase(*st.db).ledgers)
    caught = caught || (l.name == "dispute corrections" && !l.ok);
  CHECK(caught);
  // Another customer's sale cannot be refunded through this dispute.
  auto other = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)}), st.cashier, kOpen + 3 * kHour).sale;
  Dispute wrong = cases.openDispute(st.cashier, 2, "sale", other.id, "不是我");
  CHECK_THROWS_WITH(storage::refundForDispute(*st.db, st.setup, wrong, {}, "mgr", mgr, clock.now()),
                    Catch::Contains("dispute_customer_mismatch"));
}

TEST_CASE("compliance over a hand-computed day: per clock, staff, department, week and month, with the misses") {
  RecordingStore st;
  ComplianceFixture f = buildComplianceFixture(*st.db);
  StoreZone zone{480};
  Instant from = startOfLocalDay({2026, 5, 28}, zone), to = startOfLocalDay({2026, 6, 1}, zone);
  auto items = storage::recordedItems(*st.db, from, to, {});
  Instant now = kOpen + 3 * kDay;
  ComplianceReport week = computeCompliance(items, from, to, now, zone, CompliancePeriod::Week);

  // Consumption: cash recorded s1 (on time), s2 (back-entry 10 min: on time),
  // s3 (back-entry 11 min: late), s4 (later corrected by the upheld dispute); mgr s5.
  const auto& cash = row(week, "consumption", "staff", "cash", "2026-W22");
  CHECK(cash.due == 4);
  CHECK(cash.onTime == 3);
  CHECK(cash.made == 4);
  CHECK(cash.corrected == 1);
  CHECK(formatBasisPoints(cash.onTimeBp()) == "75.00%");
  CHECK(formatBasisPoints(cash.errorBp()) == "25.00%");
  CHECK(row(week, "consumption", "department", "前台", "2026-W22").due == 4);
  const auto& mgr = row(week, "consumption", "staff", "mgr", "2026-W22");
  CHECK((mgr.due == 1 && mgr.onTime == 1 && mgr.corrected == 0));
  const auto& store = row(week, "consumption", "store", "*", "2026-W22");
  CHECK(formatBasisPoints(store.onTimeBp()) == "80.00%");
  CHECK(formatBasisPoints(store.errorBp()) == "20.00%");
  CHECK_FALSE(store.meetsOnTimeTarget());

  // Service details (beau): tap→25 min on time, s2 31 min late, s3 20 min on time,
  // s4 never (overdue), s5 exactly 30 min on time. The refund owes nothing.
  const auto& beau = row(week, "service_details", "staff", "beau", "2026-W22");
  CHECK(beau.due == 5);
  CHECK(beau.onTime == 3);
  CHECK(beau.made == 4);
  CHECK(formatBasisPoints(beau.onTimeBp()) == "60.00%");
  CHECK(row(week, "service_details", "department", "美容部", "2026-W22").onTime == 3);

  // The dispute closed in 1.5 h by sup; the complaint assigned to sup is overdue.
  const auto& dispute = row(week, "dispute", "staff", "sup", "2026-W22");
  CHECK((dispute.due == 1 && dispute.onTime == 1));
  const auto& complaint = row(week, "complaint", "staff", "sup", "2026-W22");
  CHECK((complaint.due == 1 && complaint.onTime == 0 && complaint.made == 0));

  CHECK(week.misses.size() == 5);
  CHECK(missesOf(week, "late", "consumption") == 1);
  CHECK(missesOf(week, "corrected", "consumption") == 1);
  CHECK(missesOf(week, "late", "service_details") == 1);
  CHECK(missesOf(week, "overdue", "service_details") == 1);
  CHECK(missesOf(week, "overdue", "complaint") == 1);

  ComplianceReport month = computeCompliance(items, from, to, now, zone, CompliancePeriod::Month);
  CHECK(row(month, "consumption", "staff", "cash", "2026-05").due == 4);
  CHECK(row(month, "service_details", "store", "*", "2026-05").onTime == 3);
  (void)f;
}

TEST_CASE("a sale named by an approved change request counts as corrected, a pending or rejected one does not") {
  RecordingStore st;
  auto store = st.store();
  auto a = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)}, 2), st.cashier, kOpen + kHour).sale;
  auto b = store.settle(saleOf({ln("S-CUT")}, {td(TenderType::Card, 8800)}, 2), st.cashier, kOpen + 2 * kHour).sale;
  ManualClock clock(kOpen + 3 * kHour);
  storage::SqliteAuditLog audit(*st.db);
  Guard guard(audit, clock);
  storage::SqliteRecordKeeping rk(*st.db);
  ChangeRequests changes(rk, guard, clock);
  Staff sup{"sup", "sup", Role::Supervisor, "客服部", true};
  ChangeRequest fix = changes.submit(st.cashier, 2, "notes", "", "消费记录项目登记有误，已更正", "顾客指出", false, "sale", a.id);
  ChangeRequest other = changes.submit(st.cashier, 2, "occupation", "", "教师", "补录", false, "sale", b.id);
  CHECK(rk.changeRequest(fix.id)->correctsId == a.id);
  auto corrected = [&](const std::string& id) {
    for (const auto& i : storage::recordedItems(*st.db, kOpen - 9 * kHour, kOpen + 15 * kHour, {}))
      if (i.deadline.recordId == id) return i.corrected;
    FAIL("no record " << id);
    return false;
  };
  CHECK_FALSE(corrected(a.id));  // pending: not yet
  changes.approve(sup, fix.id, "");
  changes.reject(sup, other.id, "无依据");
  CHECK(corrected(a.id));
  CHECK_FALSE(corrected(b.id));
  // Charged to the cashier who recorded it: 1 of 2 consumption records = 50.00 %.
  ComplianceReport r = computeCompliance(storage::recordedItems(*st.db, kOpen - 9 * kHour, kOpen + 15 * kHour, {}),
                                         kOpen - 9 * kHour, kOpen + 15 * kHour, clock.now(), StoreZone{480},
                                         CompliancePeriod::Week);
  for (const auto& x : r.rows)
    if (x.clock == "consumption" && x.groupBy == "staff" && x.who == st.cashier.code) CHECK(x.errorBp() == 5000);
  CHECK_THROWS_WITH(changes.submit(st.cashier, 2, "notes", "", "x", "y", false, "customer", "2"),
                    Catch::Contains("bad_input"));
}
