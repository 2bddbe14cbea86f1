#pragma once
// 顾客档案更新流程: staff (or the customer, 更正权) ask for a field to change, with a
// reason; a supervisor approves or rejects; approval applies the change and its
// audit entry atomically. A change of contact details must also be confirmed by
// the customer at the kiosk before it can be applied.
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/clock.h"
#include "app/core/customer.h"
#include "app/core/customer_fields.h"
#include "app/core/staff.h"
#include "app/core/staff_auth.h"

namespace salon {

enum class RequestState { Pending, Approved, Rejected };
const char* requestStateName(RequestState s);
std::optional<RequestState> requestStateFromName(const std::string& name);

struct ChangeRequest {
  std::string id;  // UUID
  CustomerId customer = 0;
  std::string field;      // e.g. "phone", "address", "health.allergies"
  std::string oldValue;
  std::string newValue;
  std::string reason;
  std::string requestedBy;  // staff code; for a customer's own correction, the staff who took it
  bool byCustomer = false;  // 更正: asked for by the customer
  Instant requestedAt = 0;
  std::optional<Instant> customerConfirmedAt;
  RequestState state = RequestState::Pending;
  std::string decidedBy;
  std::optional<Instant> decidedAt;
  std::string decisionNote;
  // The record with a recording clock this change corrects ("sale" or "service"
  // and its id; "" for an ordinary update): counted in the compliance error rate.
  std::string correctsType, correctsId;
};

// A change request names a declined field by this value ("" clears a field).
constexpr const char* kDeclinedValue = "(declined)";
FieldValue fieldValueOfChange(const std::string& value);
// The new value checked and normalised by the customer module's own rules (name,
// phone, or a field of fileFields()); DomainError field_unknown or the rule's error.
std::string checkedChangeValue(const std::string& field, const std::string& value);

// Contact details need the customer's own confirmation (联系方式的变更，需再次与顾客进行确认).
bool isContactField(const std::string& field);

// Port: storage keeps the requests and applies an approved change to the file.
class ChangeRequestStore {
 public:
  virtual ~ChangeRequestStore() = default;
  virtual std::optional<ChangeRequest> changeRequest(const std::string& id) = 0;
  virtual std::vector<ChangeRequest> pendingChangeRequests() = 0;
  // Saves the request and its audit entry in one transaction. When `apply` is
  // true (an approval), the file's field is changed in the same transaction; it
  // fails with DomainError("stale_change") if the field no longer holds oldValue.
  virtual void saveChangeRequest(const ChangeRequest& request, const AuditEntry& audit, bool apply) = 0;
};

class ChangeRequests {
 public:
  ChangeRequests(ChangeRequestStore& store, Guard& guard, const Clock& clock)
      : store_(store), guard_(guard), clock_(clock) {}

  ChangeRequest submit(const Staff& by, CustomerId customer, const std::string& field, const std::string& oldValue,
                       const std::string& newValue, const std::string& reason, bool byCustomer,
                       const std::string& correctsType = "", const std::string& correctsId = "");
  // The customer confirmed the new contact details at the kiosk.
  ChangeRequest confirmByCustomer(const std::string& id);
  ChangeRequest approve(const Staff& reviewer, const std::string& id, const std::string& note);
  ChangeRequest reject(const Staff& reviewer, const std::string& id, const std::string& note);

 private:
  ChangeRequest pending(const std::string& id);
  ChangeRequestStore& store_;
  Guard& guard_;
  const Clock& clock_;
};

}  // namespace salon
