#include "devices/escpos/glyph_font.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>

// The implementation comes from Debian's libstb (the one ImGui's font atlas uses
// too): compiling a second copy here would replace its symbols for ImGui as well.
#include <stb/stb_truetype.h>

namespace salon::devices {

struct GlyphFont::Face {
  std::shared_ptr<std::vector<unsigned char>> bytes;
  stbtt_fontinfo info{};
  bool narrow = false;  // monospaced half-width Latin, for one-column cells
};

namespace {

std::vector<unsigned char> readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return {};
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(f), {});
}

struct Candidate {
  std::string path, face;
  bool narrow;
};

// Font files in order of preference, and the face to use inside a collection.
// One-column cells (font A, 12 x 24) want a monospaced half-width Latin face,
// as the printer's own font has.
const std::vector<Candidate>& fontCandidates() {
  static const std::vector<Candidate> all = {
      {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans Mono CJK SC", true},
      {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "", true},
      {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", false},
      {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "", false},
      {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "", false},
  };
  return all;
}

// The offset of the face whose family name (name id 1, Windows Unicode) is
// `family` in a font collection; stbtt_FindMatchingFont does not find CFF
// collections' faces by name.
int faceOffset(const unsigned char* data, const std::string& family) {
  int count = stbtt_GetNumberOfFonts(data);
  for (int i = 0; i < count; ++i) {
    stbtt_fontinfo info;
    int offset = stbtt_GetFontOffsetForIndex(data, i);
    if (offset < 0 || !stbtt_InitFont(&info, data, offset)) continue;
    int len = 0;
    const char* name = stbtt_GetFontNameString(&info, &len, STBTT_PLATFORM_ID_MICROSOFT, STBTT_MS_EID_UNICODE_BMP,
                                               STBTT_MS_LANG_ENGLISH, 1);
    std::string ascii;
    for (int k = 0; name && k + 1 < len; k += 2) ascii += name[k + 1];
    if (ascii == family) return offset;
  }
  return -1;
}

}  // namespace

GlyphFont::GlyphFont() {
  std::vector<Candidate> files;
  if (const char* env = std::getenv("SALON_PRINT_FONT"); env && *env) files.push_back({env, "", false});
  for (const auto& c : fontCandidates()) files.push_back(c);
  std::map<std::string, std::shared_ptr<std::vector<unsigned char>>> loaded;
  for (const auto& c : files) {
    auto& bytes = loaded[c.path];
    if (!bytes) bytes = std::make_shared<std::vector<unsigned char>>(readFile(c.path));
    if (bytes->empty()) continue;
    auto face = std::make_shared<Face>();
    face->bytes = bytes;
    face->narrow = c.narrow;
    const unsigned char* data = bytes->data();
    int offset = c.face.empty() ? stbtt_GetFontOffsetForIndex(data, 0)
                                : faceOffset(data, c.face);
    if (offset < 0) {
      if (!c.face.empty()) continue;
      offset = stbtt_GetFontOffsetForIndex(data, 0);
    }
    if (offset < 0 || !stbtt_InitFont(&face->info, data, offset)) continue;
    faces_.push_back(face);
  }
}

GlyphFont& GlyphFont::shared() {
  static GlyphFont font;
  return font;
}

bool GlyphFont::has(char32_t c) const {
  for (const auto& f : faces_)
    if (stbtt_FindGlyphIndex(&f->info, static_cast<int>(c))) return true;
  return false;
}

const Bitmap& GlyphFont::glyph(char32_t c, int cellW, int cellH) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = std::make_pair(c, cellW * 1000 + cellH);
  auto it = cache_.find(key);
  if (it == cache_.end()) it = cache_.emplace(key, draw(c, cellW, cellH)).first;
  return it->second;
}

Bitmap GlyphFont::draw(char32_t c, int cellW, int cellH) const {
  Bitmap cell(cellW, cellH);
  if (c == U' ' || c == 0x3000) return cell;
  bool oneColumn = cellW * 2 <= cellH;
  for (const auto& f : faces_) {
    if (f->narrow && !oneColumn) continue;
    int g = stbtt_FindGlyphIndex(&f->info, static_cast<int>(c));
    if (!g) continue;
    float scale = stbtt_ScaleForMappingEmToPixels(&f->info, static_cast<float>(cellH) * 0.92f);
    int x0, y0, x1, y1, advance, lsb;
    stbtt_GetGlyphBitmapBox(&f->info, g, scale, scale, &x0, &y0, &x1, &y1);
    stbtt_GetGlyphHMetrics(&f->info, g, &advance, &lsb);
    int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) return cell;
    std::vector<unsigned char> gray(static_cast<std::size_t>(w) * h);
    stbtt_MakeGlyphBitmap(&f->info, gray.data(), w, h, w, scale, scale, g);
    int baseline = cellH * 5 / 6;
    int adv = static_cast<int>(std::lround(advance * scale));
    int left = (cellW - adv) / 2 + x0;
    if (left < 0 || left + w > cellW) left = (cellW - w) / 2;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        if (gray[static_cast<std::size_t>(y) * w + x] >= 110) cell.set(left + x, baseline + y0 + y);
    return cell;
  }
  // No font has it: an outlined box keeps the place visible on paper.
  for (int x = 1; x < cellW - 1; ++x) cell.set(x, 2), cell.set(x, cellH - 3);
  for (int y = 2; y < cellH - 2; ++y) cell.set(1, y), cell.set(cellW - 2, y);
  return cell;
}

void blit(Bitmap& t, const Bitmap& g, int x, int y, int sx, int sy, bool bold) {
  for (int gy = 0; gy < g.height; ++gy)
    for (int gx = 0; gx < g.width; ++gx) {
      if (!g.dots[static_cast<std::size_t>(gy) * g.width + gx]) continue;
      if (sx == 1 && sy == 1 && !bold) {
        t.set(x + gx, y + gy);
        continue;
      }
      for (int dy = 0; dy < sy; ++dy)
        for (int dx = 0; dx < sx + (bold ? 1 : 0); ++dx) t.set(x + gx * sx + dx, y + gy * sy + dy);
    }
}

}  // namespace salon::devices
