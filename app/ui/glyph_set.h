#pragma once
// The characters the font atlas must hold. ImGui's built-in Chinese ranges miss
// common characters (账 帳 陳 玲), so the set is built from the strings the kiosk
// actually shows: every translation, plus each name as it appears.
#include <imgui.h>

#include <set>
#include <string>

#include "app/core/text_rules.h"

namespace salon::ui {

// UTF-8 as core reads and writes it: invalid bytes become U+FFFD.
inline std::u32string decodeUtf8(const std::string& s) { return codePoints(s); }
using salon::encodeUtf8;

class GlyphSet {
 public:
  GlyphSet();  // printable ASCII and the punctuation the screens use
  // Adds the characters of `utf8`; true if any was new.
  bool add(const std::string& utf8);
  bool contains(char32_t c) const { return chars_.count(c) != 0; }
  std::size_t size() const { return chars_.size(); }
  // Zero-terminated ranges for ImFontAtlas::AddFont*.
  ImVector<ImWchar> ranges() const;

 private:
  std::set<char32_t> chars_;
};

}  // namespace salon::ui
