#include "app/core/change_request.h"

#include "app/core/error.h"
#include "app/core/phone.h"
#include "app/core/text_rules.h"
#include "app/core/uuid.h"

namespace salon {

const char* requestStateName(RequestState s) {
  switch (s) {
    case RequestState::Pending: return "pending";
    case RequestState::Approved: return "approved";
    case RequestState::Rejected: return "rejected";
  }
  return "?";
}

std::optional<RequestState> requestStateFromName(const std::string& name) {
  for (RequestState s : {RequestState::Pending, RequestState::Approved, RequestState::Rejected})
    if (name == requestStateName(s)) return s;
  return std::nullopt;
}

FieldValue fieldValueOfChange(const std::string& value) {
  if (value == kDeclinedValue) return FieldValue::declined();
  if (value.empty()) return FieldValue{};
  return FieldValue::of(value);
}

std::string checkedChangeValue(const std::string& field, const std::string& value) {
  if (field == "name") return checkName(value);
  if (field == "phone") {
    if (value.empty()) throw DomainError("contact_required", "phone");
    return parsePhone(checkText("phone", value, {30, false, false})).normalised;
  }
  FieldValue v = checkField(field, fieldValueOfChange(value));
  return v.state == FieldState::Declined ? kDeclinedValue : v.value;
}

bool isContactField(const std::string& field) {
  return field == "phone" || field == "address" || field == "wechat" || field == "email" ||
         field == "phone2" || field.rfind("contact.", 0) == 0;
}

ChangeRequest ChangeRequests::submit(const Staff& by, CustomerId customer, const std::string& field,
                                     const std::string& oldValue, const std::string& rawNewValue,
                                     const std::string& reason, bool byCustomer, const std::string& correctsType,
                                     const std::string& correctsId) {
  guard_.require(by, Action::RegisterCustomer, "customer", std::to_string(customer));
  if (field.empty()) throw DomainError("bad_input", "field");
  if (reason.empty()) throw DomainError("reason_required", "change request");
  // Checked now, so a reviewer never approves a value the file would refuse.
  const std::string newValue = checkedChangeValue(field, rawNewValue);
  if (oldValue == newValue) throw DomainError("bad_input", field + ": no change");
  ChangeRequest r;
  r.id = newUuid();
  r.customer = customer;
  r.field = field;
  r.oldValue = oldValue;
  r.newValue = newValue;
  r.reason = reason;
  r.requestedBy = by.code;
  r.byCustomer = byCustomer;
  if (correctsType != "" && correctsType != "sale" && correctsType != "service")
    throw DomainError("bad_input", "corrects " + correctsType + " (sale or service)");
  if (correctsType.empty() != correctsId.empty()) throw DomainError("bad_input", "corrects: type and id");
  r.correctsType = correctsType;
  r.correctsId = correctsId;
  r.requestedAt = clock_.now();
  store_.saveChangeRequest(r, auditOf(r.requestedAt, by.code, byCustomer ? "customer.correction_requested"
                                                                         : "customer.change_requested",
                                      "customer", std::to_string(customer), reason, field),
                           false);
  return r;
}

ChangeRequest ChangeRequests::pending(const std::string& id) {
  auto r = store_.changeRequest(id);
  if (!r) throw DomainError("not_found", "change request " + id);
  if (r->state != RequestState::Pending) throw DomainError("already_decided", id);
  return *r;
}

ChangeRequest ChangeRequests::confirmByCustomer(const std::string& id) {
  ChangeRequest r = pending(id);
  r.customerConfirmedAt = clock_.now();
  store_.saveChangeRequest(r, auditOf(*r.customerConfirmedAt, "", "customer.change_confirmed", "customer",
                                      std::to_string(r.customer), "confirmed at the kiosk", r.field),
                           false);
  return r;
}

ChangeRequest ChangeRequests::approve(const Staff& reviewer, const std::string& id, const std::string& note) {
  ChangeRequest r = pending(id);
  guard_.require(reviewer, Action::ReviewCustomerFile, "customer", std::to_string(r.customer));
  // Four eyes: whoever asked for a change does not approve it.
  if (reviewer.code == r.requestedBy) throw DomainError("own_request", id);
  if (isContactField(r.field) && !r.customerConfirmedAt) throw DomainError("customer_confirmation_needed", r.field);
  r.state = RequestState::Approved;
  r.decidedBy = reviewer.code;
  r.decidedAt = clock_.now();
  r.decisionNote = note;
  store_.saveChangeRequest(r, auditOf(*r.decidedAt, reviewer.code, "customer.change_approved", "customer",
                                      std::to_string(r.customer), note.empty() ? r.reason : note, r.field),
                           true);
  return r;
}

ChangeRequest ChangeRequests::reject(const Staff& reviewer, const std::string& id, const std::string& note) {
  ChangeRequest r = pending(id);
  guard_.require(reviewer, Action::ReviewCustomerFile, "customer", std::to_string(r.customer));
  if (note.empty()) throw DomainError("reason_required", "rejection");
  r.state = RequestState::Rejected;
  r.decidedBy = reviewer.code;
  r.decidedAt = clock_.now();
  r.decisionNote = note;
  store_.saveChangeRequest(r, auditOf(*r.decidedAt, reviewer.code, "customer.change_rejected", "customer",
                                      std::to_string(r.customer), note, r.field),
                           false);
  return r;
}

}  // namespace salon
