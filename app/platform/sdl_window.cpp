// SDL2: the kiosk's default. Touch arrives as mouse events (SDL's touch-mouse
// emulation); a worker wakes the loop with SDL_PushEvent.
#include <SDL2/SDL.h>
#include <imgui.h>
#include <imgui/backends/imgui_impl_opengl3.h>
#include <imgui/backends/imgui_impl_sdl.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "app/platform/window.h"

namespace salon::platform {
namespace {

Key translateKey(SDL_Keycode k) {
  switch (k) {
    case SDLK_RETURN: case SDLK_KP_ENTER: return Key::Enter;
    case SDLK_BACKSPACE: return Key::Backspace;
    case SDLK_ESCAPE: return Key::Escape;
    case SDLK_TAB: return Key::Tab;
    case SDLK_LEFT: return Key::Left;
    case SDLK_RIGHT: return Key::Right;
    case SDLK_UP: return Key::Up;
    case SDLK_DOWN: return Key::Down;
    case SDLK_DELETE: return Key::Delete;
    case SDLK_HOME: return Key::Home;
    case SDLK_END: return Key::End;
    default: return Key::None;
  }
}

SDL_Keycode sdlKey(Key k) {
  switch (k) {
    case Key::Enter: return SDLK_RETURN;
    case Key::Backspace: return SDLK_BACKSPACE;
    case Key::Escape: return SDLK_ESCAPE;
    case Key::Tab: return SDLK_TAB;
    case Key::Left: return SDLK_LEFT;
    case Key::Right: return SDLK_RIGHT;
    case Key::Up: return SDLK_UP;
    case Key::Down: return SDLK_DOWN;
    case Key::Delete: return SDLK_DELETE;
    case Key::Home: return SDLK_HOME;
    case Key::End: return SDLK_END;
    default: return SDLK_UNKNOWN;
  }
}

class SdlWindow : public Window {
 public:
  explicit SdlWindow(const WindowOptions& o) {
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
      throw std::runtime_error(std::string("SDL_Init: ") + SDL_GetError());
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = o.width, h = o.height;
    SDL_DisplayMode desktop;
    if (o.fullscreen && SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
      // Created at the screen's size too: without a window manager (a bare kiosk
      // X session) FULLSCREEN_DESKTOP alone leaves the window at its first size.
      flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
      x = y = 0;
      w = desktop.w;
      h = desktop.h;
    }
    window_ = SDL_CreateWindow(o.title.c_str(), x, y, w, h, flags);
    if (!window_) {
      SDL_Quit();
      throw std::runtime_error(std::string("SDL_CreateWindow: ") + SDL_GetError());
    }
    gl_ = SDL_GL_CreateContext(window_);
    if (!gl_) {
      SDL_DestroyWindow(window_);
      SDL_Quit();
      throw std::runtime_error(std::string("SDL_GL_CreateContext: ") + SDL_GetError());
    }
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);
    wakeEvent_ = SDL_RegisterEvents(1);
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init("#version 150");
    InputQueue::installKeyMap(ImGui::GetIO());
    SDL_StartTextInput();
  }
  ~SdlWindow() override {
    if (audio_) SDL_CloseAudioDevice(audio_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    SDL_GL_DeleteContext(gl_);
    SDL_DestroyWindow(window_);
    SDL_Quit();
  }

  bool waitEvents(int timeoutMs) override {
    if (holdingKeys()) timeoutMs = std::min(timeoutMs, kGateWaitMs);  // a held burst is decided soon
    SDL_Event e;
    bool any = timeoutMs > 0 ? SDL_WaitEventTimeout(&e, timeoutMs) != 0 : SDL_PollEvent(&e) != 0;
    if (any) {
      do translate(e);
      while (SDL_PollEvent(&e));
    }
    return keysIdle(SDL_GetTicks()) || any;
  }

  void beginFrame() override {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    input_.feedFrame(ImGui::GetIO(), nowMs());
    ImGui::NewFrame();
  }

  void present() override { SDL_GL_SwapWindow(window_); }

  void wake() override {
    SDL_Event e{};
    e.type = wakeEvent_;
    SDL_PushEvent(&e);  // thread-safe
  }

  void chime(bool good) override {
    if (!openAudio()) return;
    std::vector<float> samples;
    if (good) {
      tone(samples, 1320, 0.09f);
    } else {
      tone(samples, 330, 0.12f);
      tone(samples, 0, 0.05f);
      tone(samples, 260, 0.16f);
    }
    SDL_ClearQueuedAudio(audio_);
    SDL_QueueAudio(audio_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(float)));
    SDL_PauseAudioDevice(audio_, 0);
  }

  void size(int& w, int& h) const override { SDL_GL_GetDrawableSize(window_, &w, &h); }
  std::uint32_t nowMs() const override { return SDL_GetTicks(); }

  // Injected events go through SDL's own queue and translate(), like real ones.
  void injectMouse(float x, float y, bool down) override {
    SDL_Event m{};
    m.type = SDL_MOUSEMOTION;
    m.motion.windowID = SDL_GetWindowID(window_);
    m.motion.x = static_cast<int>(x);
    m.motion.y = static_cast<int>(y);
    SDL_PushEvent(&m);
    SDL_Event b{};
    b.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    b.button.windowID = m.motion.windowID;
    b.button.button = SDL_BUTTON_LEFT;
    b.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    b.button.x = m.motion.x;
    b.button.y = m.motion.y;
    SDL_PushEvent(&b);
  }
  void injectKey(Key key, bool down) override {
    SDL_Event e{};
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.windowID = SDL_GetWindowID(window_);
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = sdlKey(key);
    SDL_PushEvent(&e);
  }
  void injectText(const std::string& utf8) override {
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.windowID = SDL_GetWindowID(window_);
    SDL_strlcpy(e.text.text, utf8.c_str(), sizeof(e.text.text));
    SDL_PushEvent(&e);
  }

 private:
  static constexpr int kRate = 22050;

  // Opened on the first chime, so a kiosk without sound starts as fast.
  bool openAudio() {
    if (audio_) return true;
    if (audioFailed_) return false;
    SDL_AudioSpec want{}, have{};
    want.freq = kRate;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 512;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) audio_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    audioFailed_ = audio_ == 0;
    return !audioFailed_;
  }

  // A sine tone with soft edges (no click); hz 0 is silence.
  static void tone(std::vector<float>& out, float hz, float seconds) {
    const int n = static_cast<int>(seconds * kRate), fade = kRate / 200;
    for (int i = 0; i < n; ++i) {
      float edge = std::min(1.0f, std::min(i, n - 1 - i) / static_cast<float>(fade));
      out.push_back(hz > 0 ? 0.25f * edge * std::sin(6.2831853f * hz * i / kRate) : 0.0f);
    }
  }

  // Window coordinates → framebuffer pixels (they differ on high-DPI screens).
  float pixelScale() const {
    int ww, wh, fw, fh;
    SDL_GetWindowSize(window_, &ww, &wh);
    SDL_GL_GetDrawableSize(window_, &fw, &fh);
    return ww > 0 ? static_cast<float>(fw) / ww : 1.0f;
  }

  void translate(const SDL_Event& e) {
    switch (e.type) {
      case SDL_QUIT: closeRequested_ = true; break;
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_CLOSE) closeRequested_ = true;
        break;
      case SDL_MOUSEMOTION:
        input_.push(InputEvent::move(e.motion.x * pixelScale(), e.motion.y * pixelScale()));
        break;
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP: {
        int b = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1 : 2;
        input_.push(InputEvent::move(e.button.x * pixelScale(), e.button.y * pixelScale()));
        input_.push(InputEvent::mouse(b, e.type == SDL_MOUSEBUTTONDOWN));
        break;
      }
      case SDL_MOUSEWHEEL: input_.push(InputEvent::wheel(static_cast<float>(e.wheel.y))); break;
      case SDL_KEYDOWN:
      case SDL_KEYUP: {
        // SDL scancodes are USB HID usage ids: what a wedge reader sends.
        if (e.type == SDL_KEYDOWN && !e.key.repeat)
          rawKey({static_cast<std::uint16_t>(e.key.keysym.scancode), (e.key.keysym.mod & KMOD_SHIFT) != 0,
                  e.key.timestamp});
        Key k = translateKey(e.key.keysym.sym);
        if (k != Key::None) keyboardEvent(InputEvent::keyEvent(k, e.type == SDL_KEYDOWN));
        break;
      }
      case SDL_TEXTINPUT: keyboardEvent(InputEvent::textEvent(e.text.text)); break;
      default: break;  // wake-ups and window changes just cause a frame
    }
  }

  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  Uint32 wakeEvent_ = 0;
  SDL_AudioDeviceID audio_ = 0;
  bool audioFailed_ = false;
};

}  // namespace

std::unique_ptr<Window> openSdlWindow(const WindowOptions& options) {
  return std::make_unique<SdlWindow>(options);
}

}  // namespace salon::platform
