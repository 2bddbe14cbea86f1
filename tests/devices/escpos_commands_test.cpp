// Golden bytes for every command (Epson ESC/POS reference).
#include <catch2/catch.hpp>

#include "devices/escpos/commands.h"

using namespace salon::devices;
using namespace salon::devices::escpos;

namespace {
std::string hex(std::initializer_list<int> b) {
  std::string s;
  for (int v : b) s += static_cast<char>(v);
  return s;
}
}  // namespace

TEST_CASE("text commands") {
  CHECK(initialize() == hex({0x1B, 0x40}));
  CHECK(align(Align::Left) == hex({0x1B, 0x61, 0}));
  CHECK(align(Align::Center) == hex({0x1B, 0x61, 1}));
  CHECK(align(Align::Right) == hex({0x1B, 0x61, 2}));
  CHECK(bold(true) == hex({0x1B, 0x45, 1}));
  CHECK(bold(false) == hex({0x1B, 0x45, 0}));
  CHECK(underline(0) == hex({0x1B, 0x2D, 0}));
  CHECK(underline(2) == hex({0x1B, 0x2D, 2}));
  CHECK(size(1, 1) == hex({0x1D, 0x21, 0x00}));
  CHECK(size(2, 2) == hex({0x1D, 0x21, 0x11}));
  CHECK(size(1, 2) == hex({0x1D, 0x21, 0x01}));
  CHECK(size(8, 8) == hex({0x1D, 0x21, 0x77}));
  CHECK(feed(3) == hex({0x1B, 0x64, 3}));
  CHECK(chineseOn() == hex({0x1C, 0x26}));
  CHECK(chineseOff() == hex({0x1C, 0x2E}));
  CHECK(codeTable(0) == hex({0x1B, 0x74, 0}));
  CHECK(codeTable(16) == hex({0x1B, 0x74, 16}));
}

TEST_CASE("native QR: model 2, module size, error level, store, print") {
  CHECK(qrModel2() == hex({0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00}));
  CHECK(qrModuleSize(6) == hex({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 6}));
  CHECK(qrErrorLevel(QrLevel::L) == hex({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x30}));
  CHECK(qrErrorLevel(QrLevel::M) == hex({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31}));
  CHECK(qrErrorLevel(QrLevel::Q) == hex({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x32}));
  CHECK(qrErrorLevel(QrLevel::H) == hex({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x33}));
  CHECK(qrStore("AB") == hex({0x1D, 0x28, 0x6B, 0x05, 0x00, 0x31, 0x50, 0x30, 'A', 'B'}));
  std::string big(300, 'x');  // pL/pH = 303 = 0x012F
  CHECK(qrStore(big).substr(0, 8) == hex({0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30}));
  CHECK(qrStore(big).size() == 308);
  CHECK(qrPrint() == hex({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30}));
  CHECK(qrNative("AB", 4, QrLevel::M) == qrModel2() + qrModuleSize(4) + qrErrorLevel(QrLevel::M) + qrStore("AB") + qrPrint());
  CHECK_THROWS(qrStore(std::string(7090, 'x')));
}

TEST_CASE("raster: x in bytes, MSB is the leftmost dot") {
  Bitmap b(10, 2);  // 10 dots -> 2 bytes per row
  b.set(0, 0);
  b.set(9, 0);
  b.set(1, 1);
  b.set(8, 1);
  CHECK(raster(b) == hex({0x1D, 0x76, 0x30, 0x00, 2, 0, 2, 0, 0x80, 0x40, 0x40, 0x80}));
  Bitmap wide(576, 300);
  std::string r = raster(wide);
  CHECK(r.substr(0, 8) == hex({0x1D, 0x76, 0x30, 0x00, 72, 0, 0x2C, 0x01}));
  CHECK(r.size() == 8 + 72 * 300);
}

TEST_CASE("cut, drawer pulse and status query") {
  CHECK(cut(Cut::Full, 3) == hex({0x1D, 0x56, 0x41, 3}));
  CHECK(cut(Cut::Partial, 0) == hex({0x1D, 0x56, 0x42, 0}));
  CHECK(drawerPulse(0, 100, 200) == hex({0x1B, 0x70, 0, 50, 100}));
  CHECK(drawerPulse(1, 50, 500) == hex({0x1B, 0x70, 1, 25, 250}));
  CHECK(statusQuery(1) == hex({0x10, 0x04, 1}));
  CHECK(statusQuery(2) == hex({0x10, 0x04, 2}));
  CHECK(statusQuery(4) == hex({0x10, 0x04, 4}));
}
