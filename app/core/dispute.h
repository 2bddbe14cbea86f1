#pragma once
// 异议 and 投诉. A customer's objection to a record is logged at once and must be
// investigated within 24 hours; an upheld dispute corrects the data by a
// reversing entry linked to it (never an erasure). A complaint is recorded in
// the customer's file, assigned, handled within the store's deadline, its outcome
// fed back to the customer, and followed by a satisfaction question.
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/customer.h"
#include "app/core/recording_deadline.h"
#include "app/core/staff_auth.h"

namespace salon {

struct Dispute {
  std::string id;
  CustomerId customer = 0;
  std::string recordType;  // "sale", "service_line", "customer"
  std::string recordId;
  std::string objection;   // what the customer says is wrong
  std::string openedBy;
  Instant openedAt = 0;
  Instant dueAt = 0;
  std::string state = "open";  // open, upheld, rejected
  std::string outcome;
  std::string correctionRef;   // the reversing entry (refund, change request) of an upheld dispute
  std::string closedBy;
  std::optional<Instant> closedAt;
};

struct Complaint {
  std::string id;
  CustomerId customer = 0;
  std::string channel;      // kiosk, counter, phone, wechat, web
  std::string description;
  std::string openedBy;     // "" when the customer filed it at the kiosk
  Instant openedAt = 0;
  Instant dueAt = 0;
  std::string assignedTo;
  std::string state = "open";  // open, resolved
  std::string resolution;
  std::string cause;           // why it happened, so it does not recur
  std::optional<Instant> resolvedAt;
  std::optional<Instant> feedbackAt;  // outcome told to the customer
  std::string feedbackHow;
  int satisfaction = 0;               // 1–5 after closing, 0 = not asked yet
};

// Port: storage keeps disputes and complaints with their audit entries.
class CaseStore {
 public:
  virtual ~CaseStore() = default;
  virtual std::optional<Dispute> dispute(const std::string& id) = 0;
  virtual std::vector<Dispute> openDisputes() = 0;
  virtual void saveDispute(const Dispute& d, const AuditEntry& audit) = 0;
  virtual std::optional<Complaint> complaint(const std::string& id) = 0;
  virtual std::vector<Complaint> openComplaints() = 0;
  // Resolved, and the customer not yet told the outcome or not yet asked how satisfied.
  virtual std::vector<Complaint> complaintsToFollowUp() = 0;
  virtual void saveComplaint(const Complaint& c, const AuditEntry& audit) = 0;
};

// What a resolved complaint still owes the customer (投诉处理结果反馈给顾客): the
// outcome told — by the complaint's own deadline, or a day after it was resolved
// if that is later — then the satisfaction question, within three days of that.
enum class FollowUp { None, Feedback, Satisfaction };
struct ComplaintFollowUp {
  FollowUp step = FollowUp::None;
  Instant dueAt = 0;
};
ComplaintFollowUp followUpOf(const Complaint& c);

class Cases {
 public:
  Cases(CaseStore& store, Guard& guard, const Clock& clock, RecordingRules rules = {})
      : store_(store), guard_(guard), clock_(clock), rules_(rules) {}

  Dispute openDispute(const Staff& by, CustomerId customer, const std::string& recordType,
                      const std::string& recordId, const std::string& objection);
  // upheld needs the reference of the reversing entry that corrected the data.
  Dispute resolveDispute(const Staff& by, const std::string& id, bool upheld, const std::string& outcome,
                         const std::string& correctionRef);

  // `by` is empty when the customer files it at the kiosk.
  Complaint openComplaint(const std::optional<Staff>& by, CustomerId customer, const std::string& channel,
                          const std::string& description);
  Complaint assignComplaint(const Staff& by, const std::string& id, const std::string& assignee);
  Complaint resolveComplaint(const Staff& by, const std::string& id, const std::string& resolution,
                             const std::string& cause);
  // Each once, by the person it was assigned to or a reviewer, after it was resolved.
  Complaint recordFeedback(const Staff& by, const std::string& id, const std::string& how);
  Complaint recordSatisfaction(const Staff& by, const std::string& id, int score);

  RecordingDeadline deadlineOf(const Dispute& d) const;
  RecordingDeadline deadlineOf(const Complaint& c) const;

 private:
  Dispute openDisputeOrThrow(const std::string& id);
  Complaint complaintOrThrow(const std::string& id);
  CaseStore& store_;
  Guard& guard_;
  const Clock& clock_;
  RecordingRules rules_;
};

}  // namespace salon
