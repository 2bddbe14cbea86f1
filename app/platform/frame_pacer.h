#pragma once
// When to draw: a few frames after each event (ImGui applies focus and hover a
// frame later), then sleep until the next event.
namespace salon::platform {

class FramePacer {
 public:
  static constexpr int kFramesAfterEvent = 5;

  void eventArrived() { owed_ = kFramesAfterEvent; }
  bool frameDue() const { return owed_ > 0; }
  void frameDrawn() {
    if (owed_ > 0) --owed_;
  }
  // How long the loop may sleep before checking timers again.
  int sleepMs(int idleTimeoutMs) const { return owed_ > 0 ? 0 : idleTimeoutMs; }

 private:
  int owed_ = kFramesAfterEvent;  // the first frames after start
};

}  // namespace salon::platform
