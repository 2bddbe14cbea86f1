#pragma once
// Writes a ticket for one printer profile: lines of text laid out in columns
// (CJK characters take two), styles, QR codes, pictures and the cut. Text the
// printer's font can print goes as text (Chinese inside FS & … FS .); a line
// with a character the font lacks is drawn from an outline font and sent as one
// raster line, because GS v 0 cannot sit in the middle of a text line.
#include <string>

#include "devices/escpos/commands.h"
#include "devices/escpos/profile.h"

namespace salon::devices {

class Codec;

struct TextStyle {
  escpos::Align align = escpos::Align::Left;
  bool bold = false;
  int underline = 0;
  int width = 1, height = 1;  // character magnification, 1..8
};

class PaperWriter {
 public:
  explicit PaperWriter(const PrinterProfile& profile);

  const PrinterProfile& profile() const { return profile_; }
  // Characters per line at this style's width.
  int columns(const TextStyle& style) const;
  // Columns `text` takes on paper.
  int measure(const std::string& text) const;

  // Text, wrapped to the paper width.
  void line(const std::string& text, const TextStyle& style = {});
  // `left` and `right` on one line, `right` flush right; on two lines if too long.
  void pair(const std::string& left, const std::string& right, const TextStyle& style = {});
  void rule(char fill = '-');
  void feed(int lines);
  void qr(const std::string& data, int moduleDots, escpos::QrLevel level = escpos::QrLevel::M);
  // A picture centred on the paper.
  void image(const Bitmap& picture);
  // Feeds past the tear bar and cuts (partial cut), or just feeds without a cutter.
  void cut();
  void openDrawer();

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void setStyle(const TextStyle& s);
  void emitLine(const std::u32string& text, const TextStyle& s);
  void emitPictureLine(const std::u32string& text, const TextStyle& s);
  PrinterProfile profile_;
  Codec& codec_;
  std::string out_;
  TextStyle current_;
};

}  // namespace salon::devices
