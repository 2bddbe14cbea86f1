#include <catch2/catch.hpp>

#include "app/core/money.h"

using salon::Money;

TEST_CASE("money formats as yuan with two decimals") {
  CHECK(salon::formatAmount(Money(12800)) == "128.00");
  CHECK(salon::formatAmount(Money(5)) == "0.05");
  CHECK(salon::formatAmount(Money(-50)) == "-0.50");
  CHECK(salon::formatYuan(Money(199)) == "\xC2\xA5" "1.99");
}

TEST_CASE("yuan text parses to exact fen") {
  Money m;
  REQUIRE(salon::parseYuan("128", m));
  CHECK(m.fen == 12800);
  REQUIRE(salon::parseYuan("0.1", m));
  CHECK(m.fen == 10);
  REQUIRE(salon::parseYuan("19.99", m));
  CHECK(m.fen == 1999);
  CHECK_FALSE(salon::parseYuan("1.999", m));
  CHECK_FALSE(salon::parseYuan("12a", m));
  CHECK_FALSE(salon::parseYuan("", m));
  CHECK_FALSE(salon::parseYuan(".", m));
}
