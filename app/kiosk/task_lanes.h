#pragma once
// The kiosk window's Tasks: one worker thread per lane, each opening its own
// back room on first use (on its own thread). Results go to the main thread
// through `post`. The destructor finishes queued tasks and joins.
#include <array>
#include <functional>
#include <memory>
#include <string>

#include "app/kiosk/tasks.h"
#include "app/kiosk/worker.h"

namespace salon::kiosk {

class TaskLanes : public Tasks {
 public:
  using Post = std::function<void(std::function<void()>)>;
  using OpenBackroom = std::function<std::unique_ptr<Backroom>()>;

  TaskLanes(Post post, OpenBackroom open) : post_(std::move(post)), open_(std::move(open)) {}
  ~TaskLanes() override {
    for (auto& l : lanes_) l.worker.reset();  // join before the back rooms go
  }

  void run(Lane lane, const std::string& name, std::function<void(Backroom&)> work,
           std::function<void()> done) override;

 private:
  struct LaneState {
    std::unique_ptr<Backroom> backroom;  // used only on the lane's thread
    std::unique_ptr<Worker> worker = std::make_unique<Worker>();
  };
  Post post_;
  OpenBackroom open_;
  std::array<LaneState, 3> lanes_;
};

}  // namespace salon::kiosk
