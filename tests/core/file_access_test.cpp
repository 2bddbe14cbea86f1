#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <map>

#include "app/core/error.h"
#include "app/core/file_access.h"

using namespace salon;
using salon::test::MemoryAudit;
using salon::test::codeOf;
using salon::test::kCash;
using salon::test::kSup;
using salon::test::kMgr;
using salon::test::kBeau;

namespace {

struct MemoryAccess : FileAccessStore {
  std::optional<QueryRequest> queryRequest(const std::string& id) override {
    return queries.count(id) ? std::optional<QueryRequest>(queries[id]) : std::nullopt;
  }
  void saveQueryRequest(const QueryRequest& q, const AuditEntry& a) override {
    queries[q.id] = q;
    audit.push_back(a);
  }
  std::optional<FileLoan> fileLoan(const std::string& id) override {
    return loans.count(id) ? std::optional<FileLoan>(loans[id]) : std::nullopt;
  }
  std::vector<FileLoan> loansOut() override {
    std::vector<FileLoan> v;
    for (auto& [id, l] : loans)
      if (l.state == "lent") v.push_back(l);
    return v;
  }
  void saveFileLoan(const FileLoan& l, const AuditEntry& a) override {
    loans[l.id] = l;
    audit.push_back(a);
  }
  std::map<std::string, QueryRequest> queries;
  std::map<std::string, FileLoan> loans;
  std::vector<AuditEntry> audit;
};


}  // namespace

TEST_CASE("routine purposes open at once, then others wait for approval and open once") {
  ManualClock clock(startOfLocalDay({2026, 11, 22}, StoreZone{}) + 10 * kHour);
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryAccess store;
  FileAccess access(store, guard, clock);

  CHECK_FALSE(access.askToView(kCash, 7, "checkout", "").has_value());
  CHECK(codeOf([&] { access.askToView(kCash, 7, "", ""); }) == "purpose_required");
  CHECK(codeOf([&] { access.askToView(kCash, 7, "marketing", ""); }) == "reason_required");

  auto q = access.askToView(kBeau, 7, "marketing", "想了解顾客的消费习惯做活动");
  REQUIRE(q.has_value());
  CHECK(q->state == "pending");
  CHECK(codeOf([&] { access.useQuery(kBeau, q->id); }) == "query_not_approved");
  CHECK(codeOf([&] { access.decideQuery(kCash, q->id, true); }) == "permission_denied");
  access.decideQuery(kSup, q->id, true);
  CHECK(access.useQuery(kBeau, q->id).state == "used");
  CHECK(codeOf([&] { access.useQuery(kBeau, q->id); }) == "query_not_approved");  // once only

  QueryPolicy strict({{Role::Cashier, {"checkout"}}});
  FileAccess strictAccess(store, guard, clock, strict);
  CHECK(strictAccess.askToView(kCash, 7, "booking", "电话预约").has_value());
}

TEST_CASE("lending a file: manager approves, export is marked, return is checked, overdue listed") {
  StoreZone zone;
  ManualClock clock(startOfLocalDay({2026, 11, 22}, zone) + 10 * kHour);
  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryAccess store;
  FileAccess access(store, guard, clock, QueryPolicy(), zone);

  CHECK(codeOf([&] { access.requestLoan(kSup, 7, "培训案例", {2026, 11, 21}); }) == "bad_input");
  FileLoan l = access.requestLoan(kSup, 7, "培训案例", {2026, 11, 25});
  CHECK(codeOf([&] { access.markLent(kSup, l.id); }) == "already_decided");
  CHECK(codeOf([&] { access.decideLoan(kSup, l.id, true); }) == "permission_denied");
  access.decideLoan(kMgr, l.id, true);
  l = access.markLent(kSup, l.id);
  CHECK(l.lentBy == "sup");
  CHECK(store.audit.back().action == "customer.exported");
  CHECK(access.overdueLoans().empty());
  clock.advance(4 * kDay);  // 26 Nov: one day past due
  REQUIRE(access.overdueLoans().size() == 1);
  CHECK(codeOf([&] { access.markReturned(kSup, l.id, false, true, ""); }) == "reason_required");
  l = access.markReturned(kSup, l.id, false, true, "少了第3页护理记录");
  CHECK(l.state == "returned");
  CHECK(store.audit.back().action == "customer.loan_problem");
  CHECK(store.audit.back().outcome == "reported_to_manager");
  CHECK(access.overdueLoans().empty());
}

namespace {

struct MemorySettings : StoreSettings {
  std::optional<std::string> setting(const std::string& key) override {
    return values.count(key) ? std::optional<std::string>(values[key]) : std::nullopt;
  }
  void change(const std::string& key, const std::string& value, const AuditEntry&) override { values[key] = value; }
  std::map<std::string, std::string> values;
};

}  // namespace

TEST_CASE("the store's query routine comes from its settings, a stated purpose is checked once") {
  ManualClock clock(startOfLocalDay({2026, 11, 22}, StoreZone{}) + 10 * kHour);
  MemorySettings settings;
  CHECK(storeQueryPolicy(settings).isRoutine(Role::Cashier, "checkout"));
  settings.values["query_routine.cashier"] = "statement,";
  QueryPolicy policy = storeQueryPolicy(settings);
  CHECK_FALSE(policy.isRoutine(Role::Cashier, "checkout"));
  CHECK(policy.isRoutine(Role::Cashier, "statement"));
  CHECK(policy.isRoutine(Role::Beautician, "service"));  // left out: the default

  MemoryAudit refusals;
  Guard guard(refusals, clock);
  MemoryAccess store;
  FileAccess access(store, guard, clock, policy);
  access.checkPurpose(kCash, 0, "statement: 月结", "");
  CHECK(codeOf([&] { access.checkPurpose(kCash, 7, "  ", ""); }) == "purpose_required");
  CHECK(codeOf([&] { access.checkPurpose(kCash, 0, "checkout: 结账", "q"); }) == "query_approval_needed");
  auto q = access.askToView(kCash, 7, "checkout", "结账要看电话");
  REQUIRE(q.has_value());
  CHECK(codeOf([&] { access.checkPurpose(kCash, 8, "checkout", q->id); }) == "query_not_approved");
  access.decideQuery(kSup, q->id, true);
  access.checkPurpose(kCash, 7, "checkout: 结账", q->id);
  CHECK(store.queries[q->id].state == "used");
  CHECK(codeOf([&] { access.checkPurpose(kCash, 7, "checkout", q->id); }) == "query_not_approved");
}
