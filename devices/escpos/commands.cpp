#include "devices/escpos/commands.h"

#include <algorithm>

#include "app/core/error.h"

namespace salon::devices::escpos {
namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  s.reserve(b.size());
  for (int v : b) s += static_cast<char>(v & 0xFF);
  return s;
}

int clampTo(int v, int lo, int hi) { return std::max(lo, std::min(hi, v)); }

}  // namespace

std::string initialize() { return bytes({0x1B, 0x40}); }
std::string align(Align a) { return bytes({0x1B, 0x61, static_cast<int>(a)}); }
std::string bold(bool on) { return bytes({0x1B, 0x45, on ? 1 : 0}); }
std::string underline(int t) { return bytes({0x1B, 0x2D, clampTo(t, 0, 2)}); }
std::string size(int w, int h) {
  return bytes({0x1D, 0x21, ((clampTo(w, 1, 8) - 1) << 4) | (clampTo(h, 1, 8) - 1)});
}
std::string feed(int lines) { return bytes({0x1B, 0x64, clampTo(lines, 0, 255)}); }
std::string chineseOn() { return bytes({0x1C, 0x26}); }
std::string chineseOff() { return bytes({0x1C, 0x2E}); }
std::string codeTable(int n) { return bytes({0x1B, 0x74, clampTo(n, 0, 255)}); }

std::string qrModel2() { return bytes({0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00}); }
std::string qrModuleSize(int dots) { return bytes({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, clampTo(dots, 1, 16)}); }
std::string qrErrorLevel(QrLevel l) { return bytes({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, static_cast<int>(l)}); }
std::string qrStore(const std::string& data) {
  // The symbol's storage holds at most 7089 bytes; pL/pH count cn, fn, m too.
  if (data.size() > 7089) throw DomainError("qr_too_long", std::to_string(data.size()));
  std::size_t len = data.size() + 3;
  return bytes({0x1D, 0x28, 0x6B, static_cast<int>(len & 0xFF), static_cast<int>(len >> 8), 0x31, 0x50, 0x30}) + data;
}
std::string qrPrint() { return bytes({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30}); }
std::string qrNative(const std::string& data, int moduleDots, QrLevel level) {
  return qrModel2() + qrModuleSize(moduleDots) + qrErrorLevel(level) + qrStore(data) + qrPrint();
}

std::string raster(const Bitmap& img, std::uint8_t mode) {
  int xBytes = (img.width + 7) / 8;
  std::string s = bytes({0x1D, 0x76, 0x30, mode, xBytes & 0xFF, xBytes >> 8, img.height & 0xFF, img.height >> 8});
  std::size_t head = s.size();
  s.resize(head + static_cast<std::size_t>(xBytes) * img.height, '\0');
  char* out = s.data() + head;
  for (int y = 0; y < img.height; ++y) {
    const std::uint8_t* row = img.dots.data() + static_cast<std::size_t>(y) * img.width;
    for (int x = 0; x < img.width; ++x)
      if (row[x]) out[x >> 3] = static_cast<char>(static_cast<unsigned char>(out[x >> 3]) | (0x80u >> (x & 7)));
    out += xBytes;
  }
  return s;
}

std::string cut(Cut kind, int feedLines) { return bytes({0x1D, 0x56, static_cast<int>(kind), clampTo(feedLines, 0, 255)}); }
std::string drawerPulse(int pin, int onMs, int offMs) {
  return bytes({0x1B, 0x70, pin == 1 ? 1 : 0, clampTo(onMs / 2, 0, 255), clampTo(offMs / 2, 0, 255)});
}
std::string statusQuery(int n) { return bytes({0x10, 0x04, clampTo(n, 1, 4)}); }

}  // namespace salon::devices::escpos
