#pragma once
// Money is an integer count of fen (1/100 yuan). Never a float.
#include <cstdint>
#include <string>

namespace salon {

struct Money {
  std::int64_t fen = 0;

  constexpr Money() = default;
  constexpr explicit Money(std::int64_t f) : fen(f) {}
  static constexpr Money yuan(std::int64_t y) { return Money(y * 100); }

  constexpr Money operator+(Money o) const { return Money(fen + o.fen); }
  constexpr Money operator-(Money o) const { return Money(fen - o.fen); }
  constexpr Money operator-() const { return Money(-fen); }
  constexpr Money operator*(std::int64_t n) const { return Money(fen * n); }
  Money& operator+=(Money o) { fen += o.fen; return *this; }
  Money& operator-=(Money o) { fen -= o.fen; return *this; }
  constexpr bool operator==(Money o) const { return fen == o.fen; }
  constexpr bool operator!=(Money o) const { return fen != o.fen; }
  constexpr bool operator<(Money o) const { return fen < o.fen; }
  constexpr bool operator<=(Money o) const { return fen <= o.fen; }
  constexpr bool operator>(Money o) const { return fen > o.fen; }
  constexpr bool operator>=(Money o) const { return fen >= o.fen; }
};

// "128.00", "-0.50": yuan with two decimals, no currency sign.
std::string formatAmount(Money m);
// "¥128.00"
std::string formatYuan(Money m);
// Parses "128", "128.5", "128.50" (yuan) into fen; false on anything else.
bool parseYuan(const std::string& text, Money& out);

}  // namespace salon
