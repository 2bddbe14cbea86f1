#pragma once
// Printer profiles (after escpos-printer-db): paper width, what the firmware can
// do, and the Chinese encoding its built-in font uses.
#include <optional>
#include <string>
#include <vector>

namespace salon::devices {

enum class ChineseEncoding { GB18030, Big5 };

struct PrinterProfile {
  std::string name;
  std::string description;
  int paperMm = 80;
  int dots = 576;        // printable dots per line
  int columns = 48;      // 12-dot font A characters per line
  bool nativeQr = true;
  bool raster = true;
  bool cutter = true;
  bool drawer = true;
  ChineseEncoding encoding = ChineseEncoding::GB18030;
};

// 80 mm, native QR, GB18030: used by file: and tcp: unless the URI names another.
const PrinterProfile& defaultProfile();
const std::vector<PrinterProfile>& allProfiles();
std::optional<PrinterProfile> profileByName(const std::string& name);
// The catalogue language receipts are printed in: zh-Hant for Big5 printers.
std::string profileLanguage(const PrinterProfile& p);

}  // namespace salon::devices
