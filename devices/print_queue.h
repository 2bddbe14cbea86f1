#pragma once
// The persistent print queue. The UI thread hands a job over in memory (a short
// lock, no I/O: well under a millisecond whatever the printer or database is
// doing); a worker thread stores it through core's PrintJobStore port BEFORE it
// is sent, sends it, and records the outcome. A failed job keeps its reason
// and can be retried, cancelled, or reprinted from history.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/core/clock.h"
#include "app/core/print_job.h"
#include "devices/transports/transport.h"

namespace salon::devices {

struct PrintOutcome {
  std::string jobId;
  PrintJobState state = PrintJobState::Queued;
  std::string reason;  // error code and detail, or a warning
};

class PrintQueue : public PrintSpool {
 public:
  using Opener = std::function<std::unique_ptr<Transport>(const std::string& uri)>;
  using Listener = std::function<void(const PrintOutcome&)>;

  PrintQueue(PrintJobStore& store, const Clock& clock, Opener opener = {}, Listener listener = {});
  ~PrintQueue() override;  // finishes the jobs already handed over, then stops
  PrintQueue(const PrintQueue&) = delete;
  PrintQueue& operator=(const PrintQueue&) = delete;

  std::string submit(PrintJob job) override;
  // Each of these is done by the worker too; they return at once.
  void retry(const std::string& jobId);
  void cancel(const std::string& jobId);
  std::string reprint(const std::string& jobId);  // a new job with the same bytes
  // Sends again every job still queued in the store (after a restart).
  void resume();
  // Until everything handed over is done; false on timeout.
  bool waitIdle(int timeoutMs);

 private:
  enum class Op { New, Retry, Cancel, Reprint, Resume };
  struct Work {
    Op op;
    PrintJob job;          // New
    std::string id;        // Retry, Cancel, Reprint (source)
    std::string newId;     // Reprint
  };
  void run();
  void handle(Work& w);
  void attempt(PrintJob job);
  void report(const PrintOutcome& o);

  PrintJobStore& store_;
  const Clock& clock_;
  Opener opener_;
  Listener listener_;
  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<Work> work_;
  bool busy_ = false, stopping_ = false;
  std::thread worker_;
};

}  // namespace salon::devices
