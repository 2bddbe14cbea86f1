#pragma once
// Slow work off the frame, as named tasks on lanes (ImHex's task manager is the
// model, without its globals). Each lane is one thread with its own back room
// (its own database connection), so a slow printer never holds up a PIN check
// and a report never holds up the printer. `done` runs on the main thread; a
// desk that may have moved on tags its task and drops a stale result there, or
// cancels it while it is still queued.
#include <cstdint>
#include <functional>
#include <string>

#include "app/core/backroom.h"

namespace salon::kiosk {

enum class Lane {
  Pins,     // PIN hashing (sign-in, new PINs): deliberately slow, must stay short-queued
  Devices,  // printers, card encoders, the pinyin engine's start
  Reports,  // large reads: reports, exports, quick checks
  Sync,     // head-office sync: rounds with backoff, enrolment (the network may take its time)
  Lookups,  // questions to head office while a customer waits (a member's figures): short timeouts
};

const char* laneName(Lane lane);

using TaskId = std::uint64_t;  // 0: no task (it ran at once)

class Tasks {
 public:
  virtual ~Tasks() = default;
  // Runs `work` on `lane` with that lane's back room, then `done` on the main thread.
  // `name` says what it is (for the log and the task list).
  virtual TaskId run(Lane lane, const std::string& name, std::function<void(Backroom&)> work,
                     std::function<void()> done) = 0;
  // Drops a task that has not started yet (its result would be stale): neither
  // its work nor its `done` runs. False if it already started or finished.
  virtual bool cancel(TaskId id) {
    (void)id;
    return false;
  }
};

// Tests and headless runs: the work and its result at once, on the caller's back room.
class InlineTasks : public Tasks {
 public:
  explicit InlineTasks(Backroom& backroom) : backroom_(backroom) {}
  TaskId run(Lane, const std::string&, std::function<void(Backroom&)> work, std::function<void()> done) override {
    work(backroom_);
    if (done) done();
    return 0;
  }

 private:
  Backroom& backroom_;
};

}  // namespace salon::kiosk
