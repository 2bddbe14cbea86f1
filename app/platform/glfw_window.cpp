// GLFW: the alternative for back-office desktops (`--platform glfw`). A worker
// wakes the loop with glfwPostEmptyEvent. Input callbacks are ours (ImGui's are
// not installed) so every event goes through the input queue.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharToUtf8
#include <imgui/backends/imgui_impl_glfw.h>
#include <imgui/backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "app/platform/window.h"

namespace salon::platform {
namespace {

Key translateKey(int k) {
  switch (k) {
    case GLFW_KEY_ENTER: case GLFW_KEY_KP_ENTER: return Key::Enter;
    case GLFW_KEY_BACKSPACE: return Key::Backspace;
    case GLFW_KEY_ESCAPE: return Key::Escape;
    case GLFW_KEY_TAB: return Key::Tab;
    case GLFW_KEY_LEFT: return Key::Left;
    case GLFW_KEY_RIGHT: return Key::Right;
    case GLFW_KEY_UP: return Key::Up;
    case GLFW_KEY_DOWN: return Key::Down;
    case GLFW_KEY_DELETE: return Key::Delete;
    case GLFW_KEY_HOME: return Key::Home;
    case GLFW_KEY_END: return Key::End;
    default: return Key::None;
  }
}

// GLFW key → USB HID usage id (what the wedge decoder reads); 0 if none.
std::uint16_t hidUsage(int k) {
  if (k >= GLFW_KEY_A && k <= GLFW_KEY_Z) return static_cast<std::uint16_t>(4 + (k - GLFW_KEY_A));
  if (k >= GLFW_KEY_1 && k <= GLFW_KEY_9) return static_cast<std::uint16_t>(30 + (k - GLFW_KEY_1));
  if (k >= GLFW_KEY_KP_1 && k <= GLFW_KEY_KP_9) return static_cast<std::uint16_t>(89 + (k - GLFW_KEY_KP_1));
  switch (k) {
    case GLFW_KEY_0: return 39;
    case GLFW_KEY_KP_0: return 98;
    case GLFW_KEY_ENTER: return 40;
    case GLFW_KEY_KP_ENTER: return 88;
    case GLFW_KEY_SPACE: return 44;
    case GLFW_KEY_MINUS: return 45;
    case GLFW_KEY_EQUAL: return 46;
    case GLFW_KEY_LEFT_BRACKET: return 47;
    case GLFW_KEY_RIGHT_BRACKET: return 48;
    case GLFW_KEY_BACKSLASH: return 49;
    case GLFW_KEY_SEMICOLON: return 51;
    case GLFW_KEY_APOSTROPHE: return 52;
    case GLFW_KEY_GRAVE_ACCENT: return 53;
    case GLFW_KEY_COMMA: return 54;
    case GLFW_KEY_PERIOD: return 55;
    case GLFW_KEY_SLASH: return 56;
    default: return 0;
  }
}

class GlfwWindow : public Window {
 public:
  explicit GlfwWindow(const WindowOptions& o) {
    if (!glfwInit()) throw std::runtime_error("glfwInit failed (no display?)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    GLFWmonitor* monitor = o.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int w = o.width, h = o.height;
    if (monitor) {
      const GLFWvidmode* mode = glfwGetVideoMode(monitor);
      w = mode->width;
      h = mode->height;
    }
    window_ = glfwCreateWindow(w, h, o.title.c_str(), monitor, nullptr);
    if (!window_) {
      glfwTerminate();
      throw std::runtime_error("glfwCreateWindow failed");
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    glfwSetWindowUserPointer(window_, this);
    glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double x, double y) { self(w).onMove(x, y); });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int b, int action, int) {
      self(w).onButton(b, action == GLFW_PRESS);
    });
    glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double y) {
      self(w).input_.push(InputEvent::wheel(static_cast<float>(y)));
    });
    glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int mods) {
      if (action == GLFW_PRESS) self(w).onRawKey(key, (mods & GLFW_MOD_SHIFT) != 0);
      if (action != GLFW_REPEAT) self(w).onKey(translateKey(key), action == GLFW_PRESS);
    });
    glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned c) { self(w).onChar(c); });
    glfwSetWindowCloseCallback(window_, [](GLFWwindow* w) { self(w).closeRequested_ = true; });
    ImGui_ImplGlfw_InitForOpenGL(window_, false);
    ImGui_ImplOpenGL3_Init("#version 150");
    InputQueue::installKeyMap(ImGui::GetIO());
  }
  ~GlfwWindow() override {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    glfwDestroyWindow(window_);
    glfwTerminate();
  }

  bool waitEvents(int timeoutMs) override {
    std::size_t before = input_.size();
    bool wasClosing = closeRequested_;
    if (holdingKeys()) timeoutMs = std::min(timeoutMs, kGateWaitMs);  // a held burst is decided soon
    if (timeoutMs > 0) glfwWaitEventsTimeout(timeoutMs / 1000.0);
    else glfwPollEvents();
    bool released = keysIdle(nowMs());
    // GLFW does not say whether anything arrived: a timeout looks like a wake-up.
    return released || input_.size() != before || closeRequested_ != wasClosing || pendingWake();
  }

  void beginFrame() override {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    input_.feedFrame(ImGui::GetIO(), nowMs());
    ImGui::NewFrame();
  }
  void present() override { glfwSwapBuffers(window_); }

  void wake() override {
    wakes_.fetch_add(1);
    glfwPostEmptyEvent();  // thread-safe
  }
  void size(int& w, int& h) const override { glfwGetFramebufferSize(window_, &w, &h); }
  std::uint32_t nowMs() const override { return static_cast<std::uint32_t>(glfwGetTime() * 1000.0); }

  // GLFW cannot inject into its own queue: injected events enter our callbacks,
  // the same functions the real ones call.
  void injectMouse(float x, float y, bool down) override {
    onMoveFramebuffer(x, y);
    onButton(GLFW_MOUSE_BUTTON_LEFT, down);
  }
  void injectKey(Key key, bool down) override { onKey(key, down); }
  void injectText(const std::string& utf8) override { keyboardEvent(InputEvent::textEvent(utf8)); }

 private:
  static GlfwWindow& self(GLFWwindow* w) { return *static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w)); }
  bool pendingWake() { return wakes_.exchange(0) > 0; }
  float pixelScale() const {
    int ww, wh, fw, fh;
    glfwGetWindowSize(window_, &ww, &wh);
    glfwGetFramebufferSize(window_, &fw, &fh);
    return ww > 0 ? static_cast<float>(fw) / ww : 1.0f;
  }
  void onMove(double x, double y) {
    onMoveFramebuffer(static_cast<float>(x) * pixelScale(), static_cast<float>(y) * pixelScale());
  }
  void onMoveFramebuffer(float x, float y) { input_.push(InputEvent::move(x, y)); }
  void onButton(int b, bool down) {
    if (b >= 0 && b < 3) input_.push(InputEvent::mouse(b, down));
  }
  void onKey(Key k, bool down) {
    if (k != Key::None) keyboardEvent(InputEvent::keyEvent(k, down));
  }
  void onRawKey(int key, bool shift) {
    if (std::uint16_t usage = hidUsage(key)) rawKey({usage, shift, nowMs()});
  }
  void onChar(unsigned c) {
    char utf8[5];
    keyboardEvent(InputEvent::textEvent(ImTextCharToUtf8(utf8, c)));
  }

  GLFWwindow* window_ = nullptr;
  std::atomic<int> wakes_{0};
};

}  // namespace

std::unique_ptr<Window> openGlfwWindow(const WindowOptions& options) {
  return std::make_unique<GlfwWindow>(options);
}

}  // namespace salon::platform
