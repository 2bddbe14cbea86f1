// Chinese text: FS & … FS ., two columns per CJK character, ¥ as ￥, and
// characters the printer's font lacks drawn as a picture, never dropped.
#include <catch2/catch.hpp>

#include "devices/escpos/codec.h"
#include "devices/escpos/commands.h"
#include "devices/escpos/glyph_font.h"
#include "devices/escpos/paper_writer.h"
#include "devices/escpos/virtual_printer.h"

using namespace salon::devices;

namespace {
std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int v : b) s += static_cast<char>(v);
  return s;
}
const std::string kPrologue = bytes({0x1B, 0x40, 0x1C, 0x2E});
PrinterProfile profile(const std::string& name) { return *profileByName(name); }
}  // namespace

TEST_CASE("GB18030: Chinese inside FS & … FS ., ASCII as is") {
  PaperWriter w(profile("80mm"));
  w.line("美容 A1");
  CHECK(w.bytes() == kPrologue + bytes({0x1C, 0x26, 0xC3, 0xC0, 0xC8, 0xDD, ' ', 'A', '1', 0x1C, 0x2E, '\n'}));
  PaperWriter plain(profile("80mm"));
  plain.line("Total 12");
  CHECK(plain.bytes() == kPrologue + "Total 12\n");
}

TEST_CASE("Big5 printers get Big5 bytes") {
  PaperWriter w(profile("80mm-big5"));
  w.line("會員");
  CHECK(w.bytes() == kPrologue + bytes({0x1C, 0x26, 0xB7, 0x7C, 0xAD, 0xFB, 0x1C, 0x2E, '\n'}));
}

TEST_CASE("¥ prints as the full-width ￥: A3 A4 in GB18030, A2 44 in Big5") {
  Codec gb(ChineseEncoding::GB18030);
  REQUIRE(gb.encode(0xA5));
  CHECK(*gb.encode(0xA5) == bytes({0xA3, 0xA4}));
  CHECK(*gb.encode(0xFFE5) == bytes({0xA3, 0xA4}));
  Codec big5(ChineseEncoding::Big5);
  REQUIRE(big5.encode(0xA5));
  CHECK(*big5.encode(0xA5) == bytes({0xA2, 0x44}));
  PaperWriter w(profile("80mm"));
  w.line("¥9");
  CHECK(w.bytes() == kPrologue + bytes({0x1C, 0x26, 0xA3, 0xA4, '9', 0x1C, 0x2E, '\n'}));
}

TEST_CASE("CJK characters take two columns in layout") {
  PaperWriter w80(profile("80mm"));
  CHECK(w80.measure("美容 A") == 6);
  CHECK(w80.columns({}) == 48);
  PaperWriter w58(profile("58mm"));
  CHECK(w58.columns({}) == 32);
  TextStyle wide;
  wide.width = 2;
  CHECK(w58.columns(wide) == 16);
  w58.pair("合计", "¥12.00");  // 4 + 7 columns (￥ is two), padded to 32
  std::string expect = kPrologue + bytes({0x1C, 0x26, 0xBA, 0xCF, 0xBC, 0xC6}) + std::string(21, ' ') +
                       bytes({0xA3, 0xA4}) + "12.00" + bytes({0x1C, 0x2E, '\n'});
  CHECK(w58.bytes() == expect);
}

TEST_CASE("long lines wrap at the paper width, never splitting a character") {
  PaperWriter w(profile("58mm"));
  w.line("美美美美美美美美美美美美美美美美美");  // 17 x 2 = 34 columns > 32
  std::string b = w.bytes();
  // Two lines: 16 characters, then 1.
  CHECK(std::count(b.begin(), b.end(), '\n') == 2);
}

TEST_CASE("characters outside the font (䶮, 𠮷, GBK-only 堃) are drawn as a raster line, never '?'") {
  Codec gb(ChineseEncoding::GB18030);
  CHECK(gb.encode(0x4DAE) == nullptr);   // 䶮: GB18030 four-byte
  CHECK(gb.encode(0x20BB7) == nullptr);  // 𠮷: GB18030 four-byte
  CHECK(gb.encode(0x5803) == nullptr);   // 堃: GBK double-byte, not GB2312
  CHECK(gb.encode(0x5218) != nullptr);   // 刘: GB2312
  Codec big5(ChineseEncoding::Big5);
  CHECK(big5.encode(0x4DAE) == nullptr);
  CHECK(big5.encode(0x5218) == nullptr);  // 刘 is simplified: not in Big5

  PaperWriter w(profile("80mm"));
  w.line("刘䶮");
  const std::string& b = w.bytes();
  auto readBack = renderJob(b, profile("80mm"));
  CHECK(readBack.text == "[picture 576x24]\n");  // no text, so no '?' either
  REQUIRE(b.size() > kPrologue.size() + 8);
  // GS v 0, 72 bytes (576 dots) wide, 24 dots high.
  CHECK(b.substr(kPrologue.size(), 8) == bytes({0x1D, 0x76, 0x30, 0x00, 72, 0, 24, 0}));
  CHECK(b.size() == kPrologue.size() + 8 + 72 * 24);
  // The picture has ink where each character is: both were drawn.
  auto inkIn = [&](int x0, int x1) {
    int n = 0;
    for (int y = 0; y < 24; ++y)
      for (int x = x0; x < x1; ++x)
        n += (static_cast<unsigned char>(b[kPrologue.size() + 8 + y * 72 + x / 8]) >> (7 - x % 8)) & 1;
    return n;
  };
  CHECK(inkIn(0, 24) > 20);
  CHECK(inkIn(24, 48) > 20);
  CHECK(inkIn(48, 576) == 0);
  CHECK(GlyphFont::shared().has(0x4DAE));
  CHECK(GlyphFont::shared().has(0x20BB7));
}

TEST_CASE("the virtual printer reads the encoder's text back") {
  struct Case { const char* profile; const char* text; };
  for (Case c : {Case{"80mm", "美容 ¥128.00"}, Case{"58mm-big5", "會員 ¥128.00"}}) {
    PaperWriter w(profile(c.profile));
    w.line(c.text);
    auto pic = renderJob(w.bytes(), profile(c.profile));
    std::string expect = c.text;
    expect.replace(expect.find("¥"), 2, "￥");
    CHECK(pic.text == expect + "\n");
  }
}

TEST_CASE("Latin words wrap whole") {
  PaperWriter w(*profileByName("58mm-big5"));
  TextStyle big;
  big.width = 2;
  w.line("麗人美容 Salon Demo", big);  // 16 columns at double width
  auto pic = renderJob(w.bytes(), *profileByName("58mm-big5"));
  CHECK(pic.text == "麗人美容 Salon\nDemo\n");
}
