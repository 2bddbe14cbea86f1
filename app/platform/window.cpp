#include "app/platform/window.h"

#include <GL/gl.h>
#include <imgui/backends/imgui_impl_opengl3.h>

#include <cstring>
#include <stdexcept>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>
#endif

namespace salon::platform {

std::unique_ptr<Window> openSdlWindow(const WindowOptions& options);
std::unique_ptr<Window> openGlfwWindow(const WindowOptions& options);

Backend backendFromName(const std::string& name) {
  if (name == "sdl" || name == "sdl2") return Backend::Sdl;
  if (name == "glfw") return Backend::Glfw;
  throw std::invalid_argument("unknown platform: " + name + " (sdl or glfw)");
}

namespace {

// Sanitizer builds only: Mesa unloads its DRI driver (swrast_dri.so) when the
// display closes, before LeakSanitizer reports at exit, so the driver's own
// leaks show as "<unknown module>" and tests/lsan.supp's `leak:swrast_dri.so`
// cannot match them. Keeping the loaded driver resident lets the suppression
// work; our own code is never suppressed.
void keepGlDriverLoaded() {
#if defined(__SANITIZE_ADDRESS__)
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void*) {
        const char* name = info->dlpi_name;
        std::size_t n = name ? std::strlen(name) : 0;
        if (n > 7 && std::strcmp(name + n - 7, "_dri.so") == 0) dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
        return 0;
      },
      nullptr);
#endif
}

}  // namespace

std::unique_ptr<Window> Window::open(Backend backend, const WindowOptions& options) {
  auto window = backend == Backend::Sdl ? openSdlWindow(options) : openGlfwWindow(options);
  keepGlDriverLoaded();
  return window;
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

std::uintptr_t Window::showPicture(const Pixels& p, std::uintptr_t reuse) {
  GLuint texture = static_cast<GLuint>(reuse);
  if (!texture) glGenTextures(1, &texture);
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, p.width, p.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, p.rgba.data());
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  return texture;
}

void Window::reloadFontTexture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace salon::platform
