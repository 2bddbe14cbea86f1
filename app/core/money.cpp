#include "app/core/money.h"

#include <cctype>
#include <cstdlib>

namespace salon {

std::string formatAmount(Money m) {
  std::int64_t v = m.fen;
  std::string sign = v < 0 ? "-" : "";
  std::uint64_t a = v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
  std::string cents = std::to_string(a % 100);
  if (cents.size() < 2) cents = "0" + cents;
  return sign + std::to_string(a / 100) + "." + cents;
}

std::string formatYuan(Money m) { return "\xC2\xA5" + formatAmount(m); }

bool parseYuan(const std::string& text, Money& out) {
  if (text.empty() || text.size() > 15) return false;
  std::size_t i = 0;
  bool negative = text[0] == '-';
  if (negative) i = 1;
  std::int64_t whole = 0, frac = 0;
  int fracDigits = 0;
  bool seenDigit = false, seenDot = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !seenDot) { seenDot = true; continue; }
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    seenDigit = true;
    if (seenDot) {
      if (++fracDigits > 2) return false;
      frac = frac * 10 + (c - '0');
    } else {
      whole = whole * 10 + (c - '0');
    }
  }
  if (!seenDigit) return false;
  if (fracDigits == 1) frac *= 10;
  std::int64_t fen = whole * 100 + frac;
  out = Money(negative ? -fen : fen);
  return true;
}

}  // namespace salon
