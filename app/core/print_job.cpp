#include "app/core/print_job.h"

namespace salon {

const char* printJobStateName(PrintJobState s) {
  switch (s) {
    case PrintJobState::Queued: return "queued";
    case PrintJobState::Printed: return "printed";
    case PrintJobState::Failed: return "failed";
    case PrintJobState::Cancelled: return "cancelled";
  }
  return "queued";
}

std::optional<PrintJobState> printJobStateFromName(const std::string& n) {
  for (auto s : {PrintJobState::Queued, PrintJobState::Printed, PrintJobState::Failed, PrintJobState::Cancelled})
    if (n == printJobStateName(s)) return s;
  return std::nullopt;
}

}  // namespace salon
