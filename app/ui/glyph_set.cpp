#include "app/ui/glyph_set.h"

namespace salon::ui {

std::u32string decodeUtf8(const std::string& s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    char32_t cp = n <= 0 ? c : c & (0x3F >> n);
    bool ok = n >= 0 && i + n < s.size();
    for (int k = 1; ok && k <= n; ++k) {
      unsigned char cont = static_cast<unsigned char>(s[i + k]);
      ok = (cont & 0xC0) == 0x80;
      cp = (cp << 6) | (cont & 0x3F);
    }
    out += ok ? cp : U'\uFFFD';
    i += ok ? n + 1 : 1;
  }
  return out;
}

std::string encodeUtf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

GlyphSet::GlyphSet() {
  for (char32_t c = 0x20; c < 0x7F; ++c) chars_.insert(c);
  add("，。：；？！、…（）【】《》“”‘’·—×¥￥●○←→");
}

bool GlyphSet::add(const std::string& utf8) {
  bool added = false;
  for (char32_t c : decodeUtf8(utf8)) {
    // ImWchar is 16-bit in Debian's build: characters beyond the BMP cannot be drawn.
    if (c < 0x20 || c > 0xFFFF) continue;
    added |= chars_.insert(c).second;
  }
  return added;
}

ImVector<ImWchar> GlyphSet::ranges() const {
  ImFontGlyphRangesBuilder builder;
  for (char32_t c : chars_) builder.AddChar(static_cast<ImWchar>(c));
  ImVector<ImWchar> out;
  builder.BuildRanges(&out);
  return out;
}

}  // namespace salon::ui
