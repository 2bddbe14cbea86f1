#pragma once
// The ESC/POS commands a salon needs, byte-exact (Epson ESC/POS reference).
// Each returns the bytes of one command; PaperWriter strings them together.
#include <cstdint>
#include <string>

#include "devices/escpos/bitmap.h"

namespace salon::devices::escpos {

enum class Align : std::uint8_t { Left = 0, Center = 1, Right = 2 };
enum class QrLevel : std::uint8_t { L = 0x30, M = 0x31, Q = 0x32, H = 0x33 };
enum class Cut : std::uint8_t { Full = 0x41, Partial = 0x42 };

std::string initialize();                       // ESC @          1B 40
std::string align(Align a);                     // ESC a n        1B 61 n
std::string bold(bool on);                      // ESC E n        1B 45 n
std::string underline(int thickness);           // ESC - n        1B 2D n (0..2)
std::string size(int width, int height);        // GS ! n         1D 21 n, each 1..8
std::string feed(int lines);                    // ESC d n        1B 64 n
std::string chineseOn();                        // FS &           1C 26
std::string chineseOff();                       // FS .           1C 2E
std::string codeTable(int n);                   // ESC t n        1B 74 n
// GS ( k: native QR, function by function.
std::string qrModel2();                         // 1D 28 6B 04 00 31 41 32 00
std::string qrModuleSize(int dots);             // 1D 28 6B 03 00 31 43 n
std::string qrErrorLevel(QrLevel level);        // 1D 28 6B 03 00 31 45 30..33
std::string qrStore(const std::string& data);   // 1D 28 6B pL pH 31 50 30 d...  (pL/pH = len + 3)
std::string qrPrint();                          // 1D 28 6B 03 00 31 51 30
// The four above in order: what a printer with native QR is sent.
std::string qrNative(const std::string& data, int moduleDots, QrLevel level);
// GS v 0 m xL xH yL yH d...: x in bytes, MSB = leftmost dot.
std::string raster(const Bitmap& image, std::uint8_t mode = 0);
std::string cut(Cut kind, int feedLines);       // GS V 41 n / GS V 42 n
std::string drawerPulse(int pin, int onMs, int offMs);  // ESC p m t1 t2 (t in 2 ms units)
std::string statusQuery(int n);                 // DLE EOT n      10 04 n

}  // namespace salon::devices::escpos
