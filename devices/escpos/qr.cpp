#include "devices/escpos/qr.h"

#include <qrencode.h>

namespace salon::devices {

std::optional<Bitmap> qrBitmap(const std::string& data, int moduleDots, escpos::QrLevel level, int quiet) {
  if (data.empty() || moduleDots < 1) return std::nullopt;
  QRecLevel l = level == escpos::QrLevel::L ? QR_ECLEVEL_L
                : level == escpos::QrLevel::Q ? QR_ECLEVEL_Q
                : level == escpos::QrLevel::H ? QR_ECLEVEL_H
                                              : QR_ECLEVEL_M;
  QRcode* code = QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0, l);
  if (!code) return std::nullopt;
  int side = (code->width + 2 * quiet) * moduleDots;
  Bitmap b(side, side);
  for (int my = 0; my < code->width; ++my)
    for (int mx = 0; mx < code->width; ++mx) {
      if (!(code->data[my * code->width + mx] & 1)) continue;
      for (int dy = 0; dy < moduleDots; ++dy)
        for (int dx = 0; dx < moduleDots; ++dx)
          b.set((mx + quiet) * moduleDots + dx, (my + quiet) * moduleDots + dy);
    }
  QRcode_free(code);
  return b;
}

}  // namespace salon::devices
