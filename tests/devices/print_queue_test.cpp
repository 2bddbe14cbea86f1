// The persistent print queue: a quick hand-over, stored before sent, failures
// kept with their reason, retry, cancel and reprint from history.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "app/core/error.h"
#include "devices/print_queue.h"
#include "devices/virtual_printer_server.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::devices;
using salon::test::TempDir;

namespace {

class MemoryJobs : public PrintJobStore {
 public:
  void saveJob(const PrintJob& j) override {
    if (slowMs) std::this_thread::sleep_for(std::chrono::milliseconds(slowMs));
    std::lock_guard<std::mutex> l(m);
    jobs[j.id] = j;
    order.push_back(j.id);
  }
  void updateJob(const std::string& id, PrintJobState s, const std::string& reason, int attempts, Instant at) override {
    std::lock_guard<std::mutex> l(m);
    auto& j = jobs.at(id);
    j.state = s;
    j.reason = reason;
    j.attempts = attempts;
    j.updatedAt = at;
  }
  std::optional<PrintJob> findJob(const std::string& id) override {
    std::lock_guard<std::mutex> l(m);
    auto it = jobs.find(id);
    if (it == jobs.end()) return std::nullopt;
    return it->second;
  }
  std::vector<PrintJob> recentJobs(int limit) override {
    std::lock_guard<std::mutex> l(m);
    std::vector<PrintJob> out;
    for (auto it = order.rbegin(); it != order.rend() && static_cast<int>(out.size()) < limit; ++it)
      out.push_back(jobs[*it]);
    return out;
  }
  PrintJob get(const std::string& id) {
    std::lock_guard<std::mutex> l(m);
    return jobs.at(id);
  }
  std::mutex m;
  std::map<std::string, PrintJob> jobs;
  std::vector<std::string> order;
  int slowMs = 0;
};

// Records what reached the "printer"; fails while `failWith` is set.
struct FakePrinter {
  std::mutex m;
  std::vector<std::string> printed;
  std::string failWith;
  MemoryJobs* store = nullptr;
  bool storedBeforeSend = true;
  PrintQueue::Opener opener() {
    return [this](const std::string&) -> std::unique_ptr<Transport> {
      struct T : Transport {
        FakePrinter* p;
        explicit T(FakePrinter* f) : p(f) {}
        void write(const std::string& bytes) override {
          std::lock_guard<std::mutex> l(p->m);
          if (!p->failWith.empty()) throw DomainError(p->failWith, "fake");
          bool known = false;
          for (auto& [id, j] : p->store->jobs) known = known || j.bytes == bytes;
          p->storedBeforeSend = p->storedBeforeSend && known;
          p->printed.push_back(bytes);
        }
      };
      return std::make_unique<T>(this);
    };
  }
};

PrintJob job(const std::string& bytes) {
  PrintJob j;
  j.kind = "test";
  j.title = "测试";
  j.printer = "fake:";
  j.bytes = bytes;
  return j;
}

}  // namespace

TEST_CASE("handing a job over takes well under 1 ms even when storage is slow") {
  MemoryJobs store;
  store.slowMs = 300;  // a database stuck behind a checkpoint
  FakePrinter printer;
  printer.store = &store;
  ManualClock clock(1000);
  PrintQueue queue(store, clock, printer.opener());
  std::vector<double> took;
  for (int i = 0; i < 5; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    queue.submit(job("job " + std::to_string(i)));
    took.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(took.begin(), took.end());
  CHECK(took[2] < 1.0);  // the median: a busy CI machine may preempt one hand-over for a moment
  CHECK(took[4] < 50.0);  // but none waits for the 300 ms store
  CHECK(queue.waitIdle(10000));
  CHECK(printer.printed.size() == 5);
  CHECK(printer.storedBeforeSend);
}

TEST_CASE("a failed job keeps its reason, retry prints it, cancel and reprint") {
  MemoryJobs store;
  FakePrinter printer;
  printer.store = &store;
  ManualClock clock(1000);
  std::vector<PrintOutcome> outcomes;
  std::mutex om;
  PrintQueue queue(store, clock, printer.opener(), [&](const PrintOutcome& o) {
    std::lock_guard<std::mutex> l(om);
    outcomes.push_back(o);
  });
  printer.failWith = "printer_paper_out";
  std::string id = queue.submit(job("receipt bytes"));
  REQUIRE(queue.waitIdle(5000));
  PrintJob failed = store.get(id);
  CHECK(failed.state == PrintJobState::Failed);
  CHECK(failed.reason == "printer_paper_out: fake");
  CHECK(failed.bytes == "receipt bytes");
  CHECK(failed.attempts == 1);

  printer.failWith.clear();
  queue.retry(id);
  REQUIRE(queue.waitIdle(5000));
  CHECK(store.get(id).state == PrintJobState::Printed);
  CHECK(store.get(id).attempts == 2);
  CHECK(printer.printed == std::vector<std::string>{"receipt bytes"});

  std::string copy = queue.reprint(id);
  REQUIRE(queue.waitIdle(5000));
  CHECK(copy != id);
  CHECK(store.get(copy).reprintOf == id);
  CHECK(store.get(copy).state == PrintJobState::Printed);
  CHECK(printer.printed.size() == 2);

  printer.failWith = "printer_offline";
  std::string doomed = queue.submit(job("never"));
  REQUIRE(queue.waitIdle(5000));
  queue.cancel(doomed);
  REQUIRE(queue.waitIdle(5000));
  CHECK(store.get(doomed).state == PrintJobState::Cancelled);
  // A printed or cancelled job cannot be retried or cancelled again.
  queue.retry(doomed);
  queue.cancel(id);
  REQUIRE(queue.waitIdle(5000));
  CHECK(store.get(doomed).state == PrintJobState::Cancelled);
  CHECK(store.get(id).state == PrintJobState::Printed);
  std::lock_guard<std::mutex> l(om);
  CHECK(outcomes.back().reason.rfind("print_job_done", 0) == 0);
}

TEST_CASE("resume sends jobs left queued by a crash") {
  MemoryJobs store;
  PrintJob left = job("left over");
  left.id = "11111111-1111-4111-8111-111111111111";
  store.saveJob(left);
  FakePrinter printer;
  printer.store = &store;
  ManualClock clock(1000);
  PrintQueue queue(store, clock, printer.opener());
  queue.resume();
  REQUIRE(queue.waitIdle(5000));
  CHECK(store.get(left.id).state == PrintJobState::Printed);
}

TEST_CASE("with the virtual printer faulted, the job stays stored with the fault as its reason") {
  struct Case { PrinterFault fault; const char* code; };
  for (Case c : {Case{PrinterFault::PaperOut, "printer_paper_out"}, Case{PrinterFault::CoverOpen, "printer_cover_open"},
                 Case{PrinterFault::Offline, "printer_offline"}}) {
    TempDir dir;
    VirtualPrinterServer server(dir.path().string(), defaultProfile(), c.fault);
    int port = server.listen(0);
    std::atomic<bool> stop{false};
    std::thread t([&] { server.run(stop, [](const std::string&) {}); });
    MemoryJobs store;
    ManualClock clock(1000);
    {
      PrintQueue queue(store, clock);
      PrintJob j = job("\x1b@paper\n");
      j.printer = "tcp://127.0.0.1:" + std::to_string(port);
      std::string id = queue.submit(j);
      REQUIRE(queue.waitIdle(10000));
      PrintJob kept = store.get(id);
      CHECK(kept.state == PrintJobState::Failed);
      CHECK(kept.reason.rfind(c.code, 0) == 0);
      CHECK(kept.bytes == j.bytes);
    }
    stop = true;
    t.join();
    CHECK_FALSE(std::filesystem::exists(dir.file("job-0001.bin")));
  }
}
