#pragma once
// How the Reports screen and its printed summary write rates and changes.
#include <cstdlib>
#include <optional>
#include <string>

namespace salon::kiosk {

// 9850 → "98.50%" (basis points, exact: no float).
inline std::string percentText(std::int64_t bp) {
  const std::int64_t a = std::llabs(bp);
  std::string frac = std::to_string(a % 100);
  return (bp < 0 ? "-" : "") + std::to_string(a / 100) + "." + (frac.size() < 2 ? "0" : "") + frac + "%";
}

// +1250 → "+12.50%"; nothing to compare with → "".
inline std::string changeText(const std::optional<int>& bp) {
  if (!bp) return "";
  return (*bp > 0 ? "+" : "") + percentText(*bp);
}

// 250 (hundredths) → "2.50".
inline std::string hundredthsText(std::int64_t x100) {
  std::string s = percentText(x100);
  return s.substr(0, s.size() - 1);
}

}  // namespace salon::kiosk
