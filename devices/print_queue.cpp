#include "devices/print_queue.h"

#include <chrono>

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon::devices {

PrintQueue::PrintQueue(PrintJobStore& store, const Clock& clock, Opener opener, Listener listener)
    : store_(store), clock_(clock), opener_(std::move(opener)), listener_(std::move(listener)) {
  if (!opener_)
    opener_ = [](const std::string& uri) { return openTransport(parsePrinterUri(uri)); };
  worker_ = std::thread([this] { run(); });
}

PrintQueue::~PrintQueue() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

std::string PrintQueue::submit(PrintJob job) {
  if (job.id.empty()) job.id = newUuid();
  std::string id = job.id;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_.push_back({Op::New, std::move(job), "", ""});
  }
  wake_.notify_one();
  return id;
}

void PrintQueue::retry(const std::string& id) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_.push_back({Op::Retry, {}, id, ""});
  }
  wake_.notify_one();
}

void PrintQueue::cancel(const std::string& id) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_.push_back({Op::Cancel, {}, id, ""});
  }
  wake_.notify_one();
}

std::string PrintQueue::reprint(const std::string& id) {
  std::string newId = newUuid();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_.push_back({Op::Reprint, {}, id, newId});
  }
  wake_.notify_one();
  return newId;
}

void PrintQueue::resume() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_.push_back({Op::Resume, {}, "", ""});
  }
  wake_.notify_one();
}

bool PrintQueue::waitIdle(int timeoutMs) {
  std::unique_lock<std::mutex> lock(mutex_);
  return idle_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return work_.empty() && !busy_; });
}

void PrintQueue::run() {
  for (;;) {
    Work w;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      busy_ = false;
      if (work_.empty()) idle_.notify_all();
      wake_.wait(lock, [&] { return stopping_ || !work_.empty(); });
      if (work_.empty()) return;  // stopping, nothing left
      w = std::move(work_.front());
      work_.pop_front();
      busy_ = true;
    }
    try {
      handle(w);
    } catch (const DomainError& e) {
      // The store itself failed (disk full...): nothing more can be kept.
      report({w.op == Op::New ? w.job.id : w.id, PrintJobState::Failed, e.code() + ": " + e.detail()});
    } catch (const std::exception& e) {
      report({w.op == Op::New ? w.job.id : w.id, PrintJobState::Failed, e.what()});
    }
  }
}

void PrintQueue::handle(Work& w) {
  switch (w.op) {
    case Op::New: {
      Instant now = clock_.now();
      if (w.job.createdAt == 0) w.job.createdAt = now;
      w.job.updatedAt = now;
      w.job.state = PrintJobState::Queued;
      store_.saveJob(w.job);  // kept before a single byte goes out
      attempt(std::move(w.job));
      return;
    }
    case Op::Retry: {
      auto job = store_.findJob(w.id);
      if (!job) throw DomainError("print_job_unknown", w.id);
      if (job->state == PrintJobState::Printed || job->state == PrintJobState::Cancelled)
        throw DomainError("print_job_done", w.id);
      attempt(std::move(*job));
      return;
    }
    case Op::Cancel: {
      auto job = store_.findJob(w.id);
      if (!job) throw DomainError("print_job_unknown", w.id);
      if (job->state == PrintJobState::Printed || job->state == PrintJobState::Cancelled)
        throw DomainError("print_job_done", w.id);
      store_.updateJob(w.id, PrintJobState::Cancelled, job->reason, job->attempts, clock_.now());
      report({w.id, PrintJobState::Cancelled, job->reason});
      return;
    }
    case Op::Reprint: {
      auto job = store_.findJob(w.id);
      if (!job) throw DomainError("print_job_unknown", w.id);
      PrintJob copy = *job;
      copy.id = w.newId;
      copy.reprintOf = job->id;
      copy.attempts = 0;
      copy.reason.clear();
      copy.createdAt = 0;
      w = Work{Op::New, std::move(copy), "", ""};
      handle(w);
      return;
    }
    case Op::Resume:
      for (const PrintJob& j : store_.recentJobs(200))
        if (j.state == PrintJobState::Queued)
          if (auto full = store_.findJob(j.id)) attempt(std::move(*full));
      return;
  }
}

void PrintQueue::attempt(PrintJob job) {
  ++job.attempts;
  PrintOutcome o{job.id, PrintJobState::Printed, ""};
  try {
    auto transport = opener_(job.printer);
    o.reason = sendJob(*transport, job.bytes).warning;
  } catch (const DomainError& e) {
    o.state = PrintJobState::Failed;
    o.reason = e.code() + ": " + e.detail();
  }
  store_.updateJob(job.id, o.state, o.reason, job.attempts, clock_.now());
  report(o);
}

void PrintQueue::report(const PrintOutcome& o) {
  if (listener_) listener_(o);
}

}  // namespace salon::devices
