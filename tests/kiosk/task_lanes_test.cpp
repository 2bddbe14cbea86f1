// The window's task lanes: in order on a lane, independent across lanes, each
// lane with its own back room, results through the main-thread post, queued
// tasks cancellable, and what runs listed by name.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "app/kiosk/task_lanes.h"
#include "storage/sqlite_backroom.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::kiosk;
using namespace std::chrono_literals;

namespace {

// The main thread's queue as the lanes see it: `done`s wait here until drained.
struct Posted {
  std::mutex m;
  std::vector<std::function<void()>> jobs;
  void post(std::function<void()> f) {
    std::lock_guard<std::mutex> lock(m);
    jobs.push_back(std::move(f));
  }
  // Waits until `n` results arrived, then runs them here (the "main thread").
  bool drain(std::size_t n) {
    for (auto t0 = std::chrono::steady_clock::now(); std::chrono::steady_clock::now() - t0 < 10s;) {
      std::vector<std::function<void()>> got;
      {
        std::lock_guard<std::mutex> lock(m);
        if (jobs.size() >= n) got.swap(jobs);
      }
      if (!got.empty()) {
        for (auto& f : got) f();
        return true;
      }
      std::this_thread::sleep_for(1ms);
    }
    return false;
  }
};

// A gate the test opens: a task waits on it (a printer that does not answer).
struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool open = false;
  void wait() {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return open; });
  }
  void release() {
    {
      std::lock_guard<std::mutex> lock(m);
      open = true;
    }
    cv.notify_all();
  }
};

struct LanesFixture {
  test::TempDir dir;
  std::string path = dir.file("k.db");
  std::unique_ptr<storage::Database> db = storage::Database::open(path);  // creates the store
  Posted posted;
  std::atomic<int> opened{0};
  TaskLanes lanes{[this](std::function<void()> f) { posted.post(std::move(f)); },
                  [this]() -> std::unique_ptr<Backroom> {
                    ++opened;
                    return storage::SqliteBackroom::open(path);
                  }};
};

}  // namespace

TEST_CASE("tasks on one lane run in order, done runs where the post delivers it") {
  LanesFixture f;
  std::vector<int> order;  // written by the lane, read after the results arrived
  std::vector<int> doneOrder;
  const auto mainThread = std::this_thread::get_id();
  std::set<std::thread::id> doneThreads;
  for (int i = 0; i < 5; ++i)
    f.lanes.run(Lane::Reports, "step", [&order, i](Backroom&) { order.push_back(i); },
                [&, i] {
                  doneOrder.push_back(i);
                  doneThreads.insert(std::this_thread::get_id());
                });
  REQUIRE(f.posted.drain(5));
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(doneOrder == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(doneThreads == std::set<std::thread::id>{mainThread});
}

TEST_CASE("a blocked Devices task does not delay a PIN check, the running one is listed by name") {
  LanesFixture f;
  Gate printer;
  std::atomic<bool> printing{false};
  f.lanes.run(Lane::Devices, "print member card", [&](Backroom&) {
    printing = true;
    printer.wait();
  }, nullptr);
  bool pinChecked = false;
  f.lanes.run(Lane::Pins, "pin check", [](Backroom& b) { (void)b.staff().listStaff(); }, [&] { pinChecked = true; });
  REQUIRE(f.posted.drain(1));
  CHECK(pinChecked);
  while (!printing) std::this_thread::sleep_for(1ms);
  auto running = f.lanes.running();
  REQUIRE(running.size() == 1);
  CHECK(running[0].name == "print member card");
  CHECK(running[0].lane == Lane::Devices);
  CHECK(f.lanes.describeRunning().rfind("print member card (Devices, ", 0) == 0);
  printer.release();
}

TEST_CASE("each lane opens its own back room once, on its own thread") {
  LanesFixture f;
  std::mutex m;
  std::set<Backroom*> rooms;
  std::set<std::thread::id> threads;
  for (int round = 0; round < 2; ++round)
    for (Lane lane : {Lane::Pins, Lane::Devices, Lane::Reports})
      f.lanes.run(lane, "look", [&](Backroom& b) {
        std::lock_guard<std::mutex> lock(m);
        rooms.insert(&b);
        threads.insert(std::this_thread::get_id());
      }, [] {});
  REQUIRE(f.posted.drain(6));
  CHECK(rooms.size() == 3);
  CHECK(threads.size() == 3);
  CHECK(threads.count(std::this_thread::get_id()) == 0);
  CHECK(f.opened == 3);
}

TEST_CASE("a queued task whose result would be stale is cancelled: neither work nor done runs") {
  LanesFixture f;
  Gate hold;
  std::atomic<bool> started{false};
  f.lanes.run(Lane::Pins, "slow pin check", [&](Backroom&) {
    started = true;
    hold.wait();
  }, [] {});
  while (!started) std::this_thread::sleep_for(1ms);
  bool ran = false, done = false;
  TaskId stale = f.lanes.run(Lane::Pins, "pin check", [&](Backroom&) { ran = true; }, [&] { done = true; });
  CHECK(f.lanes.queued(Lane::Pins) == 1);
  CHECK(f.lanes.cancel(stale));
  CHECK_FALSE(f.lanes.cancel(stale));  // once only
  CHECK(f.lanes.queued(Lane::Pins) == 0);
  hold.release();
  REQUIRE(f.posted.drain(1));  // the slow one's result
  CHECK_FALSE(ran);
  CHECK_FALSE(done);
}
