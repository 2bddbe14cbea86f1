#include "app/kiosk/task_lanes.h"

#include <exception>
#include <iostream>

namespace salon::kiosk {

void TaskLanes::run(Lane lane, const std::string& name, std::function<void(Backroom&)> work,
                    std::function<void()> done) {
  LaneState& l = lanes_[static_cast<std::size_t>(lane)];
  l.worker->run([this, &l, name, work = std::move(work), done = std::move(done)] {
    try {
      if (!l.backroom) l.backroom = open_();
      work(*l.backroom);
    } catch (const std::exception& e) {
      // The work reports its own failures through `done`; an escape is a bug, logged.
      std::cerr << "task " << name << ": " << e.what() << "\n";
    }
    if (done) post_(done);
  });
}

}  // namespace salon::kiosk
