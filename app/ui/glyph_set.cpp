#include "app/ui/glyph_set.h"

namespace salon::ui {

GlyphSet::GlyphSet() {
  for (char32_t c = 0x20; c < 0x7F; ++c) chars_.insert(c);
  add("，。：；？！、…（）【】《》“”‘’·—×¥￥●○←→‹›");
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
