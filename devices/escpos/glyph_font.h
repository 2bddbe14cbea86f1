#pragma once
// Glyphs drawn from a CJK outline font (fonts-noto-cjk, else fonts-wqy-microhei;
// SALON_PRINT_FONT overrides): for characters the printer's own font lacks and
// for the virtual printer's picture of the paper.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "devices/escpos/bitmap.h"

namespace salon::devices {

class GlyphFont {
 public:
  // Loaded once per process from the first font file found.
  static GlyphFont& shared();
  bool loaded() const { return !faces_.empty(); }
  // One character in a cell of `cellW` x `cellH` dots, 1-bit, baseline at 5/6
  // of the height. A character no font has is drawn as a box, never dropped.
  // The reference stays valid for the process's life (the cache only grows).
  const Bitmap& glyph(char32_t c, int cellW, int cellH);
  bool has(char32_t c) const;

 private:
  GlyphFont();
  struct Face;
  Bitmap draw(char32_t c, int cellW, int cellH) const;
  std::vector<std::shared_ptr<Face>> faces_;
  std::mutex mutex_;
  std::map<std::pair<char32_t, int>, Bitmap> cache_;
};

// Draws `glyph` into `target` at (x, y), scaled by (sx, sy); bold smears it one dot right.
void blit(Bitmap& target, const Bitmap& glyph, int x, int y, int sx = 1, int sy = 1, bool bold = false);

}  // namespace salon::devices
