#include "app/core/dispute.h"

#include <algorithm>

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {
namespace {

void requireText(const std::string& text, const char* what) {
  if (text.empty()) throw DomainError("reason_required", what);
  if (text.size() > 4000) throw DomainError("field_too_long", what);
}

}  // namespace

Dispute Cases::openDispute(const Staff& by, CustomerId customer, const std::string& recordType,
                           const std::string& recordId, const std::string& objection) {
  guard_.require(by, Action::RegisterCustomer, "customer", std::to_string(customer));
  requireText(objection, "objection");
  Dispute d;
  d.id = newUuid();
  d.customer = customer;
  d.recordType = recordType;
  d.recordId = recordId;
  d.objection = objection;
  d.openedBy = by.code;
  d.openedAt = clock_.now();
  d.dueAt = d.openedAt + rules_.dispute;
  store_.saveDispute(d, auditOf(d.openedAt, by.code, "dispute.opened", recordType, recordId, objection));
  return d;
}

Dispute Cases::openDisputeOrThrow(const std::string& id) {
  auto d = store_.dispute(id);
  if (!d) throw DomainError("not_found", "dispute " + id);
  if (d->state != "open") throw DomainError("already_decided", id);
  return *d;
}

Dispute Cases::resolveDispute(const Staff& by, const std::string& id, bool upheld, const std::string& outcome,
                              const std::string& correctionRef) {
  Dispute d = openDisputeOrThrow(id);
  guard_.require(by, Action::ReviewCustomerFile, d.recordType, d.recordId);
  requireText(outcome, "outcome");
  if (upheld && correctionRef.empty()) throw DomainError("correction_required", id);
  d.state = upheld ? "upheld" : "rejected";
  d.outcome = outcome;
  d.correctionRef = upheld ? correctionRef : "";
  d.closedBy = by.code;
  d.closedAt = clock_.now();
  store_.saveDispute(d, auditOf(*d.closedAt, by.code, upheld ? "dispute.upheld" : "dispute.rejected", d.recordType,
                                d.recordId, outcome, correctionRef));
  return d;
}

Complaint Cases::openComplaint(const std::optional<Staff>& by, CustomerId customer, const std::string& channel,
                               const std::string& description) {
  if (by) guard_.require(*by, Action::RegisterCustomer, "customer", std::to_string(customer));
  requireText(description, "complaint");
  Complaint c;
  c.id = newUuid();
  c.customer = customer;
  c.channel = channel.empty() ? "kiosk" : channel;
  c.description = description;
  c.openedBy = by ? by->code : "";
  c.openedAt = clock_.now();
  c.dueAt = c.openedAt + rules_.complaint;
  store_.saveComplaint(c, auditOf(c.openedAt, c.openedBy, "complaint.opened", "customer", std::to_string(customer),
                                  c.channel));
  return c;
}

Complaint Cases::complaintOrThrow(const std::string& id) {
  auto c = store_.complaint(id);
  if (!c) throw DomainError("not_found", "complaint " + id);
  return *c;
}

Complaint Cases::assignComplaint(const Staff& by, const std::string& id, const std::string& assignee) {
  Complaint c = complaintOrThrow(id);
  guard_.require(by, Action::ReviewCustomerFile, "complaint", id);
  if (c.state != "open") throw DomainError("already_decided", id);
  c.assignedTo = assignee;
  store_.saveComplaint(c, auditOf(clock_.now(), by.code, "complaint.assigned", "complaint", id, assignee));
  return c;
}

Complaint Cases::resolveComplaint(const Staff& by, const std::string& id, const std::string& resolution,
                                  const std::string& cause) {
  Complaint c = complaintOrThrow(id);
  if (c.state != "open") throw DomainError("already_decided", id);
  // The person it was assigned to, or a supervisor, closes it.
  if (by.code != c.assignedTo) guard_.require(by, Action::ReviewCustomerFile, "complaint", id);
  requireText(resolution, "resolution");
  requireText(cause, "cause");
  c.state = "resolved";
  c.resolution = resolution;
  c.cause = cause;
  c.resolvedAt = clock_.now();
  store_.saveComplaint(c, auditOf(*c.resolvedAt, by.code, "complaint.resolved", "complaint", id, resolution));
  return c;
}

ComplaintFollowUp followUpOf(const Complaint& c) {
  if (c.state != "resolved" || !c.resolvedAt) return {};
  if (!c.feedbackAt) return {FollowUp::Feedback, std::max(c.dueAt, *c.resolvedAt + 24 * kHour)};
  if (c.satisfaction == 0) return {FollowUp::Satisfaction, *c.feedbackAt + 3 * kDay};
  return {};
}

Complaint Cases::recordFeedback(const Staff& by, const std::string& id, const std::string& how) {
  Complaint c = complaintOrThrow(id);
  if (c.state != "resolved") throw DomainError("complaint_open", id);
  if (by.code != c.assignedTo) guard_.require(by, Action::ReviewCustomerFile, "complaint", id);
  if (c.feedbackAt) throw DomainError("already_decided", id);
  requireText(how, "feedback");
  c.feedbackAt = clock_.now();
  c.feedbackHow = how;
  store_.saveComplaint(c, auditOf(*c.feedbackAt, by.code, "complaint.feedback_given", "complaint", id, how));
  return c;
}

Complaint Cases::recordSatisfaction(const Staff& by, const std::string& id, int score) {
  Complaint c = complaintOrThrow(id);
  if (c.state != "resolved") throw DomainError("complaint_open", id);
  if (by.code != c.assignedTo) guard_.require(by, Action::ReviewCustomerFile, "complaint", id);
  if (c.satisfaction != 0) throw DomainError("already_decided", id);
  if (score < 1 || score > 5) throw DomainError("bad_input", "satisfaction 1-5");
  c.satisfaction = score;
  store_.saveComplaint(c, auditOf(clock_.now(), by.code, "complaint.satisfaction", "complaint", id,
                                  std::to_string(score)));
  return c;
}

RecordingDeadline Cases::deadlineOf(const Dispute& d) const {
  RecordingDeadline r = startDeadline(RecordingClock::Dispute, rules_, d.openedAt, "dispute", d.id, d.closedBy, "");
  r.doneAt = d.closedAt;
  return r;
}

RecordingDeadline Cases::deadlineOf(const Complaint& c) const {
  RecordingDeadline r =
      startDeadline(RecordingClock::Complaint, rules_, c.openedAt, "complaint", c.id, c.assignedTo, "");
  r.doneAt = c.resolvedAt;
  return r;
}

}  // namespace salon
