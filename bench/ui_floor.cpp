// The floor for `salon-kiosk --bench`: a bare Dear ImGui + SDL2 + OpenGL 3
// window, built the way ImGui's own SDL2/OpenGL3 example builds one, with the
// kiosk's font (the first file of assets/fonts.txt found, read once and shared
// by both sizes, as the kiosk does) at the kiosk's two sizes and the glyphs of its first
// screen (printable ASCII and every sentence of the language). It shows one
// window with one button and prints, at its first frame:
//   floor: first_frame_ms=<ms since main> rss_kb=<VmRSS> hwm_kb=<VmHWM> glyphs=<n>
// then draws 300 more frames of the same window and prints their p99 (the frame
// time the kiosk's screens are compared with):
//   floor: frames=300 cpu_p99_ms=<NewFrame → Render, thread CPU> wall_p99_ms=<whole frame, swap included>
// Usage: ui_floor [--language zh-Hans] [--width 1024] [--height 768]
#include <GL/gl.h>
#include <SDL.h>
#include <imgui.h>
#include <imgui/backends/imgui_impl_opengl3.h>
#include <imgui/backends/imgui_impl_sdl.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/ui/font_book.h"
#include "app/ui/glyph_set.h"
#include "app/ui/theme.h"
#include "assets/assets.h"

namespace {

long statusKb(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line, k = std::string(key) + ":";
  while (std::getline(f, line))
    if (line.rfind(k, 0) == 0) return std::atol(line.c_str() + k.size());
  return 0;
}

struct Args {
  std::string language = "zh-Hans";
  int width = 1024, height = 768;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--language") a.language = argv[i + 1];
    else if (k == "--width") a.width = std::atoi(argv[i + 1]);
    else if (k == "--height") a.height = std::atoi(argv[i + 1]);
  }
  return a;
}

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// One frame of the floor's window; returns the thread CPU of NewFrame → Render.
double drawFrame(SDL_Window* window, int w, int h) {
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
  }
  const double cpu0 = threadCpuMs();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("floor", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::Button("OK");
  ImGui::End();
  ImGui::Render();
  const double cpu = threadCpuMs() - cpu0;
  glViewport(0, 0, w, h);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window);
  return cpu;
}

double p99(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(0.99 * v.size()))];
}

// The kiosk's first-screen glyphs at its two sizes, from the kiosk's font file.
std::size_t loadFonts(const Args& a, int drawableW, int drawableH) {
  salon::ui::GlyphSet glyphs;
  const salon::Catalog catalog = salon::assets::catalog(a.language);
  for (const auto& [key, text] : catalog.all()) glyphs.add(text);
  static ImVector<ImWchar> ranges;  // must outlive the atlas build
  ranges = glyphs.ranges();
  salon::ui::Metrics m = salon::ui::metricsFor(drawableW, drawableH);
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  ImFontConfig cfg;
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontDataOwnedByAtlas = false;
  static std::vector<char> file;  // must outlive the atlas
  for (const std::string& path : salon::ui::fontCandidates(salon::assets::text("fonts.txt").value_or(""))) {
    std::ifstream f(path, std::ios::binary);
    file.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    if (file.empty()) continue;
    atlas->AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()), m.textSize, &cfg, ranges.Data);
    atlas->AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()), m.bigSize, &cfg, ranges.Data);
    return glyphs.size();
  }
  atlas->AddFontDefault();
  return glyphs.size();
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  Args a = parse(argc, argv);
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError()), 1;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_Window* window = SDL_CreateWindow("ui floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, a.width, a.height,
                                        SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!window) return std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError()), 1;
  SDL_GLContext gl = SDL_GL_CreateContext(window);
  SDL_GL_MakeCurrent(window, gl);
  SDL_GL_SetSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init("#version 150");
  int w, h;
  SDL_GL_GetDrawableSize(window, &w, &h);
  std::size_t glyphs = loadFonts(a, w, h);
  drawFrame(window, w, h);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::printf("floor: first_frame_ms=%.1f rss_kb=%ld hwm_kb=%ld glyphs=%zu\n", ms, statusKb("VmRSS"),
              statusKb("VmHWM"), glyphs);
  std::fflush(stdout);
  std::vector<double> cpu, wall;
  for (int i = 0; i < 300; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    cpu.push_back(drawFrame(window, w, h));
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("floor: frames=%zu cpu_p99_ms=%.3f wall_p99_ms=%.3f\n", cpu.size(), p99(cpu), p99(wall));
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
