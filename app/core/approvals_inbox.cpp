#include "app/core/approvals_inbox.h"

#include <exception>

namespace salon {

RecordingRules recordingRulesWith(const std::optional<std::string>& complaintHours) {
  RecordingRules r;
  if (complaintHours) {
    try {
      long h = std::stol(*complaintHours);
      if (h > 0 && h <= 24 * 30) r.complaint = h * kHour;
    } catch (const std::exception&) {
      // A garbled setting keeps the default.
    }
  }
  return r;
}

}  // namespace salon
