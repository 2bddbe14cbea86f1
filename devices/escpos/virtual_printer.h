#pragma once
// The virtual printer: turns the bytes this library writes back into a picture
// of the paper (text in the profile's encoding with styles and sizes, native QR
// re-drawn with libqrencode, raster pictures, cuts) and a text transcript.
#include <string>
#include <vector>

#include "devices/escpos/bitmap.h"
#include "devices/escpos/profile.h"

namespace salon::devices {

struct PaperPicture {
  Bitmap paper;                      // profile.dots wide
  std::string text;                  // what was printed, line by line (UTF-8)
  std::vector<std::string> qrCodes;  // payloads of the native QR codes printed
  int cuts = 0;
  int drawerPulses = 0;
  bool truncated = false;            // longer than the virtual roll (a few metres)
};

PaperPicture renderJob(const std::string& bytes, const PrinterProfile& profile);

// White paper with a margin, black dots: an 8-bit greyscale PNG.
void writePng(const Bitmap& paper, const std::string& path);

}  // namespace salon::devices
