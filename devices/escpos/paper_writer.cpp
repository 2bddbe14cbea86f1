#include "devices/escpos/paper_writer.h"

#include <algorithm>

#include "devices/escpos/codec.h"
#include "devices/escpos/glyph_font.h"
#include "devices/escpos/qr.h"

namespace salon::devices {

using namespace escpos;

namespace {
constexpr int kDotsPerColumn = 12;  // font A: 12 x 24 dots
constexpr int kLineDots = 24;

std::u32string clean(std::u32string s) {
  for (auto& c : s)
    if (c < 0x20 || c == 0x7F) c = U' ';
  return s;
}
}  // namespace

PaperWriter::PaperWriter(const PrinterProfile& profile)
    : profile_(profile), codec_(threadCodec(profile.encoding)) {
  out_.reserve(4096);
  out_ += initialize();
  out_ += chineseOff();  // a known state whatever the firmware powers up in
}

int PaperWriter::columns(const TextStyle& s) const { return std::max(1, profile_.columns / std::max(1, s.width)); }

int PaperWriter::measure(const std::string& text) const {
  int n = 0;
  for (char32_t c : decodeUtf8(text)) n += codec_.columns(c);
  return n;
}

void PaperWriter::setStyle(const TextStyle& s) {
  if (s.align != current_.align) out_ += align(s.align);
  if (s.bold != current_.bold) out_ += bold(s.bold);
  if (s.underline != current_.underline) out_ += underline(s.underline);
  if (s.width != current_.width || s.height != current_.height) out_ += size(s.width, s.height);
  current_ = s;
}

void PaperWriter::line(const std::string& text, const TextStyle& s) {
  std::u32string all = clean(decodeUtf8(text));
  int cols = columns(s);
  std::u32string piece;
  int used = 0;
  for (char32_t c : all) {
    int w = codec_.columns(c);
    if (used + w > cols && !piece.empty()) {
      // Latin words move to the next line whole; CJK text breaks anywhere.
      auto space = piece.find_last_of(U' ');
      bool midWord = c != U' ' && !isWide(c) && piece.back() != U' ' && !isWide(piece.back());
      if (midWord && space != std::u32string::npos && space > 0) {
        std::u32string rest = piece.substr(space + 1);
        emitLine(piece.substr(0, space), s);
        piece = rest;
      } else {
        emitLine(piece, s);
        piece.clear();
      }
      used = 0;
      for (char32_t k : piece) used += codec_.columns(k);
      if (c == U' ' && piece.empty()) continue;  // no space at the start of a line
    }
    piece += c;
    used += w;
  }
  emitLine(piece, s);
}

void PaperWriter::emitLine(const std::u32string& text, const TextStyle& s) {
  std::string encoded;
  bool wide = false;
  for (char32_t c : text) {
    const std::string* b = codec_.encode(c);
    if (!b) return emitPictureLine(text, s);
    wide = wide || b->size() > 1;
    encoded += *b;
  }
  setStyle(s);
  if (wide) out_ += chineseOn();
  out_ += encoded;
  if (wide) out_ += chineseOff();
  out_ += '\n';
}

void PaperWriter::emitPictureLine(const std::u32string& text, const TextStyle& s) {
  GlyphFont& font = GlyphFont::shared();
  int textDots = 0;
  for (char32_t c : text) textDots += codec_.columns(c) * kDotsPerColumn * s.width;
  Bitmap pic(profile_.dots, kLineDots * s.height + (s.underline ? 2 : 0));
  int x = s.align == Align::Center ? (profile_.dots - textDots) / 2
          : s.align == Align::Right ? profile_.dots - textDots
                                    : 0;
  x = std::max(0, x);
  for (char32_t c : text) {
    int cellW = codec_.columns(c) * kDotsPerColumn;
    blit(pic, font.glyph(c, cellW, kLineDots), x, 0, s.width, s.height, s.bold);
    x += cellW * s.width;
  }
  if (s.underline)
    for (int ux = std::max(0, x - textDots); ux < x; ++ux)
      for (int t = 0; t < s.underline; ++t) pic.set(ux, pic.height - 1 - t);
  out_ += raster(pic);
}

void PaperWriter::pair(const std::string& left, const std::string& right, const TextStyle& s) {
  int cols = columns(s);
  int lw = measure(left), rw = measure(right);
  if (lw + 1 + rw <= cols) {
    TextStyle l = s;
    l.align = Align::Left;
    line(left + std::string(static_cast<std::size_t>(cols - lw - rw), ' ') + right, l);
    return;
  }
  TextStyle l = s, r = s;
  l.align = Align::Left;
  r.align = Align::Right;
  line(left, l);
  line(right, r);
}

void PaperWriter::rule(char fill) {
  TextStyle s;
  line(std::string(static_cast<std::size_t>(profile_.columns), fill), s);
}

void PaperWriter::feed(int lines) { out_ += escpos::feed(lines); }

void PaperWriter::qr(const std::string& data, int moduleDots, QrLevel level) {
  if (profile_.nativeQr) {
    TextStyle s = current_;
    s.align = Align::Center;
    setStyle(s);
    out_ += qrNative(data, moduleDots, level);
    return;
  }
  if (auto pic = qrBitmap(data, moduleDots, level)) image(*pic);
}

void PaperWriter::image(const Bitmap& picture) {
  // Centre it inside a full-width picture: alignment of GS v 0 varies by model.
  int w = std::min(picture.width, profile_.dots);
  Bitmap full(profile_.dots, picture.height);
  int x0 = (profile_.dots - w) / 2;
  for (int y = 0; y < picture.height; ++y) {
    auto src = picture.dots.begin() + static_cast<std::ptrdiff_t>(y) * picture.width;
    std::copy(src, src + w, full.dots.begin() + static_cast<std::ptrdiff_t>(y) * full.width + x0);
  }
  out_ += raster(full);
}

void PaperWriter::cut() {
  if (profile_.cutter)
    out_ += escpos::cut(Cut::Partial, 4);
  else
    out_ += escpos::feed(4);
}

void PaperWriter::openDrawer() {
  if (profile_.drawer) out_ += drawerPulse(0, 100, 200);
}

}  // namespace salon::devices
