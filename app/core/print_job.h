#pragma once
// Print jobs as core sees them: bytes for a printer, kept in the store before
// they are sent, so a failed job (paper out, cover open, offline) keeps its
// reason and can be retried, cancelled or reprinted from history.
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"

namespace salon {

enum class PrintJobState { Queued, Printed, Failed, Cancelled };
const char* printJobStateName(PrintJobState s);
std::optional<PrintJobState> printJobStateFromName(const std::string& name);

struct PrintJob {
  std::string id;           // UUID made when the job is handed over
  std::string kind;         // receipt, member_card, test
  std::string title;        // what staff see in the history: "小票 S01-20261122-0042"
  std::string printer;      // the printer URI
  std::string bytes;        // ESC/POS
  PrintJobState state = PrintJobState::Queued;
  std::string reason;       // why it failed (an error code), or a warning
  int attempts = 0;
  std::string reprintOf;    // the job this one reprints, or ""
  Instant createdAt = 0, updatedAt = 0;
  std::string ref;          // what it prints: the sale id of a receipt ("" for others)
};

// Port: where jobs are kept. Implemented by storage.
class PrintJobStore {
 public:
  virtual ~PrintJobStore() = default;
  virtual void saveJob(const PrintJob& job) = 0;  // insert (a new id)
  virtual void updateJob(const std::string& id, PrintJobState state, const std::string& reason, int attempts,
                         Instant at) = 0;
  virtual std::optional<PrintJob> findJob(const std::string& id) = 0;
  // The newest first, without their bytes.
  virtual std::vector<PrintJob> recentJobs(int limit) = 0;
};

// Port: hands a job to the printer without waiting for it. Implemented by
// devices (the print queue); the UI thread calls it.
class PrintSpool {
 public:
  virtual ~PrintSpool() = default;
  // Returns the job id at once (in memory, no I/O).
  virtual std::string submit(PrintJob job) = 0;
};

}  // namespace salon
