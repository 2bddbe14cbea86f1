#include "app/core/file_access.h"

#include <sstream>

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

QueryPolicy::QueryPolicy()
    : routine_{
          {Role::Cashier, {"checkout", "registration", "booking", "statement", "complaint"}},
          {Role::Beautician, {"service", "booking", "care_followup"}},
          {Role::Supervisor,
           {"checkout", "service", "booking", "registration", "review", "care_followup", "complaint", "statement"}},
          {Role::Manager,
           {"checkout", "service", "booking", "registration", "review", "care_followup", "complaint", "statement"}},
      } {}

bool QueryPolicy::isRoutine(Role role, const std::string& purpose) const {
  auto it = routine_.find(role);
  return it != routine_.end() && it->second.count(purpose) == 1;
}

QueryPolicy storeQueryPolicy(StoreSettings& settings) {
  QueryPolicy defaults;
  std::map<Role, std::set<std::string>> routine;
  bool configured = false;
  for (Role role : allRoles()) {
    auto text = settings.setting(std::string("query_routine.") + roleName(role));
    if (!text) continue;
    configured = true;
    std::stringstream ss(*text);
    std::string p;
    while (std::getline(ss, p, ','))
      if (!p.empty()) routine[role].insert(p);
  }
  if (!configured) return defaults;
  // Roles the settings leave out keep their default routine.
  for (Role role : allRoles())
    if (!routine.count(role))
      for (const char* p : {"checkout", "service", "booking", "registration", "review", "care_followup", "complaint",
                            "statement", "marketing", "other"})
        if (defaults.isRoutine(role, p)) routine[role].insert(p);
  return QueryPolicy(routine);
}

void FileAccess::checkPurpose(const Staff& me, CustomerId customer, const std::string& purpose,
                              const std::string& requestId) {
  if (purpose.find_first_not_of(' ') == std::string::npos) throw DomainError("purpose_required", "");
  std::string code = purpose.substr(0, purpose.find(':'));
  code.erase(code.find_last_not_of(' ') + 1);
  if (policy_.isRoutine(me.role, code)) return;
  if (requestId.empty() || customer == 0) throw DomainError("query_approval_needed", purpose);
  auto q = store_.queryRequest(requestId);
  if (!q || q->customer != customer || q->purpose != code) throw DomainError("query_not_approved", requestId);
  useQuery(me, requestId);
}

std::optional<QueryRequest> FileAccess::askToView(const Staff& by, CustomerId customer, const std::string& purpose,
                                                  const std::string& detail) {
  guard_.require(by, Action::ViewCustomerFile, "customer", std::to_string(customer));
  if (purpose.empty()) throw DomainError("purpose_required", "customer " + std::to_string(customer));
  if (policy_.isRoutine(by.role, purpose)) return std::nullopt;
  if (detail.empty()) throw DomainError("reason_required", "query request");
  QueryRequest q;
  q.id = newUuid();
  q.customer = customer;
  q.requestedBy = by.code;
  q.purpose = purpose;
  q.detail = detail;
  q.requestedAt = clock_.now();
  store_.saveQueryRequest(q, auditOf(q.requestedAt, by.code, "customer.query_requested", "customer",
                                     std::to_string(customer), purpose + ": " + detail));
  return q;
}

QueryRequest FileAccess::decideQuery(const Staff& reviewer, const std::string& id, bool approve) {
  auto q = store_.queryRequest(id);
  if (!q) throw DomainError("not_found", "query request " + id);
  if (q->state != "pending") throw DomainError("already_decided", id);
  guard_.require(reviewer, Action::ReviewCustomerFile, "customer", std::to_string(q->customer));
  if (reviewer.code == q->requestedBy) throw DomainError("own_request", id);
  q->state = approve ? "approved" : "rejected";
  q->decidedBy = reviewer.code;
  q->decidedAt = clock_.now();
  store_.saveQueryRequest(*q, auditOf(*q->decidedAt, reviewer.code,
                                      approve ? "customer.query_approved" : "customer.query_rejected", "customer",
                                      std::to_string(q->customer), q->purpose));
  return *q;
}

QueryRequest FileAccess::useQuery(const Staff& by, const std::string& id) {
  auto q = store_.queryRequest(id);
  if (!q || q->requestedBy != by.code) throw DomainError("not_found", "query request " + id);
  if (q->state != "approved") throw DomainError("query_not_approved", id);
  q->state = "used";
  store_.saveQueryRequest(*q, auditOf(clock_.now(), by.code, "customer.query_used", "customer",
                                      std::to_string(q->customer), q->purpose));
  return *q;
}

FileLoan FileAccess::requestLoan(const Staff& by, CustomerId customer, const std::string& reason, CivilDate due) {
  guard_.require(by, Action::ViewCustomerFile, "customer", std::to_string(customer));
  if (reason.empty()) throw DomainError("reason_required", "loan");
  if (startOfLocalDay(due, zone_) < startOfLocalDay(localDate(clock_.now(), zone_), zone_))
    throw DomainError("bad_input", "due date " + formatDate(due) + " is past");
  FileLoan l;
  l.id = newUuid();
  l.customer = customer;
  l.requestedBy = by.code;
  l.reason = reason;
  l.dueDate = due;
  l.requestedAt = clock_.now();
  store_.saveFileLoan(l, auditOf(l.requestedAt, by.code, "customer.loan_requested", "customer",
                                 std::to_string(customer), reason, "due " + formatDate(due)));
  return l;
}

FileLoan FileAccess::loanOrThrow(const std::string& id, const char* state) {
  auto l = store_.fileLoan(id);
  if (!l) throw DomainError("not_found", "loan " + id);
  if (l->state != state) throw DomainError("already_decided", id + " (" + l->state + ")");
  return *l;
}

FileLoan FileAccess::decideLoan(const Staff& manager, const std::string& id, bool approve) {
  FileLoan l = loanOrThrow(id, "requested");
  guard_.require(manager, Action::LendCustomerFile, "customer", std::to_string(l.customer));
  l.state = approve ? "approved" : "rejected";
  l.approvedBy = manager.code;
  l.approvedAt = clock_.now();
  store_.saveFileLoan(l, auditOf(*l.approvedAt, manager.code, approve ? "customer.loan_approved" : "customer.loan_rejected",
                                 "customer", std::to_string(l.customer), l.reason));
  return l;
}

FileLoan FileAccess::markLent(const Staff& by, const std::string& id) {
  FileLoan l = loanOrThrow(id, "approved");
  guard_.require(by, Action::ViewCustomerFile, "customer", std::to_string(l.customer));
  l.state = "lent";
  l.lentAt = clock_.now();
  l.lentBy = by.code;
  store_.saveFileLoan(l, auditOf(*l.lentAt, by.code, "customer.exported", "customer", std::to_string(l.customer),
                                 l.reason, "all"));
  return l;
}

FileLoan FileAccess::markReturned(const Staff& by, const std::string& id, bool complete, bool undamaged,
                                  const std::string& problem) {
  FileLoan l = loanOrThrow(id, "lent");
  guard_.require(by, Action::ViewCustomerFile, "customer", std::to_string(l.customer));
  if ((!complete || !undamaged) && problem.empty()) throw DomainError("reason_required", "return problem");
  l.state = "returned";
  l.returnedAt = clock_.now();
  l.checkedBy = by.code;
  l.complete = complete;
  l.undamaged = undamaged;
  l.problem = problem;
  AuditEntry e = auditOf(*l.returnedAt, by.code, problem.empty() ? "customer.loan_returned" : "customer.loan_problem",
                         "customer", std::to_string(l.customer), problem);
  if (!problem.empty()) e.outcome = "reported_to_manager";
  store_.saveFileLoan(l, e);
  return l;
}

std::vector<FileLoan> FileAccess::overdueLoans() {
  CivilDate today = localDate(clock_.now(), zone_);
  std::vector<FileLoan> out;
  for (const FileLoan& l : store_.loansOut())
    if (l.dueDate < today) out.push_back(l);
  return out;
}

}  // namespace salon
