#pragma once
// Every call or message to a customer is logged (every contact is logged): the
// day-before reminder, a late-arrival call, birthday gifts and greetings, care
// reminders, lapsed-customer calls (with the reason they give, 长时间没到店的原因),
// follow-ups after a visit (回访, with a satisfaction score) and event invitations.
// Marketing messages go only to customers who opted in.
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/customer.h"
#include "app/core/staff_auth.h"

namespace salon {

struct CareContact {
  std::string id;  // UUID made by the kiosk (a retry logs nothing twice)
  CustomerId customer = 0;
  std::string kind;     // see careContactKinds()
  std::string ref;      // appointment id, visit id, event id … ("" when none)
  std::string channel = "phone";  // phone, sms, wechat, in_person
  std::string outcome;  // done, skipped, no_answer
  std::string note;     // the reason a lapsed customer gives; why it was skipped
  int satisfaction = 0; // 回访: 1 (very unhappy) … 5 (very happy); 0 otherwise
  std::string aboutStaff;  // 回访: who served the visit (filled from the visit)
  std::string staff;
  Instant at = 0;
};

const std::vector<std::string>& careContactKinds();
// Kinds that are marketing (未经顾客同意，不得在非业务范围内使用): care reminders,
// seasonal product suggestions, event invitations.
bool isMarketingKind(const std::string& kind);

// Port: implemented by storage.
class CareContactStore {
 public:
  virtual ~CareContactStore() = default;
  virtual std::optional<CareContact> contact(const std::string& id) = 0;
  // nullopt when there is no such customer.
  virtual std::optional<bool> marketingOptIn(CustomerId customer) = 0;
  // Who served the visit, when it belongs to the customer.
  virtual std::optional<std::string> visitStaff(CustomerId customer, std::int64_t visitId) = 0;
  virtual void append(const CareContact& c, const AuditEntry& audit) = 0;
};

class CareContacts {
 public:
  CareContacts(CareContactStore& store, Guard& guard, const Clock& clock)
      : store_(store), guard_(guard), clock_(clock) {}
  // Checks and logs one contact. DomainError: bad_input, customer_not_found,
  // no_marketing_consent, note_required (skipped without why; a lapsed customer's
  // reason), satisfaction_required (a done follow-up), not_found (the visit).
  CareContact record(const Staff& by, CareContact c);

 private:
  CareContactStore& store_;
  Guard& guard_;
  const Clock& clock_;
};

// 回访 results per staff member.
struct SatisfactionRow {
  std::string staff;
  int answered = 0;
  int sum = 0;
  int counts[5] = {0, 0, 0, 0, 0};  // how many gave 1 … 5
  double average() const { return answered ? static_cast<double>(sum) / answered : 0.0; }
};
std::vector<SatisfactionRow> satisfactionByStaff(const std::vector<CareContact>& followUps);

}  // namespace salon
