#pragma once
// Scripted sessions: drive the real window from a text file, one step per line.
//   tap <id|label>   mouse press and release at the centre of the widget as last drawn
//                    (after the moment a new screen takes no presses)
//   doubletap <id|label>  the same, and a second tap at the same spot 50 ms later
//   type <text>      text input, one character per event
//   key <name>       enter, backspace, escape, tab, left, right, up, down, delete, home, end
//   scan <payload>   a wedge reader: a fast burst of raw key presses and Enter (decoded
//                    by the window's gate like a real reader); @member:N = the N-th
//                    member's number in this database, @memberqr:N = that member's
//                    signed card QR
//   wait <frames>    let frames pass
//   shot <name>      save the frame as <shots>/<name>.png
//   expect <text>    pass when <text> was drawn in the current frame (waits up to 3 s)
// '#' starts a comment. The first failing step ends the session with its line.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/core/backroom.h"
#include "app/platform/window.h"
#include "app/ui/frame_record.h"

namespace salon::kiosk {

struct ScriptStep {
  int line = 0;
  std::string verb;
  std::string arg;
};

// Throws std::runtime_error on an unknown verb, naming the line.
std::vector<ScriptStep> parseScript(const std::string& text);

// The lookups behind @member:N and @memberqr:N: the N-th member's number, and
// that member's card QR as card printing signs it ("" if there is no such member).
std::string nthMemberNo(Backroom& backroom, int n);
std::string nthMemberQr(Backroom& backroom, int n);

class ScriptRunner {
 public:
  enum class State { Running, Passed, Failed };
  using MemberLookup = std::function<std::string(int n)>;  // "" if there is none

  ScriptRunner(std::string name, std::vector<ScriptStep> steps, std::string shotsDir, MemberLookup members,
               MemberLookup memberQrs = {});

  // After a frame was rendered and before it is presented.
  State afterFrame(const ui::FrameRecord& frame, platform::Window& window);
  const std::string& failure() const { return failure_; }

 private:
  using Clock = std::chrono::steady_clock;
  bool step(const ScriptStep& s, const ui::FrameRecord& frame, platform::Window& window);
  void fail(const ScriptStep& s, const std::string& why);
  bool advance(bool sameFrame);
  bool scan(const ScriptStep& s, platform::Window& window);
  bool shot(const ScriptStep& s, platform::Window& window);
  bool retryExpired();

  std::string name_;
  std::vector<ScriptStep> steps_;
  std::string shotsDir_;
  MemberLookup members_;
  MemberLookup memberQrs_;
  std::size_t next_ = 0;
  int settle_ = 0;
  int waitFrames_ = 0;
  bool retrying_ = false;
  Clock::time_point retryStart_;
  std::string failure_;
  struct Tap {
    float x, y;
    Clock::time_point at;
  };
  std::optional<Tap> secondTap_;
  State state_ = State::Running;
};

}  // namespace salon::kiosk
