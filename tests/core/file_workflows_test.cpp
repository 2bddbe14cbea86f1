#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <map>

#include "app/core/change_request.h"
#include "app/core/dispute.h"
#include "app/core/error.h"

using namespace salon;
using salon::test::MemoryAudit;
using salon::test::codeOf;
using salon::test::kCash;
using salon::test::kSup;
using salon::test::kBeau;

namespace {

struct MemoryRequests : ChangeRequestStore {
  std::optional<ChangeRequest> changeRequest(const std::string& id) override {
    auto it = all.find(id);
    return it == all.end() ? std::nullopt : std::optional<ChangeRequest>(it->second);
  }
  std::vector<ChangeRequest> pendingChangeRequests() override { return {}; }
  void saveChangeRequest(const ChangeRequest& r, const AuditEntry& a, bool apply) override {
    all[r.id] = r;
    audit.push_back(a);
    if (apply) applied.push_back(r.field + "=" + r.newValue);
  }
  std::map<std::string, ChangeRequest> all;
  std::vector<AuditEntry> audit;
  std::vector<std::string> applied;
};

struct MemoryCases : CaseStore {
  std::optional<Dispute> dispute(const std::string& id) override {
    return disputes.count(id) ? std::optional<Dispute>(disputes[id]) : std::nullopt;
  }
  std::vector<Dispute> openDisputes() override { return {}; }
  void saveDispute(const Dispute& d, const AuditEntry& a) override {
    disputes[d.id] = d;
    audit.push_back(a);
  }
  std::optional<Complaint> complaint(const std::string& id) override {
    return complaints.count(id) ? std::optional<Complaint>(complaints[id]) : std::nullopt;
  }
  std::vector<Complaint> openComplaints() override { return {}; }
  std::vector<Complaint> complaintsToFollowUp() override { return {}; }
  void saveComplaint(const Complaint& c, const AuditEntry& a) override {
    complaints[c.id] = c;
    audit.push_back(a);
  }
  std::map<std::string, Dispute> disputes;
  std::map<std::string, Complaint> complaints;
  std::vector<AuditEntry> audit;
};

const Staff kSup2{"sup2", "周主管", Role::Supervisor, "客服部", true};

}  // namespace

TEST_CASE("a change request waits for a supervisor, who applies it atomically") {
  ManualClock clock(1'000'000);
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryRequests store;
  ChangeRequests flow(store, guard, clock);

  ChangeRequest r = flow.submit(kCash, 7, "occupation", "教师", "医生", "顾客告知换工作", false);
  CHECK(r.state == RequestState::Pending);
  CHECK(store.applied.empty());
  CHECK(codeOf([&] { flow.approve(kBeau, r.id, ""); }) == "permission_denied");
  CHECK(codeOf([&] { flow.reject(kSup, r.id, ""); }) == "reason_required");
  clock.advance(kMinute);
  ChangeRequest done = flow.approve(kSup, r.id, "核实无误");
  CHECK(done.state == RequestState::Approved);
  CHECK(done.decidedAt == 1'000'000 + kMinute);
  REQUIRE(store.applied.size() == 1);
  CHECK(store.applied[0] == "occupation=医生");
  CHECK(store.audit.back().action == "customer.change_approved");
  CHECK(codeOf([&] { flow.approve(kSup, r.id, ""); }) == "already_decided");
}

TEST_CASE("contact details need the customer's confirmation before approval") {
  ManualClock clock;
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryRequests store;
  ChangeRequests flow(store, guard, clock);
  ChangeRequest r = flow.submit(kCash, 7, "phone", "13800138000", "13900139000", "换号", false);
  CHECK(codeOf([&] { flow.approve(kSup, r.id, ""); }) == "customer_confirmation_needed");
  flow.confirmByCustomer(r.id);
  CHECK(flow.approve(kSup, r.id, "").state == RequestState::Approved);
  CHECK(store.applied == std::vector<std::string>{"phone=13900139000"});
}

TEST_CASE("nobody approves their own change request, then a customer's correction is marked as such") {
  ManualClock clock;
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryRequests store;
  ChangeRequests flow(store, guard, clock);
  ChangeRequest r = flow.submit(kSup, 7, "birthday", "1990-01-01", "1990-01-10", "顾客更正", true);
  CHECK(r.byCustomer);
  CHECK(store.audit.back().action == "customer.correction_requested");
  CHECK(codeOf([&] { flow.approve(kSup, r.id, ""); }) == "own_request");
  CHECK(flow.approve(kSup2, r.id, "").state == RequestState::Approved);
}

TEST_CASE("a dispute has 24 hours and an upheld one must point at its correction") {
  ManualClock clock(5 * kDay);
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryCases store;
  Cases cases(store, guard, clock);
  Dispute d = cases.openDispute(kCash, 7, "sale", "sale-1", "护理做了60分钟，单上写90分钟");
  CHECK(d.dueAt == 5 * kDay + 24 * kHour);
  CHECK(statusAt(cases.deadlineOf(d), 5 * kDay + 23 * kHour) == DeadlineStatus::Running);
  CHECK(statusAt(cases.deadlineOf(d), 5 * kDay + 25 * kHour) == DeadlineStatus::Overdue);
  CHECK(codeOf([&] { cases.resolveDispute(kCash, d.id, true, "属实", "refund-1"); }) == "permission_denied");
  CHECK(codeOf([&] { cases.resolveDispute(kSup, d.id, true, "属实", ""); }) == "correction_required");
  clock.advance(3 * kHour);
  Dispute closed = cases.resolveDispute(kSup, d.id, true, "属实，已冲正", "refund-1");
  CHECK(closed.state == "upheld");
  CHECK(closed.correctionRef == "refund-1");
  CHECK(statusAt(cases.deadlineOf(closed), 10 * kDay) == DeadlineStatus::DoneOnTime);
  CHECK(store.audit.back().action == "dispute.upheld");
}

TEST_CASE("a complaint is assigned, resolved with its cause, fed back, then rated") {
  ManualClock clock(0);
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryCases store;
  RecordingRules rules;
  rules.complaint = 48 * kHour;
  Cases cases(store, guard, clock, rules);
  Complaint c = cases.openComplaint(std::nullopt, 7, "kiosk", "等候时间太长");
  CHECK(c.openedBy.empty());
  CHECK(c.dueAt == 48 * kHour);
  c = cases.assignComplaint(kSup, c.id, "beau");
  CHECK(codeOf([&] { cases.recordSatisfaction(kSup, c.id, 5); }) == "complaint_open");
  CHECK(codeOf([&] { cases.resolveComplaint(kBeau, c.id, "已道歉并赠送护理", ""); }) == "reason_required");
  clock.advance(50 * kHour);
  c = cases.resolveComplaint(kBeau, c.id, "已道歉并赠送护理", "预约排得太满");
  CHECK(statusAt(cases.deadlineOf(c), 60 * kHour) == DeadlineStatus::DoneLate);
  // Resolved at 50 h, after its 48 h deadline: the outcome is due a day later.
  CHECK(followUpOf(c).step == FollowUp::Feedback);
  CHECK(followUpOf(c).dueAt == *c.resolvedAt + 24 * kHour);
  c = cases.recordFeedback(kSup, c.id, "电话告知顾客");
  CHECK(c.feedbackAt.has_value());
  CHECK(codeOf([&] { cases.recordFeedback(kSup, c.id, "又打了一次"); }) == "already_decided");
  CHECK(followUpOf(c).step == FollowUp::Satisfaction);
  CHECK(followUpOf(c).dueAt == *c.feedbackAt + 3 * kDay);
  CHECK(codeOf([&] { cases.recordSatisfaction(kSup, c.id, 6); }) == "bad_input");
  CHECK(cases.recordSatisfaction(kSup, c.id, 4).satisfaction == 4);
  CHECK(codeOf([&] { cases.recordSatisfaction(kSup, c.id, 5); }) == "already_decided");
  CHECK(followUpOf(store.complaints[c.id]).step == FollowUp::None);
}
