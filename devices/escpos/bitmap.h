#pragma once
// A one-bit picture: what a thermal head prints. 1 = a black dot.
#include <cstdint>
#include <vector>

namespace salon::devices {

struct Bitmap {
  int width = 0, height = 0;
  std::vector<std::uint8_t> dots;  // row-major, 0 or 1

  Bitmap() = default;
  Bitmap(int w, int h) : width(w), height(h), dots(static_cast<std::size_t>(w) * h, 0) {}
  std::uint8_t at(int x, int y) const { return dots[static_cast<std::size_t>(y) * width + x]; }
  void set(int x, int y, std::uint8_t v = 1) {
    if (x >= 0 && y >= 0 && x < width && y < height) dots[static_cast<std::size_t>(y) * width + x] = v;
  }
};

}  // namespace salon::devices
