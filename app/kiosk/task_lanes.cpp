#include "app/kiosk/task_lanes.h"

#include <exception>
#include <iostream>
#include <sstream>

namespace salon::kiosk {

const char* laneName(Lane lane) {
  switch (lane) {
    case Lane::Pins: return "Pins";
    case Lane::Devices: return "Devices";
    case Lane::Reports: return "Reports";
    case Lane::Sync: return "Sync";
    case Lane::Lookups: return "Lookups";
  }
  return "?";
}

TaskLanes::TaskLanes(Post post, OpenBackroom open) : post_(std::move(post)), open_(std::move(open)) {
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    lanes_[i].lane = static_cast<Lane>(i);
    lanes_[i].thread = std::thread([this, &l = lanes_[i]] { loop(l); });
  }
}

TaskLanes::~TaskLanes() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (LaneState& l : lanes_) l.thread.join();  // each finishes its queue first
}

TaskId TaskLanes::run(Lane lane, const std::string& name, std::function<void(Backroom&)> work,
                      std::function<void()> done) {
  TaskId id = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    id = nextId_++;
    lanes_[static_cast<std::size_t>(lane)].queue.push_back({id, name, std::move(work), std::move(done)});
  }
  ready_.notify_all();
  return id;
}

bool TaskLanes::cancel(TaskId id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (LaneState& l : lanes_)
    for (auto it = l.queue.begin(); it != l.queue.end(); ++it)
      if (it->id == id) {
        l.queue.erase(it);
        return true;
      }
  return false;
}

void TaskLanes::loop(LaneState& l) {
  for (;;) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !l.queue.empty(); });
      if (l.queue.empty()) return;  // stopping, and nothing left
      task = std::move(l.queue.front());
      l.queue.pop_front();
      l.running = RunningTask{task.id, task.name, l.lane, std::chrono::steady_clock::now()};
    }
    perform(l, task);
    std::lock_guard<std::mutex> lock(mutex_);
    l.running.reset();
  }
}

void TaskLanes::perform(LaneState& l, Task& t) {
  try {
    if (!l.backroom) l.backroom = open_();
    t.work(*l.backroom);
  } catch (const std::exception& e) {
    // The work reports its own failures through `done`; an escape is a bug, logged.
    std::cerr << "task " << t.name << " (" << laneName(l.lane) << "): " << e.what() << "\n";
  }
  if (t.done) post_(std::move(t.done));
}

std::vector<RunningTask> TaskLanes::running() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<RunningTask> out;
  for (const LaneState& l : lanes_)
    if (l.running) out.push_back(*l.running);
  return out;
}

std::size_t TaskLanes::queued(Lane lane) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lanes_[static_cast<std::size_t>(lane)].queue.size();
}

std::string TaskLanes::describeRunning() const {
  std::ostringstream s;
  const auto now = std::chrono::steady_clock::now();
  for (const RunningTask& t : running()) {
    if (s.tellp() > 0) s << "; ";
    s << t.name << " (" << laneName(t.lane) << ", "
      << std::chrono::duration_cast<std::chrono::milliseconds>(now - t.since).count() << " ms)";
  }
  return s.str();
}

}  // namespace salon::kiosk
