#include "app/platform/window.h"

#include <GL/gl.h>
#include <imgui/backends/imgui_impl_opengl3.h>

#include <cstring>
#include <stdexcept>

namespace salon::platform {

std::unique_ptr<Window> openSdlWindow(const WindowOptions& options);
std::unique_ptr<Window> openGlfwWindow(const WindowOptions& options);

Backend backendFromName(const std::string& name) {
  if (name == "sdl" || name == "sdl2") return Backend::Sdl;
  if (name == "glfw") return Backend::Glfw;
  throw std::invalid_argument("unknown platform: " + name + " (sdl or glfw)");
}

std::unique_ptr<Window> Window::open(Backend backend, const WindowOptions& options) {
  return backend == Backend::Sdl ? openSdlWindow(options) : openGlfwWindow(options);
}

Pixels Window::readPixels() const {
  Pixels p;
  size(p.width, p.height);
  p.rgba.resize(static_cast<std::size_t>(p.width) * p.height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, p.width, p.height, GL_RGBA, GL_UNSIGNED_BYTE, p.rgba.data());
  // GL's first row is the bottom one.
  const std::size_t row = static_cast<std::size_t>(p.width) * 4;
  std::vector<unsigned char> tmp(row);
  for (int y = 0; y < p.height / 2; ++y) {
    unsigned char* a = p.rgba.data() + y * row;
    unsigned char* b = p.rgba.data() + (p.height - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  return p;
}

void Window::render() {
  int w, h;
  size(w, h);
  glViewport(0, 0, w, h);
  glClearColor(0.96f, 0.95f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::reloadFontTexture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace salon::platform
