#pragma once
// Text in the printer's Chinese encoding. A character is "printable" when the
// firmware's built-in font has it: ASCII, or a double-byte code in GB2312's
// repertoire (GB18030 printers) or Big5's. Anything else (䶮 U+4DAE, 𠮷 U+20BB7,
// and GBK-only characters many cheap fonts lack) is drawn as a picture instead.
#include <iconv.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/text_rules.h"
#include "devices/escpos/profile.h"

namespace salon::devices {

// UTF-8 as core reads and writes it: bad bytes become U+FFFD.
inline std::u32string decodeUtf8(const std::string& text) { return codePoints(text); }
using salon::appendUtf8;
// East Asian wide characters take two columns on paper.
bool isWide(char32_t c);

class Codec {
 public:
  explicit Codec(ChineseEncoding encoding);
  ~Codec();
  Codec(const Codec&) = delete;
  Codec& operator=(const Codec&) = delete;

  ChineseEncoding encoding() const { return encoding_; }
  // The printer's bytes for `c`, or nullptr when its font lacks it. `¥` is sent
  // as the full-width ￥ (A3 A4 in GB18030): the 4-byte GB18030 ¥ misprints.
  const std::string* encode(char32_t c);
  // Columns `c` takes: 1 for a single byte, 2 for a double-byte character.
  int columns(char32_t c);
  // One character from the printer's bytes at `p` (n bytes available): its
  // code point (U+FFFD if unreadable) and how many bytes it used.
  std::pair<char32_t, int> decode(const unsigned char* p, std::size_t n);

 private:
  std::optional<std::string> lookUp(char32_t c);
  ChineseEncoding encoding_;
  iconv_t to_ = reinterpret_cast<iconv_t>(-1);
  iconv_t from_ = reinterpret_cast<iconv_t>(-1);
  std::string ascii_[128];  // most of a receipt: no lookup at all
  // The Basic Multilingual Plane by code point: -1 not looked up yet, -2 not
  // in the font, else an index into known_. Other planes go through the map.
  std::vector<std::int32_t> bmp_;
  std::vector<std::string> known_;
  std::unordered_map<char32_t, std::optional<std::string>> astral_;
};

// One codec per encoding and thread, so encoding never reopens iconv.
Codec& threadCodec(ChineseEncoding encoding);

}  // namespace salon::devices
