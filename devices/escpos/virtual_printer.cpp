#include "devices/escpos/virtual_printer.h"

#include <png.h>

#include <algorithm>
#include <cstdio>

#include "app/core/error.h"
#include "devices/escpos/codec.h"
#include "devices/escpos/command_stream.h"
#include "devices/escpos/glyph_font.h"
#include "devices/escpos/qr.h"

namespace salon::devices {
namespace {

constexpr int kMaxRows = 40000;  // 5 m of paper at 8 dots/mm
constexpr int kLineAdvance = 30;

struct Placed {
  const Bitmap* glyph;  // owned by the font's cache
  int x, sx, sy;
  bool bold;
  int underline;
};

class Emulator {
 public:
  Emulator(const PrinterProfile& p) : profile_(p), codec_(threadCodec(p.encoding)) {
    pic_.paper = Bitmap(p.dots, 0);
  }

  void run(const std::string& bytes) {
    auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size(), i = 0;
    while (i < n && !pic_.truncated) {
      std::size_t len = escpos::commandLength(p + i, n - i);
      if (len == 0) break;  // a command cut short at the end of the job
      if (len == 1 && p[i] >= 0x80 && chinese_) {
        auto [c, used] = codec_.decode(p + i, n - i);
        put(c, 2);
        i += static_cast<std::size_t>(std::max(1, used));
        continue;
      }
      command(p + i, len);
      i += len;
    }
    if (!items_.empty()) printLine();
  }

  PaperPicture take() { return std::move(pic_); }

 private:
  void command(const unsigned char* c, std::size_t len) {
    if (len == 1) return byte(c[0]);
    switch (c[0]) {
      case 0x1B: return esc(c, len);
      case 0x1C:
        if (c[1] == '&') chinese_ = true;
        if (c[1] == '.') chinese_ = false;
        return;
      case 0x1D: return gs(c, len);
      default: return;  // DLE EOT: real-time status, nothing on paper
    }
  }

  void byte(unsigned char b) {
    if (b == '\n') return printLine();
    if (b == '\r' || b < 0x20 || b == 0x7F) return;
    put(b < 0x80 ? static_cast<char32_t>(b) : U'\uFFFD', 1);
  }

  void esc(const unsigned char* c, std::size_t len) {
    switch (c[1]) {
      case '@': reset(); break;
      case 'a': if (len >= 3) align_ = c[2] % 48 > 2 ? 0 : c[2] % 48; break;
      case 'E': if (len >= 3) bold_ = c[2] & 1; break;
      case '-': if (len >= 3) underline_ = std::min(2, c[2] % 48); break;
      case '!': if (len >= 3) { bold_ = c[2] & 0x08; sy_ = c[2] & 0x10 ? 2 : 1; sx_ = c[2] & 0x20 ? 2 : 1; underline_ = c[2] & 0x80 ? 1 : 0; } break;
      case 'd': if (len >= 3) { printLine(); advance(kLineAdvance * (c[2] > 0 ? c[2] - 1 : 0)); } break;
      case 'p': ++pic_.drawerPulses; note("[drawer pulse]"); break;
      default: break;
    }
  }

  void gs(const unsigned char* c, std::size_t len) {
    switch (c[1]) {
      case '!': if (len >= 3) { sx_ = (c[2] >> 4 & 7) + 1; sy_ = (c[2] & 7) + 1; } break;
      case 'V': cutPaper(); break;
      case 'v': rasterImage(c, len); break;
      case '(': if (len >= 8 && c[2] == 'k') qrFunction(c + 5, len - 5); break;
      default: break;
    }
  }

  void qrFunction(const unsigned char* d, std::size_t len) {
    if (len < 3 || d[0] != 0x31) return;
    switch (d[1]) {
      case 0x43: module_ = std::max(1, std::min<int>(16, d[2])); break;
      case 0x45: level_ = static_cast<escpos::QrLevel>(d[2] >= 0x30 && d[2] <= 0x33 ? d[2] : 0x31); break;
      case 0x50: qrData_.assign(reinterpret_cast<const char*>(d + 3), len - 3); break;
      case 0x51: {
        if (!items_.empty()) printLine();
        auto bmp = qrBitmap(qrData_, module_, level_, 2);
        if (!bmp) break;
        pic_.qrCodes.push_back(qrData_);
        note("[QR " + qrData_ + "]");
        stamp(*bmp);
        break;
      }
      default: break;
    }
  }

  void rasterImage(const unsigned char* c, std::size_t len) {
    if (len < 8) return;
    int xb = c[4] + 256 * c[5], h = c[6] + 256 * c[7];
    if (!items_.empty()) printLine();
    Bitmap img(std::min(xb * 8, profile_.dots), std::min(h, kMaxRows));
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x)
        if (c[8 + static_cast<std::size_t>(y) * xb + x / 8] & (0x80 >> (x % 8))) img.set(x, y);
    note("[picture " + std::to_string(xb * 8) + "x" + std::to_string(h) + "]");
    stamp(img);
  }

  void cutPaper() {
    if (!items_.empty()) printLine();
    advance(24);
    int y = pic_.paper.height;
    advance(4);
    for (int x = 0; x < profile_.dots; ++x)
      if ((x / 8) % 2 == 0) pic_.paper.set(x, y + 1);
    advance(24);
    ++pic_.cuts;
    pic_.text += "- - - - - - - - - - - - (cut) - - - - - - - - - - - -\n";
  }

  void reset() {
    align_ = 0;
    bold_ = false;
    underline_ = 0;
    sx_ = sy_ = 1;
  }

  void put(char32_t ch, int columns) {
    int cellW = 12 * columns;
    int w = cellW * sx_;
    if (x_ + w > profile_.dots) printLine();  // the printer wraps a full line itself
    items_.push_back({&GlyphFont::shared().glyph(ch, cellW, 24), x_, sx_, sy_, bold_, underline_});
    x_ += w;
    appendUtf8(lineText_, ch);
  }

  void printLine() {
    int height = 24;
    for (const auto& it : items_) height = std::max(height, 24 * it.sy);
    int offset = align_ == 1 ? (profile_.dots - x_) / 2 : align_ == 2 ? profile_.dots - x_ : 0;
    int top = pic_.paper.height;
    advance(std::max(kLineAdvance, height + 6));
    for (const auto& it : items_) {
      int y = top + height - 24 * it.sy;
      blit(pic_.paper, *it.glyph, offset + it.x, y, it.sx, it.sy, it.bold);
      for (int t = 0; t < it.underline; ++t)
        for (int ux = 0; ux < it.glyph->width * it.sx; ++ux) pic_.paper.set(offset + it.x + ux, top + height - 1 - t);
    }
    if (offset > 0 && !items_.empty()) lineText_.insert(0, static_cast<std::size_t>(offset / 12), ' ');
    while (!lineText_.empty() && lineText_.back() == ' ') lineText_.pop_back();
    pic_.text += lineText_ + "\n";
    lineText_.clear();
    items_.clear();
    x_ = 0;
  }

  void stamp(const Bitmap& img) {
    int offset = align_ == 1 ? (profile_.dots - img.width) / 2 : align_ == 2 ? profile_.dots - img.width : 0;
    int top = pic_.paper.height;
    advance(img.height);
    for (int y = 0; y < img.height && top + y < pic_.paper.height; ++y)
      for (int x = 0; x < img.width; ++x)
        if (img.at(x, y)) pic_.paper.set(offset + x, top + y);
  }

  void note(const std::string& s) { pic_.text += s + "\n"; }

  void advance(int rows) {
    if (rows <= 0) return;
    int h = pic_.paper.height + rows;
    if (h > kMaxRows) {
      h = kMaxRows;
      pic_.truncated = true;
    }
    pic_.paper.dots.resize(static_cast<std::size_t>(h) * pic_.paper.width, 0);
    pic_.paper.height = h;
  }

  const PrinterProfile& profile_;
  Codec& codec_;
  PaperPicture pic_;
  std::vector<Placed> items_;
  std::string lineText_;
  int x_ = 0, align_ = 0, underline_ = 0, sx_ = 1, sy_ = 1, module_ = 3;
  bool bold_ = false, chinese_ = false;
  escpos::QrLevel level_ = escpos::QrLevel::M;
  std::string qrData_;
};

}  // namespace

PaperPicture renderJob(const std::string& bytes, const PrinterProfile& profile) {
  Emulator e(profile);
  e.run(bytes);
  return e.take();
}

void writePng(const Bitmap& paper, const std::string& path) {
  constexpr int kMargin = 24;
  int w = paper.width + 2 * kMargin, h = std::max(1, paper.height) + 2 * kMargin;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw DomainError("file_write_failed", path);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
    throw DomainError("file_write_failed", path);
  }
  png_init_io(png, f);
  png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8, PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<png_byte> row(static_cast<std::size_t>(w));
  for (int y = 0; y < h; ++y) {
    std::fill(row.begin(), row.end(), 255);
    int py = y - kMargin;
    if (py >= 0 && py < paper.height)
      for (int x = 0; x < paper.width; ++x)
        if (paper.at(x, py)) row[static_cast<std::size_t>(x + kMargin)] = 0;
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

}  // namespace salon::devices
