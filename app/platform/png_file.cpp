#include "app/platform/png_file.h"

#include <png.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

namespace salon::platform {

void writePng(const std::string& path, const Pixels& pixels) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f) throw std::runtime_error("cannot write " + path);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    throw std::runtime_error("libpng init failed");
  }
  std::vector<png_bytep> rows(pixels.height);
  std::vector<unsigned char> rgb(static_cast<std::size_t>(pixels.width) * pixels.height * 3);
  for (std::size_t i = 0, n = static_cast<std::size_t>(pixels.width) * pixels.height; i < n; ++i)
    for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = pixels.rgba[i * 4 + c];
  for (int y = 0; y < pixels.height; ++y) rows[y] = rgb.data() + static_cast<std::size_t>(y) * pixels.width * 3;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw std::runtime_error("libpng failed writing " + path);
  }
  png_init_io(png, f.get());
  png_set_IHDR(png, info, pixels.width, pixels.height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
}

}  // namespace salon::platform
