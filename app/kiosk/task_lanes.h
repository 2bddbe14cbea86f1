#pragma once
// The kiosk window's Tasks: one thread per lane, each opening its own back room
// on first use (on its own thread). Tasks on a lane run in order; lanes run
// independently. Results go to the main thread through `post`. What is running
// (name, lane, since when) can be listed for the log and the status bar. The
// destructor finishes the queued tasks and joins.
#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/kiosk/tasks.h"

namespace salon::kiosk {

struct RunningTask {
  TaskId id = 0;
  std::string name;
  Lane lane = Lane::Pins;
  std::chrono::steady_clock::time_point since;
};

class TaskLanes : public Tasks {
 public:
  using Post = std::function<void(std::function<void()>)>;
  using OpenBackroom = std::function<std::unique_ptr<Backroom>()>;

  TaskLanes(Post post, OpenBackroom open);
  ~TaskLanes() override;
  TaskLanes(const TaskLanes&) = delete;
  TaskLanes& operator=(const TaskLanes&) = delete;

  TaskId run(Lane lane, const std::string& name, std::function<void(Backroom&)> work,
             std::function<void()> done) override;
  bool cancel(TaskId id) override;

  // The tasks running now, one per busy lane (thread-safe).
  std::vector<RunningTask> running() const;
  // How many tasks wait on `lane` behind the running one.
  std::size_t queued(Lane lane) const;
  // "pin check (Pins, 120 ms); pinyin start (Devices, 2300 ms)", or "".
  std::string describeRunning() const;

 private:
  struct Task {
    TaskId id = 0;
    std::string name;
    std::function<void(Backroom&)> work;
    std::function<void()> done;
  };
  struct LaneState {
    Lane lane = Lane::Pins;
    std::deque<Task> queue;
    std::optional<RunningTask> running;
    std::unique_ptr<Backroom> backroom;  // used only on the lane's thread
    std::thread thread;
  };
  void loop(LaneState& l);
  void perform(LaneState& l, Task& t);

  Post post_;
  OpenBackroom open_;
  mutable std::mutex mutex_;  // guards every lane's queue and running task, and the ids
  std::condition_variable ready_;
  bool stopping_ = false;
  TaskId nextId_ = 1;
  std::array<LaneState, 5> lanes_;  // one per Lane
};

}  // namespace salon::kiosk
