#pragma once
// The characters the font atlas must hold. ImGui's built-in Chinese ranges miss
// common characters (账 帳 陳 玲), so the set is built from the strings the kiosk
// actually shows: every translation, plus each name as it appears.
#include <imgui.h>

#include <set>
#include <string>

namespace salon::ui {

// Decodes UTF-8; invalid bytes become U+FFFD.
std::u32string decodeUtf8(const std::string& s);
std::string encodeUtf8(char32_t c);

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
