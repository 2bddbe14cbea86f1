#pragma once
// The kiosk's window: SDL2 (default, touch arrives as mouse input) or GLFW (for
// back-office desktops), an OpenGL 3 context and Dear ImGui's backends. Nothing
// outside app/platform knows which one is in use.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/platform/input_queue.h"
#include "app/platform/key_gate.h"

namespace salon::platform {

enum class Backend { Sdl, Glfw };
Backend backendFromName(const std::string& name);  // "sdl" | "glfw"; throws std::invalid_argument

struct WindowOptions {
  std::string title = "Salon Kiosk";
  int width = 1024;
  int height = 768;
  bool fullscreen = false;
};

struct Pixels {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;  // top row first
};

class Window {
 public:
  // Creates the window and the ImGui context's backends (the caller owns the
  // ImGui context and creates it first). Throws std::runtime_error.
  static std::unique_ptr<Window> open(Backend backend, const WindowOptions& options);
  virtual ~Window() = default;

  // Sleeps until an event arrives or `timeoutMs` passes (0: just poll), and
  // queues what arrived. Returns true if anything arrived (input or a wake-up).
  virtual bool waitEvents(int timeoutMs) = 0;
  bool closeRequested() const { return closeRequested_; }

  // Backend NewFrame, the queued input for this frame, then ImGui::NewFrame.
  virtual void beginFrame() = 0;
  // ImGui::Render must have been called: draws it into the back buffer.
  void render();
  // Reads the back buffer (after render(), before present()).
  Pixels readPixels() const;
  virtual void present() = 0;

  // Thread-safe: wakes waitEvents() from any thread.
  virtual void wake() = 0;
  // The font atlas changed between frames: upload it again.
  void reloadFontTexture();
  // A picture to draw with ImGui::Image (a receipt preview): uploads `p` into
  // the texture `reuse` (0: a new one) and returns its id. Between frames only.
  std::uintptr_t showPicture(const Pixels& p, std::uintptr_t reuse);

  // A short sound: a good scan (one high tone) or a refused one (two low tones).
  // Silent where the platform has no sound (GLFW) or SDL_AUDIODRIVER=dummy.
  virtual void chime(bool good) { (void)good; }

  // Framebuffer size in pixels.
  virtual void size(int& width, int& height) const = 0;
  bool inputPending() const { return !input_.empty() || !held_.empty(); }
  // Presses are dropped for `ms` from now (see InputQueue::quietUntil).
  void quietPresses(std::uint32_t ms) { input_.quietUntil(nowMs() + ms); }
  bool pressesQuiet() const { return input_.quiet(nowMs()); }

  // Card and QR readers: raw key presses go through `gate` (not owned; null:
  // none), and the codes it recognised are taken here, once, in order.
  void setKeyGate(KeyGate* gate) { gate_ = gate; }
  std::vector<std::string> takeScans();

  // Scripted sessions: the same path a real mouse, keyboard or wedge reader takes.
  virtual void injectMouse(float x, float y, bool down) = 0;
  virtual void injectKey(Key key, bool down) = 0;
  virtual void injectText(const std::string& utf8) = 0;
  // A reader's key: the raw press (through the gate), its text, and Enter's key
  // events, as a real key press arrives; `ascii` is the character it types.
  void injectKeystroke(char ascii);

 protected:
  // Backends hand keyboard input (Key and Text events) here, and every raw key
  // press to rawKey() before that key's own events.
  void keyboardEvent(InputEvent e);
  void rawKey(const RawKey& k);
  // Called after each wait: releases a stalled burst; true if input was released.
  bool keysIdle(std::uint32_t nowMs);
  bool holdingKeys() const { return hold_; }
  // Milliseconds on the clock the backend stamps its key events with.
  virtual std::uint32_t nowMs() const = 0;
  static constexpr int kGateWaitMs = 40;  // how soon a held burst is looked at again

  InputQueue input_;
  bool closeRequested_ = false;

 private:
  void apply(const GateVerdict& v);
  KeyGate* gate_ = nullptr;
  std::vector<InputEvent> held_;
  std::vector<std::string> scans_;
  bool hold_ = false;
  bool swallowEnter_ = false;
};

}  // namespace salon::platform
