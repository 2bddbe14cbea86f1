#pragma once
// The CJK font at two sizes (text; digits and totals), holding only the glyphs
// the kiosk shows. When a new character appears (a newly registered name), the
// atlas is rebuilt BETWEEN frames, so it never shows as '?'.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/ui/glyph_set.h"

namespace salon::ui {

class FontBook {
 public:
  // Loads the first font file that exists among `candidates` (assets/fonts.txt);
  // without one, ImGui's built-in Latin font is used and CJK shows as '?'.
  // `iconFont`, if it exists, is merged into the text font for the icons (icons.h).
  explicit FontBook(const std::vector<std::string>& candidates, const std::string& iconFont = {});

  const std::string& path() const { return path_; }
  bool hasCjkFont() const { return !file_.empty(); }
  bool hasIcons() const { return !icons_.empty(); }

  // Characters that will be shown; true if the atlas must be rebuilt.
  bool note(const std::string& utf8);
  void setSizes(float text, float big);
  bool rebuildNeeded() const { return dirty_; }
  // Rebuilds ImGui's atlas (call between frames, then upload the texture again).
  void rebuild();

  ImFont* text() const { return text_; }
  ImFont* big() const { return big_; }
  std::size_t glyphCount() const { return glyphs_.size(); }

 private:
  void mergeIcons(ImFontConfig cfg, float size);

  std::string path_;
  std::vector<unsigned char> file_;
  std::vector<unsigned char> icons_;
  GlyphSet glyphs_;
  ImVector<ImWchar> ranges_;  // must outlive the atlas build
  float textSize_ = 24, bigSize_ = 44;
  bool dirty_ = true;
  ImFont* text_ = nullptr;
  ImFont* big_ = nullptr;
};

// The text font files listed in assets/fonts.txt ("package: /path" per line).
std::vector<std::string> fontCandidates(const std::string& fontsTxt);
// The icon font listed there (its package's name ends in "iconfont"), or "".
std::string iconFontPath(const std::string& fontsTxt);

}  // namespace salon::ui
