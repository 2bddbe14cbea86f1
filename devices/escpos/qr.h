#pragma once
// QR codes drawn by libqrencode: for printers without native QR, and for the
// virtual printer re-drawing a native QR it was sent.
#include <optional>
#include <string>

#include "devices/escpos/bitmap.h"
#include "devices/escpos/commands.h"

namespace salon::devices {

// The symbol for `data` (exact bytes, 8-bit mode), each module `moduleDots`
// square, with a quiet zone of `quietModules`; nullopt if it cannot be encoded.
std::optional<Bitmap> qrBitmap(const std::string& data, int moduleDots, escpos::QrLevel level, int quietModules = 4);

}  // namespace salon::devices
