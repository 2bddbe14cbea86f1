#pragma once
// Work handed to the main thread: a worker posts a result and wakes the loop; the
// loop drains the queue at the start of each frame. The lock is held only to
// move the pending items out, never while they run.
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace salon::platform {

class MainThreadQueue {
 public:
  explicit MainThreadQueue(std::function<void()> wake) : wake_(std::move(wake)) {}

  // Any thread.
  void post(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pending_.push_back(std::move(task));
    }
    if (wake_) wake_();
  }

  // Main thread: runs what was posted; returns how many ran.
  std::size_t drain() {
    std::vector<std::function<void()>> ready;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready.swap(pending_);
    }
    for (auto& t : ready) t();
    return ready.size();
  }

 private:
  std::function<void()> wake_;
  std::mutex mutex_;
  std::vector<std::function<void()>> pending_;
};

}  // namespace salon::platform
