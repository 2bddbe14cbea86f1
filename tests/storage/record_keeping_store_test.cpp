#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include "app/core/error.h"
#include "app/core/pin.h"
#include "storage/audit_store.h"
#include "storage/record_keeping_store.h"
#include "storage/staff_store.h"
#include "support/temp_dir.h"

using namespace salon;
using salon::test::kCash;
using salon::test::kSup;
using salon::test::kMgr;
using namespace salon::storage;
using salon::test::TempDir;

namespace {


std::unique_ptr<Database> storeWithOneCustomer(const TempDir& dir) {
  auto db = Database::open(dir.file("s.db"));
  SqliteStaffStore staff(*db);
  for (const Staff& s : {kCash, kSup, kMgr})
    staff.addStaff(s, hashPin("1111", PinCost::minimum()), 0, auditOf(0, "", "staff.add", "staff", s.code));
  db->sql().exec("INSERT INTO customers (id, file_no, name, phone, created_at, created_by)"
                 " VALUES (7, 'S01-2026-000007', '张三丰', '13800138000', 0, 'cash')");
  return db;
}

std::string phoneOf(Database& db) {
  return db.sql().execAndGet("SELECT phone FROM customers WHERE id = 7").getString();
}

}  // namespace

TEST_CASE("an approved change request changes the file in the same transaction as its audit entry") {
  TempDir dir;
  auto db = storeWithOneCustomer(dir);
  ManualClock clock(1000);
  SqliteAuditLog audit(*db);
  Guard guard(audit, clock);
  SqliteRecordKeeping store(*db);
  ChangeRequests flow(store, guard, clock);

  ChangeRequest r = flow.submit(kCash, 7, "phone", "13800138000", "13900139000", "顾客换号", false);
  CHECK(store.pendingChangeRequests().size() == 1);
  flow.confirmByCustomer(r.id);
  flow.approve(kSup, r.id, "已电话核实");
  CHECK(phoneOf(*db) == "13900139000");
  CHECK(store.pendingChangeRequests().empty());
  auto stored = store.changeRequest(r.id);
  REQUIRE(stored);
  CHECK(stored->state == RequestState::Approved);
  CHECK(stored->decidedBy == "sup");
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'customer.change_approved'").getInt() == 1);
  CHECK(verifyAuditChain(db->sql()).ok);
}

TEST_CASE("a stale change request is refused and nothing is written") {
  TempDir dir;
  auto db = storeWithOneCustomer(dir);
  ManualClock clock(1000);
  SqliteAuditLog audit(*db);
  Guard guard(audit, clock);
  SqliteRecordKeeping store(*db);
  ChangeRequests flow(store, guard, clock);
  ChangeRequest r = flow.submit(kCash, 7, "name", "张三", "张三丰", "录错", false);  // old value is wrong
  int auditBefore = db->sql().execAndGet("SELECT count(*) FROM audit_log").getInt();
  try {
    flow.approve(kSup, r.id, "");
    FAIL("should have been refused");
  } catch (const DomainError& e) {
    CHECK(e.code() == "stale_change");
  }
  CHECK(store.changeRequest(r.id)->state == RequestState::Pending);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log").getInt() == auditBefore);
  CHECK(db->sql().execAndGet("SELECT name FROM customers WHERE id = 7").getString() == "张三丰");
}

TEST_CASE("disputes, complaints and loans are stored with every transition audited") {
  TempDir dir;
  auto db = storeWithOneCustomer(dir);
  ManualClock clock(10 * kDay);
  SqliteAuditLog audit(*db);
  Guard guard(audit, clock);
  SqliteRecordKeeping store(*db);
  Cases cases(store, guard, clock);
  FileAccess access(store, guard, clock);

  Dispute d = cases.openDispute(kCash, 7, "sale", "sale-1", "金额不对");
  CHECK(store.openDisputes().size() == 1);
  cases.resolveDispute(kSup, d.id, false, "核对小票无误", "");
  CHECK(store.openDisputes().empty());
  CHECK(store.dispute(d.id)->state == "rejected");

  Complaint c = cases.openComplaint(std::nullopt, 7, "kiosk", "服务态度");
  cases.assignComplaint(kSup, c.id, "cash");
  CHECK(store.openComplaints().at(0).assignedTo == "cash");
  cases.resolveComplaint(kCash, c.id, "道歉", "新人培训不足");
  CHECK(store.openComplaints().empty());
  CHECK(store.complaint(c.id)->cause == "新人培训不足");

  FileLoan l = access.requestLoan(kSup, 7, "总部检查", localDate(clock.now(), StoreZone{}));
  access.decideLoan(kMgr, l.id, true);
  access.markLent(kSup, l.id);
  CHECK(store.loansOut().size() == 1);
  access.markReturned(kSup, l.id, true, true, "");
  CHECK(store.loansOut().empty());
  CHECK(store.fileLoan(l.id)->checkedBy == "sup");

  auto q = access.askToView(kCash, 7, "marketing", "做活动名单");
  REQUIRE(q);
  access.decideQuery(kSup, q->id, true);
  CHECK(store.queryRequest(q->id)->state == "approved");

  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE record_type IN ('sale','customer','complaint')").getInt() >= 10);
  CHECK(verifyAuditChain(db->sql()).ok);
}
