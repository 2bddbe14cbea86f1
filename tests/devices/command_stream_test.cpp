#include <catch2/catch.hpp>

#include "devices/escpos/command_stream.h"
#include "devices/escpos/commands.h"

using namespace salon::devices;
using namespace salon::devices::escpos;

namespace {
std::size_t len(const std::string& s) {
  return commandLength(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}
}  // namespace

TEST_CASE("the command splitter knows each command's length") {
  CHECK(len(initialize()) == 2);
  CHECK(len(align(Align::Center)) == 3);
  CHECK(len(size(2, 2)) == 3);
  CHECK(len(chineseOn()) == 2);
  CHECK(len(statusQuery(4)) == 3);
  CHECK(len(cut(Cut::Partial, 3)) == 4);
  CHECK(len(drawerPulse(0, 100, 100)) == 5);
  CHECK(len(qrStore("hello")) == 13);
  Bitmap b(16, 3);
  CHECK(len(raster(b)) == 8 + 2 * 3);
  CHECK(len("A") == 1);
  CHECK(len("\xc3\xc0") == 1);  // text bytes one by one
}

TEST_CASE("a status query inside picture data is not a status query") {
  Bitmap b(24, 1);
  // Row bytes 10 04 01: what DLE EOT 1 looks like.
  for (int x : {3, 13, 23}) b.set(x, 0);
  std::string r = raster(b);
  REQUIRE(r.substr(8) == std::string("\x10\x04\x01", 3));
  CHECK(len(r) == r.size());  // one command: the server answers nothing
}

TEST_CASE("commands cut short ask for more bytes") {
  std::string r = raster(Bitmap(16, 3));
  CHECK(len(r.substr(0, 5)) == 0);
  CHECK(len(r.substr(0, 10)) == 0);
  CHECK(len(qrStore("hello").substr(0, 6)) == 0);
  CHECK(len("\x1b") == 0);
  CHECK(len("\x10\x04") == 0);
}
