#include "devices/escpos/profile.h"

namespace salon::devices {

const std::vector<PrinterProfile>& allProfiles() {
  using E = ChineseEncoding;
  static const std::vector<PrinterProfile> all = {
      {"80mm", "80 mm, native QR, cutter, drawer, GB18030 (Epson TM-T82 / Xprinter XP-80 class)", 80, 576, 48, true, true, true, true, E::GB18030},
      {"58mm", "58 mm, native QR, GB18030, no cutter (Xprinter XP-58 class)", 58, 384, 32, true, true, false, true, E::GB18030},
      {"80mm-big5", "80 mm, native QR, cutter, drawer, Big5 (traditional-Chinese firmware)", 80, 576, 48, true, true, true, true, E::Big5},
      {"58mm-big5", "58 mm, native QR, Big5, no cutter", 58, 384, 32, true, true, false, true, E::Big5},
      {"58mm-basic", "58 mm, raster only (no native QR), GB18030, no cutter (POS-5890 class)", 58, 384, 32, false, true, false, false, E::GB18030},
      {"80mm-basic", "80 mm, raster only (no native QR), GB18030, cutter", 80, 576, 48, false, true, true, true, E::GB18030},
  };
  return all;
}

const PrinterProfile& defaultProfile() { return allProfiles().front(); }

std::optional<PrinterProfile> profileByName(const std::string& name) {
  if (name.empty() || name == "default") return defaultProfile();
  for (const auto& p : allProfiles())
    if (p.name == name) return p;
  return std::nullopt;
}

std::string profileLanguage(const PrinterProfile& p) {
  return p.encoding == ChineseEncoding::Big5 ? "zh-Hant" : "zh-Hans";
}

}  // namespace salon::devices
