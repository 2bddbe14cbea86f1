#pragma once
// Tasks held until the test lets them run, as a busy lane would; cancel() drops
// one still waiting (unless the test says it already started). A test sees which
// lane each task was given (a PIN check must go to Lane::Pins, never the frame).
#include <deque>
#include <functional>
#include <string>
#include <utility>

#include "app/kiosk/tasks.h"

namespace salon::test {

struct HeldTasks : kiosk::Tasks {
  explicit HeldTasks(Backroom& b) : backroom(b) {}
  struct Held {
    kiosk::TaskId id;
    kiosk::Lane lane;
    std::function<void(Backroom&)> work;
    std::function<void()> done;
  };
  Backroom& backroom;
  std::deque<Held> waiting;
  kiosk::TaskId next = 1;
  bool started = false;  // true: every task counts as started (cancel refuses)
  kiosk::TaskId run(kiosk::Lane lane, const std::string&, std::function<void(Backroom&)> work,
                    std::function<void()> done) override {
    waiting.push_back({next, lane, std::move(work), std::move(done)});
    return next++;
  }
  bool cancel(kiosk::TaskId id) override {
    if (started) return false;
    for (auto it = waiting.begin(); it != waiting.end(); ++it)
      if (it->id == id) return waiting.erase(it), true;
    return false;
  }
  void runOne() {
    Held t = std::move(waiting.front());
    waiting.pop_front();
    t.work(backroom);
    if (t.done) t.done();
  }
  void runAll() {
    while (!waiting.empty()) runOne();
  }
};

}  // namespace salon::test
