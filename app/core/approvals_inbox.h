#pragma once
// What the Approvals screen reads besides the records it decides on (files,
// change requests, disputes, complaints: their own ports): the query requests
// and file loans waiting, the names its rows show, and the store's deadlines.
// Storage implements the port.
#include <optional>
#include <string>
#include <vector>

#include "app/core/file_access.h"
#include "app/core/recording_deadline.h"

namespace salon {

class ApprovalsInbox {
 public:
  virtual ~ApprovalsInbox() = default;
  // Query requests waiting for a decision, oldest first.
  virtual std::vector<QueryRequest> pendingQueries() = 0;
  // Loans requested, approved or out: those out last, then by due date and request.
  virtual std::vector<FileLoan> openLoans() = 0;
  // A catalog item's name (the code when unknown).
  virtual std::string itemName(const std::string& code) = 0;
  // The duration of the service so named (0 when unknown or none).
  virtual int serviceMinutes(const std::string& itemName) = 0;
  // A staff member's name (the code when unknown; "" for "").
  virtual std::string staffName(const std::string& code) = 0;
  // The recording rules with the store's complaint deadline (recordingRulesWith).
  virtual RecordingRules recordingRules() = 0;
};

// The setting complaint_hours (1 … 720; the default 48 h when unset or garbled).
RecordingRules recordingRulesWith(const std::optional<std::string>& complaintHours);

}  // namespace salon
